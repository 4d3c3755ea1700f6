import "server-only";
// Yearly rounds (campagnes), for the association's administrators: prepare next year's round,
// open it, close it. Opening a round closes the previous one and carries every action plan over
// (lib/action-plan/carry-over.ts): the plan continues, nothing is copied.
import { carryOverAllPlans } from "@/lib/action-plan/carry-over";
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { parisEndOfDay, parisStartOfDay } from "@/lib/validation/date";
import { createRoundSchema, type CreateRoundInput } from "./schemas";

export async function listRounds(db: Db, actor: ActorGrants) {
  requireAssociationPermission(actor, "round:manage");
  const [rounds, versions] = await Promise.all([
    db.round.findMany({
      orderBy: { year: "desc" },
      select: {
        id: true,
        year: true,
        name: true,
        status: true,
        opensAt: true,
        closesAt: true,
        labelValidUntil: true,
        minPlanActions: true,
        minPlanCriteria: true,
        championMustNotBeMayor: true,
        questionnaireVersion: { select: { id: true, key: true, title: true, status: true } },
        _count: { select: { assessments: true, candidacies: true } },
      },
    }),
    // Versions a new round may use: published, and not already another round's.
    db.questionnaireVersion.findMany({
      where: { status: "PUBLISHED", round: null },
      orderBy: { publishedAt: "desc" },
      select: { id: true, key: true, title: true },
    }),
  ]);
  // Actions each round received from the previous one (carry-over events), for the page.
  const carried = await Promise.all(
    rounds.map((round) => db.actionEvent.count({ where: { kind: "carried_over", changes: { path: ["toRoundId"], equals: round.id } } })),
  );
  return { rounds: rounds.map((round, index) => ({ ...round, carriedOverActions: carried[index]! })), availableVersions: versions };
}

export async function createRound(db: Db, actor: ActorGrants, raw: CreateRoundInput) {
  requireAssociationPermission(actor, "round:manage");
  const input = createRoundSchema.parse(raw);
  return db.$transaction(async (tx) => {
    if (await tx.round.findUnique({ where: { year: input.year }, select: { id: true } })) {
      throw new DomainError(`Une campagne ${input.year} existe déjà.`, "year");
    }
    const version = await tx.questionnaireVersion.findUnique({
      where: { id: input.questionnaireVersionId },
      select: { status: true, round: { select: { year: true } } },
    });
    if (!version || version.status !== "PUBLISHED") {
      throw new DomainError("Choisissez une version publiée du questionnaire : les communes ne répondent jamais à un brouillon.", "questionnaireVersionId");
    }
    if (version.round) throw new DomainError(`Cette version sert déjà à la campagne ${version.round.year} : dérivez-en une nouvelle.`, "questionnaireVersionId");
    const round = await tx.round.create({
      data: {
        year: input.year,
        name: input.name,
        status: "DRAFT",
        opensAt: parisStartOfDay(input.opensOn),
        closesAt: parisEndOfDay(input.closesOn),
        labelValidUntil: parisEndOfDay(input.labelValidUntil),
        questionnaireVersionId: input.questionnaireVersionId,
        minPlanActions: input.minPlanActions,
        minPlanCriteria: input.minPlanCriteria,
        championMustNotBeMayor: input.championMustNotBeMayor,
      },
      select: { id: true, year: true },
    });
    await recordAudit(tx, { actorId: actor.userId, action: "round.created", targetType: "Round", targetId: round.id, data: { year: round.year } });
    return round;
  });
}

/**
 * Opens a prepared round: the open one closes (its answers become read-only), this one opens,
 * then every plan is carried over to it. The carry-over runs after the commit, one organization
 * per transaction, and is idempotent: if it stops half-way, opening again (retryCarryOver)
 * finishes it without touching what was done.
 */
export async function openRound(db: Db, actor: ActorGrants, input: { roundId: string }) {
  requireAssociationPermission(actor, "round:manage");
  const opened = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Round" WHERE "id" = ${input.roundId} FOR UPDATE`;
    const round = await tx.round.findUnique({
      where: { id: input.roundId },
      select: { id: true, year: true, status: true, questionnaireVersion: { select: { status: true } } },
    });
    if (!round) throw new DomainError("Cette campagne n'existe pas : rechargez la page.");
    if (round.status !== "DRAFT") throw new DomainError(round.status === "OPEN" ? "Cette campagne est déjà ouverte." : "Une campagne close ne se rouvre pas.");
    if (round.questionnaireVersion?.status !== "PUBLISHED") {
      throw new DomainError("Publiez d'abord la version du questionnaire de cette campagne : les communes ne répondent jamais à un brouillon.");
    }
    const newer = await tx.round.findFirst({ where: { status: { not: "DRAFT" }, year: { gt: round.year } }, select: { year: true } });
    if (newer) throw new DomainError(`La campagne ${newer.year} a déjà été ouverte : on n'ouvre pas une campagne plus ancienne.`);
    const previous = await tx.round.findMany({ where: { status: "OPEN" }, select: { id: true, year: true } });
    if (previous.length > 0) await tx.round.updateMany({ where: { id: { in: previous.map((old) => old.id) } }, data: { status: "CLOSED" } });
    await tx.round.update({ where: { id: round.id }, data: { status: "OPEN" } });
    for (const old of previous) {
      await recordAudit(tx, { actorId: actor.userId, action: "round.closed", targetType: "Round", targetId: old.id, data: { year: old.year } });
    }
    await recordAudit(tx, { actorId: actor.userId, action: "round.opened", targetType: "Round", targetId: round.id, data: { year: round.year } });
    return { id: round.id, year: round.year, closed: previous.map((old) => old.year) };
  });
  try {
    return { ...opened, carryOver: await carryOverAllPlans(db, opened.id), carryOverFailed: false };
  } catch (error) {
    // The round is open whatever happens here: say so, and let the administrator run it again.
    console.error("[rounds] carry-over interrupted", error);
    return { ...opened, carryOver: null, carryOverFailed: true };
  }
}

/** Runs the carry-over of an open round again (after an interruption); changes nothing twice. */
export async function retryCarryOver(db: Db, actor: ActorGrants, input: { roundId: string }) {
  requireAssociationPermission(actor, "round:manage");
  const round = await db.round.findUnique({ where: { id: input.roundId }, select: { id: true, status: true } });
  if (!round || round.status !== "OPEN") throw new DomainError("Seule la campagne ouverte reçoit les plans d'action.");
  return carryOverAllPlans(db, round.id);
}

/** Closes the open round without opening another: answers and plans stay readable, not the questionnaire. */
export async function closeRound(db: Db, actor: ActorGrants, input: { roundId: string }) {
  requireAssociationPermission(actor, "round:manage");
  return db.$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: input.roundId }, select: { id: true, year: true, status: true } });
    if (!round) throw new DomainError("Cette campagne n'existe pas : rechargez la page.");
    if (round.status !== "OPEN") throw new DomainError("Seule une campagne ouverte peut être close.");
    await tx.round.update({ where: { id: round.id }, data: { status: "CLOSED" } });
    await recordAudit(tx, { actorId: actor.userId, action: "round.closed", targetType: "Round", targetId: round.id, data: { year: round.year } });
    return { id: round.id, year: round.year };
  });
}
