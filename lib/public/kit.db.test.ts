// The communication kit: members only, while the label is valid; the poster names the territory
// and the serial (read back with pdftotext), with a QR code to the verification page.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { approvedCandidacyWithLabel } from "@/tests/support/candidacy";
import { createOpenRound, createOrganization, insertTerritories, member, outsider } from "@/tests/support/world";
import { downloadPoster, getCommunicationKit } from "./kit";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const APP_URL = "https://label.example.fr";

describe("the communication kit", () => {
  it("is there for members while the label is valid, with the poster, and gone once revoked", async () => {
    const organization = await createOrganization(db, "13090");
    const round = await createOpenRound(db);
    const secretary = await member(db, organization.id, "SECRETARY");
    const champion = await member(db, organization.id, "CYBER_CHAMPION");
    const stranger = await outsider(db);

    // No label yet: no kit, and the page says why.
    const before = await getCommunicationKit(db, secretary, organization.id, APP_URL);
    expect(before).toMatchObject({ label: null, snippet: null, pressRelease: null, files: [] });
    expect(await downloadPoster(db, secretary, organization.id, APP_URL)).toHaveProperty("notFound");

    const { label } = await approvedCandidacyWithLabel(db, organization.id, round.id);
    await db.certificate.create({ data: { labelId: label.id, serial: "CCD-2026-7KQ4-M9XH", pdf: new Uint8Array([37]), sha256: "0".repeat(64), issuedAt: new Date() } });

    const kit = await getCommunicationKit(db, champion, organization.id, APP_URL);
    expect(kit.label).toMatchObject({ year: 2026, certificateSerial: "CCD-2026-7KQ4-M9XH", validUntilLabel: "31 décembre 2027" });
    expect(kit.snippet).toBe(
      '<a href="https://label.example.fr/verifier/CCD-2026-7KQ4-M9XH"><img src="https://label.example.fr/badge/13090.svg" width="240" height="80" alt="Label Commune Cyber Dynamique de Saint-Antonin-sur-Bayon : vérifier sa validité"></a>',
    );
    expect(kit.files.map((file) => file.href)).toContain("/badge/13090.png?taille=grand");
    expect(kit.pressRelease).toContain("Saint-Antonin-sur-Bayon obtient le label Commune Cyber Dynamique 2026");
    expect(kit.pressRelease).toContain("https://label.example.fr/verifier/CCD-2026-7KQ4-M9XH");

    const poster = await downloadPoster(db, secretary, organization.id, APP_URL);
    if ("notFound" in poster) throw new Error(poster.notFound);
    expect(poster.filename).toBe("affiche-label-2026-13090.pdf");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "affiche-")), poster.filename);
    writeFileSync(file, poster.content);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Saint-Antonin-sur-Bayon");
    expect(text).toContain("CCD-2026-7KQ4-M9XH");
    expect(text).toContain("https://label.example.fr/verifier/CCD-2026-7KQ4-M9XH");
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+1\n/);

    await expect(getCommunicationKit(db, stranger, organization.id, APP_URL)).rejects.toBeInstanceOf(AccessDeniedError);

    await db.label.update({ where: { id: label.id }, data: { revokedAt: new Date(), revokeReason: "Essai" } });
    const revoked = await getCommunicationKit(db, secretary, organization.id, APP_URL);
    expect(revoked).toMatchObject({ label: null, snippet: null, lastLabel: { state: "revoked" } });
    expect(await downloadPoster(db, secretary, organization.id, APP_URL)).toHaveProperty("notFound");
  });
});
