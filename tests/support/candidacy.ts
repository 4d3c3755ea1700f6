// A complete first-year file for database tests of the candidacy and the review: the open 2026
// round with its published questionnaire, a completed assessment, a plan of two actions on two
// criteria, an accepted Champion and paid dues — each criterion can then be made to lapse.
import type { ActorGrants } from "@/lib/auth/grants";
import { createAction } from "@/lib/action-plan/actions";
import type { Db } from "@/lib/db/create-client";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";

const QUESTION_KEYS = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).map((question) => question.key);

/** The 2026 round, open, with its published questionnaire (once per database). */
export async function ensureOpenRound2026(db: Db) {
  const { version } = await installQuestionnaireVersion(db, { key: "2026", title: "IMMUNITE CYBER 2026", content: QUESTIONNAIRE_2026 });
  await publishInstalledVersion(db, version.id);
  return db.round.upsert({
    where: { year: 2026 },
    update: {},
    create: {
      year: 2026,
      name: "Campagne 2026",
      status: "OPEN",
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-12-31T22:59:59Z"),
      labelValidUntil: new Date("2027-12-31T22:59:59Z"),
      questionnaireVersionId: version.id,
    },
  });
}

let invoice = 0;

/** Dues of the round, paid (or due). */
export async function setDues(db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0], organizationId: string, roundId: string, status: "PAID" | "DUE") {
  invoice += 1;
  return db.dues.upsert({
    where: { organizationId_roundId: { organizationId, roundId } },
    update: { status, paidAt: status === "PAID" ? new Date() : null },
    create: { organizationId, roundId, amountCents: 5000, invoiceNumber: `T-${Date.now().toString(36)}-${invoice}-${Math.random().toString(36).slice(2, 8)}`, status, paidAt: status === "PAID" ? new Date() : null },
  });
}

/** Makes the four criteria met for the organization; `secretary` writes the plan. */
export async function completeFile(db: Db, organizationId: string, secretary: ActorGrants, options: { duesPaid?: boolean } = {}) {
  const round = await ensureOpenRound2026(db);
  await db.assessment.upsert({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    update: { status: "COMPLETED", completedAt: new Date(), score: 55 },
    create: { organizationId, roundId: round.id, versionId: round.questionnaireVersionId!, sizeBand: "UNDER_1000", territoryKind: "COMMUNE", status: "COMPLETED", completedAt: new Date(), score: 55 },
  });
  await createAction(db, secretary, { organizationId, title: "Inventorier les postes", criteria: [QUESTION_KEYS[0]!] });
  await createAction(db, secretary, { organizationId, title: "Activer la double authentification", criteria: [QUESTION_KEYS[1]!] });
  const champion = await db.championDesignation.create({
    data: {
      organizationId,
      name: "Claire Bernard",
      function: "Conseillère municipale",
      email: `claire.${organizationId}@exemple.fr`,
      isElected: true,
      status: "ACCEPTED",
      tokenHash: `hash-${organizationId}-${Math.random()}`,
      tokenExpiresAt: new Date(),
      respondedAt: new Date(),
    },
  });
  if (options.duesPaid !== false) await setDues(db, organizationId, round.id, "PAID");
  return { round, championId: champion.id };
}

export const QUESTION_KEY = (index: number) => QUESTION_KEYS[index]!;

/**
 * An APPROVED candidacy of the round and its label, valid until the round says, written
 * directly (the review and the dues make them in the product: lib/label/award.ts).
 */
export async function approvedCandidacyWithLabel(
  db: Db,
  organizationId: string,
  roundId: string,
  options: { isRenewal?: boolean; submittedAt?: Date; awardedAt?: Date } = {},
) {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { labelValidUntil: true } });
  const candidacy = await db.candidacy.create({
    data: { organizationId, roundId, status: "APPROVED", revision: 1, isRenewal: options.isRenewal ?? false, submittedAt: options.submittedAt ?? new Date() },
  });
  const label = await db.label.create({
    data: { organizationId, roundId, candidacyId: candidacy.id, validUntil: round.labelValidUntil, ...(options.awardedAt ? { awardedAt: options.awardedAt } : {}) },
  });
  return { candidacy, label };
}
