import "server-only";
// Bank statement import: the treasurer uploads the bank's CSV; each credit line becomes a
// BankStatementLine (unique fingerprint: the same file, or an overlapping one, brings nothing
// twice); the page proposes matches; only the treasurer's confirmation records a payment, once
// per line (Payment.bankLineId is unique).
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { parisDay } from "@/lib/validation/date";
import { currentInvoiceWhere } from "./invoices";
import { proposeMatches, type OpenDues } from "./matching";
import { recordTransfer, settlementMessage } from "./payments";
import { parseStatement } from "./statement-csv";

const sha256 = (value: string | Uint8Array) => createHash("sha256").update(value).digest("hex");

export async function importStatement(db: Db, actor: ActorGrants, input: { filename: string; bytes: Buffer }) {
  requireAssociationPermission(actor, "dues:record");
  const parsed = parseStatement(input.bytes);
  if (!parsed.ok) throw new DomainError(parsed.message);
  if (parsed.lines.length === 0) throw new DomainError("Ce relevé ne contient aucun crédit (virement reçu) : rien à rapprocher.");
  const fileHash = sha256(input.bytes);
  const known = await db.bankStatement.findUnique({ where: { sha256: fileHash }, select: { id: true } });
  if (known) return { statementId: known.id, newLines: 0, alreadyImported: true, encoding: parsed.encoding, skippedRows: parsed.skippedRows };
  // Identical lines in one file (two transfers of 50 € the same day, same label) stay distinct.
  const occurrences = new Map<string, number>();
  const lines = parsed.lines.map((line) => {
    const base = `${line.bookedOn.toISOString().slice(0, 10)}|${line.amountCents}|${line.label.toUpperCase()}`;
    const occurrence = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, occurrence);
    return { ...line, fingerprint: sha256(`${base}|${occurrence}`) };
  });
  return db.$transaction(async (tx) => {
    const statement = await tx.bankStatement.create({
      data: { sha256: fileHash, filename: input.filename.slice(0, 200) || "releve.csv", encoding: parsed.encoding, importedById: actor.userId },
      select: { id: true },
    });
    const { count } = await tx.bankStatementLine.createMany({
      data: lines.map((line) => ({ statementId: statement.id, fingerprint: line.fingerprint, bookedOn: line.bookedOn, label: line.label, amountCents: line.amountCents })),
      skipDuplicates: true,
    });
    await recordAudit(tx, { actorId: actor.userId, action: "dues.statement_imported", targetType: "BankStatement", targetId: statement.id, data: { filename: input.filename.slice(0, 200), lines: lines.length, newLines: count, encoding: parsed.encoding } });
    return { statementId: statement.id, newLines: count, alreadyImported: false, encoding: parsed.encoding, skippedRows: parsed.skippedRows };
  });
}

async function openDues(db: Db): Promise<OpenDues[]> {
  const rows = await db.dues.findMany({
    where: { status: "DUE" },
    select: { id: true, amountCents: true, paidCents: true, organization: { select: { name: true } }, invoices: { where: currentInvoiceWhere, orderBy: { sequence: "desc" }, take: 1, select: { number: true } } },
  });
  return rows.flatMap((row) => (row.invoices[0] ? [{ duesId: row.id, invoiceNumber: row.invoices[0].number, organizationName: row.organization.name, remainingCents: row.amountCents - row.paidCents }] : []));
}

/** Lines waiting for a decision (every statement), with proposals, and the latest decided ones. */
export async function reconciliationOf(db: Db, actor: ActorGrants) {
  requireAssociationPermission(actor, "dues:record");
  const [pending, decided, open, statements] = await Promise.all([
    db.bankStatementLine.findMany({ where: { payment: null, ignoredAt: null }, orderBy: [{ bookedOn: "asc" }, { id: "asc" }], take: 200, select: { id: true, bookedOn: true, label: true, amountCents: true } }),
    db.bankStatementLine.findMany({
      where: { OR: [{ payment: { isNot: null } }, { ignoredAt: { not: null } }] },
      orderBy: { bookedOn: "desc" },
      take: 30,
      select: { id: true, bookedOn: true, label: true, amountCents: true, ignoredAt: true, payment: { select: { dues: { select: { organization: { select: { name: true } } } } } } },
    }),
    openDues(db),
    db.bankStatement.findMany({ orderBy: { importedAt: "desc" }, take: 10, select: { id: true, filename: true, importedAt: true, encoding: true, _count: { select: { lines: true } } } }),
  ]);
  return {
    pending: pending.map((line) => ({ ...line, proposals: proposeMatches(line, open) })),
    decided: decided.map((line) => ({ id: line.id, bookedOn: line.bookedOn, label: line.label, amountCents: line.amountCents, ignored: Boolean(line.ignoredAt), organizationName: line.payment?.dues.organization.name ?? null })),
    open,
    statements,
  };
}

/** The treasurer confirms that a line pays these dues: the transfer is recorded from it, once. */
export async function confirmBankLine(db: Db, actor: ActorGrants, input: { lineId: string; duesId: string }) {
  requireAssociationPermission(actor, "dues:record");
  const line = await db.bankStatementLine.findUnique({ where: { id: input.lineId }, select: { id: true, bookedOn: true, label: true, amountCents: true, ignoredAt: true, payment: { select: { id: true } } } });
  if (!line) throw new DomainError("Cette ligne de relevé n'existe pas : rechargez la page.");
  if (line.payment) throw new DomainError("Ce virement est déjà enregistré.");
  if (line.ignoredAt) throw new DomainError("Cette ligne a été écartée : elle n'est rattachée à aucune cotisation.");
  try {
    const result = await recordTransfer(
      db,
      actor,
      { duesId: input.duesId, receivedOn: parisDay(line.bookedOn), amount: (line.amountCents / 100).toFixed(2), reference: line.label.slice(0, 140) || "Relevé bancaire" },
      { bankLineId: line.id },
    );
    return { ...result, message: settlementMessage(result) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("Ce virement est déjà enregistré.");
    throw error;
  }
}

export async function ignoreBankLine(db: Db, actor: ActorGrants, input: { lineId: string }) {
  requireAssociationPermission(actor, "dues:record");
  return db.$transaction(async (tx) => {
    const { count } = await tx.bankStatementLine.updateMany({ where: { id: input.lineId, ignoredAt: null, payment: null }, data: { ignoredAt: new Date() } });
    if (count === 0) throw new DomainError("Cette ligne est déjà traitée, ou n'existe pas : rechargez la page.");
    await recordAudit(tx, { actorId: actor.userId, action: "dues.bank_line_ignored", targetType: "BankStatementLine", targetId: input.lineId });
    return { lineId: input.lineId };
  });
}
