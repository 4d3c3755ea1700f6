import "server-only";
// The tiers editor of a round in preparation, and the public calculator that reads them.
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { saveTiersSchema, type SaveTiersInput } from "./schemas";
import { tierFor, tierProblems, type Tier } from "./tiers";

const tierSelect = { territoryKind: true, minPopulation: true, maxPopulation: true, amountCents: true } satisfies Prisma.DuesTierSelect;

export async function tiersOfRound(db: Db | Prisma.TransactionClient, roundId: string): Promise<Tier[]> {
  return db.duesTier.findMany({ where: { roundId }, orderBy: [{ territoryKind: "asc" }, { minPopulation: "asc" }], select: tierSelect });
}

/** The editor's page: the round, its tiers, and whether they can still change. */
export async function tiersEditorOf(db: Db, actor: ActorGrants, roundId: string) {
  requireAssociationPermission(actor, "round:manage");
  if (typeof roundId !== "string" || roundId.length === 0 || roundId.length > 64) return null;
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, year: true, name: true, status: true } });
  if (!round) return null;
  return { round, tiers: await tiersOfRound(db, round.id), editable: round.status === "DRAFT" };
}

/** Replaces the tiers of a DRAFT round at once (the bands must cover every population). */
export async function saveTiers(db: Db, actor: ActorGrants, raw: SaveTiersInput) {
  requireAssociationPermission(actor, "round:manage");
  const input = saveTiersSchema.parse(raw);
  const tiers: Tier[] = input.tiers.map((tier) => ({
    territoryKind: tier.territoryKind,
    minPopulation: tier.minPopulation,
    maxPopulation: tier.maxPopulation,
    amountCents: tier.amount,
  }));
  const problems = tierProblems(tiers);
  if (problems.length > 0) throw new DomainError(problems.join(" "));
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Round" WHERE "id" = ${input.roundId} FOR UPDATE`;
    const round = await tx.round.findUnique({ where: { id: input.roundId }, select: { id: true, year: true, status: true } });
    if (!round) throw new DomainError("Cette campagne n'existe pas : rechargez la page.");
    if (round.status !== "DRAFT") {
      throw new DomainError("Cette campagne est ouverte : ses cotisations sont figées (les communes en ont eu connaissance). Préparez les montants de la campagne suivante.");
    }
    await tx.duesTier.deleteMany({ where: { roundId: round.id } });
    await tx.duesTier.createMany({ data: tiers.map((tier) => ({ roundId: round.id, ...tier })) });
    await recordAudit(tx, { actorId: actor.userId, action: "dues.tiers_saved", targetType: "Round", targetId: round.id, data: { year: round.year, tiers: tiers.length } });
    return { roundId: round.id, count: tiers.length };
  });
}

export type DuesQuote = {
  territory: { code: string; name: string; kind: "COMMUNE" | "EPCI"; population: number };
  round: { year: number; name: string; status: "DRAFT" | "OPEN" | "CLOSED" };
  amountCents: number | null;
  tier: Tier | null;
};

/**
 * Public: what a territory would pay in the open round (or, between campaigns, the round being
 * prepared). Reads only reference data and the published amounts.
 */
export async function quoteDues(db: Db, territoryCode: string): Promise<DuesQuote | null> {
  if (!/^[0-9AB]{5}$|^[0-9]{9}$/.test(territoryCode)) return null;
  const [territory, round] = await Promise.all([
    db.territory.findUnique({ where: { code: territoryCode }, select: { code: true, name: true, kind: true, population: true } }),
    db.round.findFirst({ where: { status: { in: ["OPEN", "DRAFT"] } }, orderBy: [{ status: "desc" }, { year: "desc" }], select: { id: true, year: true, name: true, status: true } }),
  ]);
  if (!territory || !round) return null;
  const tiers = await tiersOfRound(db, round.id);
  const tier = tierFor(tiers, territory.kind, territory.population);
  return { territory, round: { year: round.year, name: round.name, status: round.status }, amountCents: tier?.amountCents ?? null, tier };
}

/** Public list of the tiers of the round the calculator quotes, for the page's table. */
export async function publicTiers(db: Db) {
  const round = await db.round.findFirst({ where: { status: { in: ["OPEN", "DRAFT"] } }, orderBy: [{ status: "desc" }, { year: "desc" }], select: { id: true, year: true, status: true } });
  if (!round) return null;
  return { year: round.year, status: round.status, tiers: await tiersOfRound(db, round.id) };
}
