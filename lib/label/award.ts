// The label of a round is held once the candidacy is approved AND the dues are paid, in
// whichever order the two happen. Both paths (a review decision, a payment recorded by the
// treasurer or by the Stripe webhook) call lockLabelFile first in their transaction, then
// awardLabelIfEligible last: the lock serialises them, so when the approval and the payment
// commit at the same moment, the second to take the lock sees the first and awards the label.
// The unique keys on Label (candidacyId, and organizationId + roundId) make it exactly once.
import { recordAudit } from "@/lib/audit/record";
import { scheduleCertificateIssue } from "@/lib/certificates/jobs";
import type { Prisma } from "@/lib/db/generated/client";
import { duesCriterionOf } from "@/lib/dues/criterion";
import { shouldAwardLabel } from "./rules";

/** Call first in any transaction that may complete a label (approval, payment, refund). */
export async function lockLabelFile(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
}

export type AwardedLabel = { id: string; organizationId: string; roundId: string; validUntil: Date; created: boolean };

/**
 * Awards the round's label when the candidacy is approved and the dues are paid; returns the
 * label (created now or before), or null while one of the two is missing. Call after
 * lockLabelFile, in the same transaction.
 */
export async function awardLabelIfEligible(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; roundId: string; actorId: string | null },
): Promise<AwardedLabel | null> {
  const existing = await tx.label.findUnique({
    where: { organizationId_roundId: { organizationId: input.organizationId, roundId: input.roundId } },
    select: { id: true, organizationId: true, roundId: true, validUntil: true },
  });
  if (existing) return { ...existing, created: false };
  const candidacy = await tx.candidacy.findUnique({
    where: { organizationId_roundId: { organizationId: input.organizationId, roundId: input.roundId } },
    select: { id: true, status: true, round: { select: { labelValidUntil: true, year: true } } },
  });
  if (!candidacy || candidacy.status !== "APPROVED") return null;
  const dues = await duesCriterionOf(tx, input.organizationId, input.roundId);
  if (!shouldAwardLabel({ labelExists: false, candidacyStatus: candidacy.status, duesPaid: dues.met })) return null;
  const label = await tx.label.create({
    data: { organizationId: input.organizationId, roundId: input.roundId, candidacyId: candidacy.id, validUntil: candidacy.round.labelValidUntil },
    select: { id: true, organizationId: true, roundId: true, validUntil: true },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    organizationId: input.organizationId,
    action: "label.awarded",
    targetType: "Label",
    targetId: label.id,
    data: { year: candidacy.round.year, validUntil: label.validUntil.toISOString() },
  });
  // Issue 13: the signed certificate is made by a job sent in this same transaction.
  await scheduleCertificateIssue(tx, label.id);
  return { ...label, created: true };
}
