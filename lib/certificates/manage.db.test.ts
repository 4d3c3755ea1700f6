import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as certificateJson } from "@/app/api/certificats/[serial]/route";
import { POST as compareRoute } from "@/app/verifier/[serial]/comparaison/route";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import type { RunningWorkers } from "@/lib/jobs/worker";
import { labelledOrganization, startCertificateWorker, testCommune, until } from "@/tests/support/certificates";
import { associationMember, createOpenRound, insertTerritories } from "@/tests/support/world";
import { issueCertificate } from "./issue";
import { recordHologram, reissueCertificate, revokeLabel } from "./manage";
import { generateSerial } from "./serial";
import { findPublicCertificate } from "./verification";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
let roundId: string;
let workers: RunningWorkers;
beforeAll(async () => {
  await insertTerritories(db);
  roundId = (await createOpenRound(db)).id;
  // The reissue is signed by the issuing job, as in the application.
  workers = await startCertificateWorker(db, process.env.DATABASE_URL!);
}, 120_000);
afterAll(async () => {
  await workers?.stop();
  await db.$disconnect();
});

async function issued() {
  const world = await labelledOrganization(db, await testCommune(db), roundId);
  const result = (await issueCertificate(db, world.label.id))!;
  return { ...world, ...result };
}

const ask = (serial: string, headers: Record<string, string> = {}) =>
  certificateJson(new Request(`http://localhost/api/certificats/${serial}`, { headers: { "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 250)}`, ...headers } }), { params: Promise.resolve({ serial }) });

describe("public JSON", () => {
  it("answers what the page shows, 404 for an unknown serial, 400 for a typo or 10,000 characters, 304 while unchanged", async () => {
    const { serial, organization, mayor } = await issued();
    const response = await ask(serial);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ serial, status: "valide", hologramNumber: null, round: { year: 2026 }, label: "premier label" });
    expect(JSON.stringify(body)).not.toContain(organization.id);
    expect(JSON.stringify(body)).not.toContain(mayor.email);
    const etag = response.headers.get("etag")!;
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect((await ask(serial, { "if-none-match": etag })).status).toBe(304);

    expect((await ask(generateSerial(2026))).status).toBe(404);
    const typo = serial.slice(0, -1) + (serial.endsWith("0") ? "1" : "0");
    const typoResponse = await ask(typo);
    expect(typoResponse.status).toBe(400);
    expect((await typoResponse.json()).error).toMatch(/erreur de frappe/);
    expect((await ask("X".repeat(10_000))).status).toBe(400);
  });
});

describe("revokeLabel", () => {
  it("turns the JSON to 410 with the reason in the same second, audits and e-mails, once", async () => {
    const { serial, certificateId, organization } = await issued();
    const admin = await associationMember(db, "ADMINISTRATOR");
    const before = await ask(serial);
    const etag = before.headers.get("etag")!;
    await revokeLabel(db, admin, { certificateId, reason: "Cotisation remboursée à la commune" });
    // The very next request, with the cached copy's ETag: no stale answer survives the revocation.
    const started = Date.now();
    const after = await ask(serial, { "if-none-match": etag });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(after.status).toBe(410);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await after.json()).toMatchObject({ status: "révoqué", revocationReason: "Cotisation remboursée à la commune" });
    expect((await findPublicCertificate(db, serial))!.statusText).toMatch(/^Révoqué le .* pour le motif : Cotisation remboursée à la commune$/);

    await expect(revokeLabel(db, admin, { certificateId, reason: "Une seconde fois" })).rejects.toBeInstanceOf(DomainError);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "label.revoked" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { organizationId: organization.id, template: "certificate.revoked" } })).toBe(2);
    expect((await db.label.findFirstOrThrow({ where: { organizationId: organization.id } })).revokedById).toBe(admin.userId);
  });

  it("is refused to a correspondent and to the organization's own mayor", async () => {
    const { certificateId, mayor } = await issued();
    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "13");
    await expect(revokeLabel(db, correspondent, { certificateId, reason: "Essai de révocation" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(revokeLabel(db, mayor, { certificateId, reason: "Essai de révocation" })).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("reissueCertificate", () => {
  it("makes a new serial and the old one says « remplacé par … »; a second reissue of the old one is refused", async () => {
    const { serial, certificateId, organization } = await issued();
    const admin = await associationMember(db, "ADMINISTRATOR");
    const reissued = await reissueCertificate(db, admin, { certificateId, reason: "Nom de la commune corrigé" });
    expect(reissued.serial).not.toBe(serial);
    // Whenever the old one reads « remplacé », the new one is public: never a dangling replacement.
    await expect(reissueCertificate(db, admin, { certificateId, reason: "Encore une fois" })).rejects.toThrow(/déjà en préparation|déjà remplacé/);
    await until(async () => {
      const [oldOne, newOne] = await Promise.all([findPublicCertificate(db, serial), findPublicCertificate(db, reissued.serial)]);
      if (oldOne?.status.kind === "replaced") expect(newOne).not.toBeNull();
      else expect(oldOne?.status.kind).toBe("valid");
      return oldOne?.status.kind === "replaced";
    });
    const old = (await findPublicCertificate(db, serial))!;
    expect(old.status).toMatchObject({ kind: "replaced", by: reissued.serial });
    expect(old.statusText).toMatch(new RegExp(`^Remplacé par le certificat ${reissued.serial} le `));
    const fresh = (await findPublicCertificate(db, reissued.serial))!;
    expect(fresh).toMatchObject({ statusWord: "valide", replaces: serial });
    await expect(reissueCertificate(db, admin, { certificateId, reason: "Encore une fois" })).rejects.toThrow(/déjà remplacé/);
    expect(await db.certificate.count({ where: { label: { organizationId: organization.id } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "certificate.issued" } })).toBe(2);
  });
});

describe("recordHologram", () => {
  it("records a unique number, audited, shown publicly; a correspondent of the département may, one elsewhere may not", async () => {
    const first = await issued();
    const second = await issued();
    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "13");
    const elsewhere = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "42");
    await expect(recordHologram(db, elsewhere, { certificateId: first.certificateId, hologramNumber: "HOL-0001" })).rejects.toBeInstanceOf(AccessDeniedError);
    await recordHologram(db, correspondent, { certificateId: first.certificateId, hologramNumber: "HOL-0001" });
    expect((await findPublicCertificate(db, first.serial))!.hologramNumber).toBe("HOL-0001");
    await expect(recordHologram(db, correspondent, { certificateId: second.certificateId, hologramNumber: "HOL-0001" })).rejects.toThrow(/déjà enregistré sur un autre certificat/);
    expect(await db.auditEvent.count({ where: { action: "certificate.hologram_recorded", organizationId: first.organization.id } })).toBe(1);
  });
});

describe("comparison", () => {
  const compare = (serial: string, body: BodyInit, headers: Record<string, string> = {}) =>
    compareRoute(new Request(`http://localhost/verifier/${serial}/comparaison`, { method: "POST", body, headers: { "x-forwarded-for": `10.1.0.${Math.floor(Math.random() * 250)}`, ...headers } }), {
      params: Promise.resolve({ serial }),
    });

  it("says identical for the issued bytes, modified for one changed byte, and refuses 50 MB or a non-PDF with a message", async () => {
    const { serial, certificateId } = await issued();
    const pdf = new Uint8Array((await db.certificate.findUniqueOrThrow({ where: { id: certificateId } })).pdf!);
    expect(await (await compare(serial, pdf)).json()).toMatchObject({ result: "identical", message: expect.stringMatching(/^Identique/) });
    const changed = new Uint8Array(pdf);
    changed[2000] = changed[2000]! ^ 1;
    expect(await (await compare(serial, changed)).json()).toMatchObject({ result: "modified", message: expect.stringMatching(/^Modifié/) });

    const big = await compare(serial, new Uint8Array(50 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/dépasse 5 Mo/);
    const notPdf = await compare(serial, "bonjour");
    expect(notPdf.status).toBe(415);
    expect((await notPdf.json()).error).toMatch(/n'est pas un PDF/);
    expect((await compare(generateSerial(2026), pdf)).status).toBe(404);
  });
});
