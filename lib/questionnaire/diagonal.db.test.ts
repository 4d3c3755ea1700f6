import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { DIAGONAL_MAX_BYTES, getDiagonalEvidence, readDiagonalFile, saveDiagonalEvidence } from "./diagonal";

const db = createPrismaClient(process.env.DATABASE_URL!);

beforeAll(async () => {
  await insertTerritories(db);
  await createOpenRound(db);
});
afterAll(() => db.$disconnect());

async function pdf(text = "Synthese Diagonal"): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return new Uint8Array(await doc.save());
}

const file = (bytes: Uint8Array<ArrayBuffer>, name = "synthese.pdf") => new File([bytes], name, { type: "application/pdf" });

describe("Diagonal evidence", () => {
  it("records the date and the PDF, replaces it, and lets the organization download it", async () => {
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
    const champion = await member(db, organization.id, "CYBER_CHAMPION", "champion");

    const first = await saveDiagonalEvidence(db, secretary, { organizationId: organization.id, diagnosedOn: "2026-02-10", file: file(await pdf()) });
    const second = await saveDiagonalEvidence(db, secretary, { organizationId: organization.id, diagnosedOn: "2026-02-12", file: file(await pdf("v2"), "v2.pdf") });
    expect(second.id).toBe(first.id);
    expect(await db.storedFile.count({ where: { organizationId: organization.id } })).toBe(1);

    const evidence = await getDiagonalEvidence(db, champion, organization.id);
    expect(evidence).toMatchObject({ diagnosedOn: new Date("2026-02-12T00:00:00Z"), file: { name: "v2.pdf" } });
    const stored = await readDiagonalFile(db, champion, evidence!.id);
    expect(Buffer.from(stored.content).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The champion reads but does not answer.
    await expect(saveDiagonalEvidence(db, champion, { organizationId: organization.id, diagnosedOn: "2026-02-10", file: file(await pdf()) })).rejects.toThrow(
      AccessDeniedError,
    );
  });

  it("refuses what is not a PDF by its content, whatever its name, and what is over 10 MB", async () => {
    const organization = await createOrganization(db, "42218");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire-b");
    const save = (bytes: Uint8Array<ArrayBuffer>) => saveDiagonalEvidence(db, secretary, { organizationId: organization.id, diagnosedOn: "2026-02-10", file: file(bytes) });

    await expect(save(new Uint8Array(Buffer.from("Bonjour, ceci est un texte")))).rejects.toThrow(/n'est pas un PDF lisible/);
    await expect(save(new Uint8Array(Buffer.from("%PDF-1.7\n pas vraiment un PDF")))).rejects.toThrow(/n'est pas un PDF lisible/);
    const big = new Uint8Array(DIAGONAL_MAX_BYTES + 1);
    big.set(Buffer.from("%PDF-1.7\n"));
    await expect(save(big)).rejects.toThrow(/dépasse 10 Mo/);
    expect(await db.storedFile.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
