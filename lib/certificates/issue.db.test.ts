import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { EMAIL_TEMPLATES } from "@/lib/notifications/templates";
import { labelledOrganization, testCommune } from "@/tests/support/certificates";
import { createOpenRound, insertTerritories } from "@/tests/support/world";
import { issueCertificate } from "./issue";
import { parseSerial } from "./serial";
import * as signing from "./signing";

vi.mock("./signing", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./signing")>();
  return { ...actual, signPdf: vi.fn(actual.signPdf) };
});

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;
beforeAll(async () => {
  await insertTerritories(db);
  roundId = (await createOpenRound(db)).id;
});
afterAll(() => db.$disconnect());

describe("issueCertificate", () => {
  it("renders, signs and stores the label's certificate with its hash, audit event and e-mails to the mayor and the secretary", async () => {
    const { label, organization, mayor, secretary } = await labelledOrganization(db, await testCommune(db), roundId);
    const result = await issueCertificate(db, label.id);
    expect(result).toMatchObject({ generation: 1, issuedNow: true });
    expect(parseSerial(result!.serial)).toEqual({ ok: true, serial: result!.serial });
    expect(result!.serial).toMatch(/^CCD-2026-/);

    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: result!.certificateId } });
    const pdf = Buffer.from(certificate.pdf!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/ETSI.CAdES.detached");
    expect(certificate.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(certificate.issuedAt).toBeInstanceOf(Date);

    const audit = await db.auditEvent.findMany({ where: { organizationId: organization.id, action: "certificate.issued" } });
    expect(audit).toHaveLength(1);
    const outbox = await db.outboxMessage.findMany({ where: { organizationId: organization.id }, orderBy: { to: "asc" } });
    expect(outbox.map((message) => [message.to, message.template])).toEqual(
      [mayor.email, secretary.email].sort().map((to) => [to.toLowerCase(), "certificate.issued"]),
    );

    const email = await EMAIL_TEMPLATES["certificate.issued"].render({ certificateId: certificate.id }, { db, appUrl: "https://label.example.fr" });
    expect(email.subject).toBe("Votre certificat du label Commune Cyber Dynamique 2026");
    expect(email.text).toContain(`https://label.example.fr/verifier/${certificate.serial}`);
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments![0]).toMatchObject({ filename: `certificat-${certificate.serial}.pdf`, contentType: "application/pdf" });
    expect(Buffer.from(email.attachments![0]!.content).equals(pdf)).toBe(true);
  });

  it("makes one certificate per label whatever the retries and duplicate jobs, run in turn or at once", async () => {
    const { label, organization } = await labelledOrganization(db, await testCommune(db), roundId);
    const first = await issueCertificate(db, label.id);
    const again = await issueCertificate(db, label.id);
    expect(again).toEqual({ ...first, issuedNow: false });

    const other = await labelledOrganization(db, await testCommune(db), roundId);
    const together = await Promise.all([1, 2, 3, 4].map(() => issueCertificate(db, other.label.id)));
    expect(new Set(together.map((result) => result!.serial)).size).toBe(1);
    expect(together.filter((result) => result!.issuedNow)).toHaveLength(1);

    for (const [labelId, organizationId] of [
      [label.id, organization.id],
      [other.label.id, other.organization.id],
    ]) {
      expect(await db.certificate.count({ where: { labelId } })).toBe(1);
      expect(await db.auditEvent.count({ where: { organizationId, action: "certificate.issued" } })).toBe(1);
      expect(await db.outboxMessage.count({ where: { organizationId } })).toBe(2);
    }
  });

  it("counts a failure on the reserved row, stores nothing half-made, and the retry issues the same serial", async () => {
    const { label } = await labelledOrganization(db, await testCommune(db), roundId);
    vi.mocked(signing.signPdf).mockRejectedValueOnce(new Error("module de signature indisponible"));
    await expect(issueCertificate(db, label.id)).rejects.toThrow("module de signature indisponible");
    const failed = await db.certificate.findFirstOrThrow({ where: { labelId: label.id } });
    expect(failed).toMatchObject({ pdf: null, sha256: null, issuedAt: null, attempts: 1, lastError: "module de signature indisponible" });

    const retried = await issueCertificate(db, label.id);
    expect(retried).toMatchObject({ serial: failed.serial, issuedNow: true });
    expect(await db.certificate.findFirstOrThrow({ where: { labelId: label.id } })).toMatchObject({ lastError: null, attempts: 1 });
  });

  it("refuses to change an issued certificate's bytes (database trigger) and issues nothing for an unknown label", async () => {
    const { label } = await labelledOrganization(db, await testCommune(db), roundId);
    const { certificateId } = (await issueCertificate(db, label.id))!;
    await expect(db.certificate.update({ where: { id: certificateId }, data: { sha256: "0".repeat(64) } })).rejects.toThrow();
    await expect(db.certificate.update({ where: { id: certificateId }, data: { hologramNumber: "H-000123" } })).resolves.toBeTruthy();
    expect(await issueCertificate(db, "inconnu")).toBeNull();
  });
});
