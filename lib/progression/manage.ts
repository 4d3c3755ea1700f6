// The association's administrators set a round's progression criteria while it is in
// preparation (DRAFT). Once the round opens they are frozen: here (the round row is locked and
// its status checked in the same transaction) and in the database (trigger
// "Round_progression_criteria_frozen").
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { RoundStatus } from "@/lib/db/generated/enums";
import { criteriaOfRound, type ProgressionCriteria } from "./criteria";
import { updateRoundCriteriaSchema, type UpdateRoundCriteriaInput } from "./schemas";

const FROZEN_MESSAGE =
  "Cette campagne est ouverte (ou close) : ses critères de progression ne changent plus, pour que toutes les communes soient jugées sur les mêmes règles. Modifiez ceux de la campagne suivante.";

/** The round's criteria for the editor, and whether they can still change; null for an unknown round. */
export async function getRoundCriteria(db: Db, actor: ActorGrants, roundId: string | undefined) {
  requireAssociationPermission(actor, "round:manage");
  if (typeof roundId !== "string" || roundId.length === 0 || roundId.length > 64) return null;
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, year: true, name: true, status: true, minPlanActions: true, minPlanCriteria: true, progressionCriteria: true },
  });
  if (!round) return null;
  let { criteria, source } = criteriaOfRound(round.progressionCriteria);
  if (source === "default") {
    // A round in preparation starts from last year's criteria: they change a little each year.
    const before = await db.round.findFirst({ where: { year: { lt: round.year } }, orderBy: { year: "desc" }, select: { progressionCriteria: true } });
    const previous = before ? criteriaOfRound(before.progressionCriteria) : null;
    if (previous?.source === "round") ({ criteria } = previous);
  }
  const { progressionCriteria: _stored, ...rest } = round;
  return { round: rest, criteria, source, editable: round.status === "DRAFT" };
}

export async function updateRoundCriteria(db: Db, actor: ActorGrants, raw: UpdateRoundCriteriaInput): Promise<{ roundId: string; criteria: ProgressionCriteria }> {
  requireAssociationPermission(actor, "round:manage");
  const input = updateRoundCriteriaSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ id: string; year: number; status: RoundStatus }[]>`
      SELECT "id", "year", "status"::text AS "status" FROM "Round" WHERE "id" = ${input.roundId} FOR UPDATE`;
    if (!round) throw new DomainError("Cette campagne n'existe pas : revenez à la liste des campagnes.");
    if (round.status !== "DRAFT") throw new DomainError(FROZEN_MESSAGE);
    await tx.round.update({ where: { id: round.id }, data: { progressionCriteria: input.criteria } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "round.progression_criteria_updated",
      targetType: "Round",
      targetId: round.id,
      data: { year: round.year, criteria: input.criteria },
    });
    return { roundId: round.id, criteria: input.criteria };
  });
}
