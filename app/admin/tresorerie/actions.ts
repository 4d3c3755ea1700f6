"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { cancelInvoice } from "@/lib/dues/invoices";
import { recordTransfer, settlementMessage } from "@/lib/dues/payments";
import { cancelInvoiceSchema, confirmMatchSchema, lineIdSchema, recordTransferSchema, statementUploadSchema } from "@/lib/dues/schemas";
import { confirmBankLine, ignoreBankLine, importStatement } from "@/lib/dues/statements";

function refresh(organizationId?: string) {
  revalidatePath("/admin/tresorerie");
  revalidatePath("/admin/tresorerie/releves");
  if (organizationId) revalidatePath(`/admin/tresorerie/organisations/${organizationId}`);
}

export async function recordTransferAction(input: unknown) {
  const result = await runAction(recordTransferSchema, input, async (data, actor) => {
    const settlement = await recordTransfer(getDb(), actor, { ...data, amount: (data.amount / 100).toFixed(2), mandateNumber: data.mandateNumber ?? undefined });
    return { organizationId: settlement.organizationId, message: settlementMessage(settlement), overpaidCents: settlement.overpaidCents };
  });
  if (!result.ok) return result;
  refresh(result.data.organizationId);
  return { ...result, message: result.data.message };
}

export async function cancelInvoiceAction(input: unknown) {
  const result = await runAction(cancelInvoiceSchema, input, (data, actor) => cancelInvoice(getDb(), actor, data));
  if (!result.ok) return result;
  refresh(result.data.organizationId);
  return {
    ...result,
    message: result.data.reissuedNumber
      ? `Facture annulée par l’avoir ${result.data.creditNoteNumber} ; facture corrigée ${result.data.reissuedNumber} émise et envoyée.`
      : `Facture annulée par l’avoir ${result.data.creditNoteNumber}.`,
  };
}

export async function importStatementAction(input: unknown) {
  const result = await runAction(statementUploadSchema, input, async (data, actor) =>
    importStatement(getDb(), actor, { filename: data.file.name, bytes: Buffer.from(await data.file.arrayBuffer()) }),
  );
  if (!result.ok) return result;
  refresh();
  const { newLines, alreadyImported, encoding, skippedRows } = result.data;
  return {
    ...result,
    message: alreadyImported
      ? "Ce relevé a déjà été importé : aucune ligne ajoutée."
      : `Relevé importé (${encoding}) : ${newLines} virement${newLines > 1 ? "s" : ""} reçu${newLines > 1 ? "s" : ""} à rapprocher${skippedRows > 0 ? `, ${skippedRows} ligne(s) illisible(s) ignorée(s)` : ""}. Rien n’est enregistré avant votre confirmation.`,
  };
}

export async function confirmBankLineAction(input: unknown) {
  const result = await runAction(confirmMatchSchema, input, (data, actor) => confirmBankLine(getDb(), actor, data));
  if (!result.ok) return result;
  refresh(result.data.organizationId);
  return { ...result, message: result.data.message };
}

export async function ignoreBankLineAction(input: unknown) {
  const result = await runAction(lineIdSchema, input, (data, actor) => ignoreBankLine(getDb(), actor, data), { message: "Ligne écartée." });
  if (result.ok) refresh();
  return result;
}
