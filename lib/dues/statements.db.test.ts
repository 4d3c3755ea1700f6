import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, member } from "@/tests/support/world";
import { communeWithBilling, openRoundWithTiers } from "@/tests/support/dues-world";
import { issueInvoice } from "./invoices";
import { confirmBankLine, ignoreBankLine, importStatement, reconciliationOf } from "./statements";
import { boardCsv, duesBoard, duesHistory } from "./treasury";

const db = createPrismaClient(process.env.DATABASE_URL!);
let treasurer: Actor;
let administrator: Actor;

beforeAll(async () => {
  await openRoundWithTiers(db);
  treasurer = await associationMember(db, "TREASURER");
  administrator = await associationMember(db, "ADMINISTRATOR");
});
afterAll(() => db.$disconnect());

async function invoiced(population = 126) {
  const organization = await communeWithBilling(db, population);
  const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
  const invoice = await issueInvoice(db, secretary, { organizationId: organization.id });
  return { organization, invoice, secretary };
}

const counts = async () => ({ payments: await db.payment.count(), lines: await db.bankStatementLine.count(), statements: await db.bankStatement.count() });

describe("bank statement import", () => {
  it("proposes by invoice number and by amount, records only what the treasurer confirms, and nothing twice", async () => {
    const a = await invoiced(126);
    const b = await invoiced(2000);
    const csv = [
      "Relevé de compte;;;",
      "Date;Libellé;Débit;Crédit",
      `03/04/2026;VIR DGFIP MANDAT 77 ${a.invoice.number};;50,00`,
      "04/04/2026;VIR MAIRIE SANS REF;;100,00",
      "05/04/2026;Frais de tenue de compte;4,50;",
      "05/04/2026;VIR INCONNU;;12,34",
    ].join("\r\n");
    const bytes = iconv.encode(csv, "windows-1252");
    await expect(importStatement(db, a.secretary, { filename: "releve.csv", bytes })).rejects.toBeInstanceOf(AccessDeniedError);
    const before = await counts();
    const first = await importStatement(db, treasurer, { filename: "relevé avril.csv", bytes });
    expect(first).toMatchObject({ newLines: 3, alreadyImported: false, encoding: "Windows-1252" });
    expect((await counts()).payments).toBe(before.payments);

    const view = await reconciliationOf(db, treasurer);
    const byLabel = (label: string) => view.pending.find((line) => line.label.includes(label))!;
    expect(byLabel(a.invoice.number).proposals.map((p) => [p.invoiceNumber, p.reason])).toEqual([[a.invoice.number, "number-and-amount"]]);
    expect(byLabel("SANS REF").proposals.map((p) => p.invoiceNumber)).toContain(b.invoice.number);
    expect(byLabel("INCONNU").proposals).toEqual([]);

    // The same file again, and an overlapping one: no new line.
    expect(await importStatement(db, treasurer, { filename: "relevé avril.csv", bytes })).toMatchObject({ newLines: 0, alreadyImported: true });
    const overlapping = iconv.encode(`${csv}\r\n06/04/2026;VIR NOUVEAU;;7,00`, "windows-1252");
    expect(await importStatement(db, treasurer, { filename: "relevé avril-bis.csv", bytes: overlapping })).toMatchObject({ newLines: 1 });

    const line = byLabel(a.invoice.number);
    const confirmed = await confirmBankLine(db, treasurer, { lineId: line.id, duesId: line.proposals[0]!.duesId });
    expect(confirmed).toMatchObject({ status: "PAID", paidCents: 5_000 });
    await expect(confirmBankLine(db, treasurer, { lineId: line.id, duesId: line.proposals[0]!.duesId })).rejects.toThrow(/déjà enregistré/);
    await Promise.allSettled([0, 1].map(() => confirmBankLine(db, treasurer, { lineId: byLabel("SANS REF").id, duesId: byLabel("SANS REF").proposals[0]!.duesId })));
    expect(await db.payment.count({ where: { bankLineId: byLabel("SANS REF").id } })).toBe(1);
    await ignoreBankLine(db, treasurer, { lineId: byLabel("INCONNU").id });
    await expect(ignoreBankLine(db, treasurer, { lineId: byLabel("INCONNU").id })).rejects.toThrow(/déjà traitée/);
    expect((await counts()).payments).toBe(before.payments + 2);
  });

  it("answers a strange encoding or a huge file clearly, recording nothing", async () => {
    const before = await counts();
    await expect(importStatement(db, treasurer, { filename: "releve.xlsx", bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]) })).rejects.toThrow(/pas un relevé CSV lisible/);
    const huge = Buffer.from(`Date;Libellé;Montant\n${"01/04/2026;VIR;1,00\n".repeat(100_000)}`);
    await expect(importStatement(db, treasurer, { filename: "gros.csv", bytes: huge })).rejects.toThrow(/lignes|Mo/);
    expect(await counts()).toEqual(before);
  });
});

describe("the treasurer's board", () => {
  it("lists the dues by status with totals, filters, history and a French CSV; administrators read it, members do not", async () => {
    const { organization, secretary } = await invoiced(126);
    const board = (await duesBoard(db, administrator))!;
    expect(board.round.year).toBe(2026);
    const row = board.rows.find((candidate) => candidate.organizationId === organization.id)!;
    expect(row).toMatchObject({ status: "ISSUED", amountCents: 5_000, kind: "COMMUNE", departmentCode: "13" });
    expect(board.totals.byStatus.PAID.count).toBeGreaterThanOrEqual(2);
    const later = (await duesBoard(db, treasurer, {}, new Date(Date.now() + 45 * 24 * 3600_000)))!;
    expect(later.rows.find((candidate) => candidate.organizationId === organization.id)).toMatchObject({ status: "OVERDUE", ageing: "1-30" });
    expect(later.ageing["1-30"].count).toBeGreaterThanOrEqual(1);
    expect((await duesBoard(db, treasurer, { status: "PAID" }))!.rows.every((candidate) => candidate.status === "PAID")).toBe(true);
    expect((await duesBoard(db, treasurer, { method: "TRANSFER" }))!.rows.length).toBeGreaterThanOrEqual(2);
    expect((await duesBoard(db, treasurer, { department: "42" }))!.rows).toEqual([]);
    await expect(duesBoard(db, secretary)).rejects.toBeInstanceOf(AccessDeniedError);

    const csv = boardCsv(board.rows);
    expect(csv.startsWith("\ufeffOrganisation;Code;Type")).toBe(true);
    expect(csv).toContain(";50,00;");
    expect(csv).toMatch(/\d{2}\/\d{2}\/\d{4}/);

    await expect(duesHistory(db, secretary, organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
    const history = (await duesHistory(db, treasurer, organization.id))!;
    expect(history.dues[0]!.invoices).toHaveLength(1);
  });
});
