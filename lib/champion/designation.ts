// The Cyber Champion (criterion 3 of the label): designating a person, who accepts or declines
// through a link sent by e-mail. The criterion is met only once the person accepted. Former
// Champions and designations stay as history (REPLACED, CANCELLED, DECLINED), never deleted.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { queueEmail } from "@/lib/notifications/outbox";
import { hashToken, newToken } from "@/lib/organizations/tokens";
import { checkChampionEligibility, type ChampionRule } from "./rules";
import { designateChampionSchema, respondToDesignationSchema, type DesignateChampionInput, type RespondToDesignationInput } from "./schemas";

export const DESIGNATION_VALIDITY_DAYS = 14;

/** The rule of the open round; without an open round the rounds' default applies: the rule is on. */
async function championRule(db: Db | Prisma.TransactionClient): Promise<ChampionRule> {
  const round = await db.round.findFirst({ where: { status: "OPEN" }, orderBy: { year: "desc" }, select: { championMustNotBeMayor: true } });
  return { championMustNotBeMayor: round?.championMustNotBeMayor ?? true };
}

export const CHAMPION_MESSAGES = {
  organizationNotActive: "Vous pourrez désigner votre Cyber Champion une fois l'adhésion validée par l'association.",
  invalidLink: "Ce lien de désignation n'est pas valide. Vérifiez que vous avez copié tout le lien, ou demandez à votre mairie de vous désigner à nouveau.",
  alreadyAccepted: "Vous avez déjà accepté cette désignation : vous êtes le Cyber Champion de la collectivité.",
  notPending: "Cette désignation n'est plus en attente (déjà traitée, remplacée ou annulée). Demandez à votre mairie de vous désigner à nouveau si besoin.",
  expired: "Ce lien de désignation a expiré. Demandez à votre mairie de vous désigner à nouveau : un nouveau lien vous sera envoyé.",
  notPendingForManager: "Cette désignation n'attend plus de réponse : il n'y a pas de lien à renvoyer.",
  alreadyEnded: "Cette désignation est déjà terminée.",
  wrongPerson: (email: string) => `Cette désignation est adressée à ${email}. Connectez-vous avec cette adresse pour y répondre.`,
};

function parse<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } }): T {
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
  }
  return result.data;
}

const designationSelect = {
  id: true,
  organizationId: true,
  name: true,
  function: true,
  email: true,
  phone: true,
  isElected: true,
  status: true,
  tokenExpiresAt: true,
  userId: true,
  respondedAt: true,
  endedAt: true,
  createdAt: true,
  designatedBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ChampionDesignationSelect;

export type ChampionDesignationView = Prisma.ChampionDesignationGetPayload<{ select: typeof designationSelect }>;

/**
 * Designates the Champion: checks the round's rule (not the mayor, not the IT director), cancels
 * a designation still waiting (PENDING → CANCELLED, with endedAt), creates a PENDING one with a
 * 14-day single-use link (only its hash is stored), audits, and queues the e-mail with the link
 * in the same transaction (the outbox worker sends it). The accepted Champion stays until the successor accepts (respondToDesignation
 * then marks them REPLACED): criterion 3 never lapses because a replacement was started.
 */
export async function designateChampion(db: Db, actor: Actor, raw: DesignateChampionInput) {
  const input = parse(designateChampionSchema.safeParse(raw));
  const designation = await db.$transaction(async (tx) => {
    const scope = await requirePermission(tx, actor, input.organizationId, "champion:designate");
    if (scope.status !== "ACTIVE") throw new DomainError(CHAMPION_MESSAGES.organizationNotActive);
    const isMayor = (await tx.membership.count({ where: { organizationId: scope.id, role: "MAYOR", user: { email: input.email } } })) > 0;
    const eligibility = checkChampionEligibility({ isMayor, isItDirector: false, function: input.function }, await championRule(tx));
    if (!eligibility.eligible) throw new DomainError(eligibility.reason, eligibility.field);

    // One designation changes at a time per organization, so two never end up both pending.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${scope.id} FOR UPDATE`;
    const now = new Date();
    const previous = await tx.championDesignation.findMany({
      where: { organizationId: scope.id, status: "PENDING" },
      select: { id: true, status: true },
    });
    if (previous.length > 0) {
      await tx.championDesignation.updateMany({ where: { id: { in: previous.map((old) => old.id) } }, data: { status: "CANCELLED", endedAt: now } });
    }
    const { token, hash } = newToken();
    const designation = await tx.championDesignation.create({
      data: {
        organizationId: scope.id,
        name: input.name,
        function: input.function,
        email: input.email,
        phone: input.phone ?? null,
        isElected: input.isElected,
        tokenHash: hash,
        tokenExpiresAt: new Date(now.getTime() + DESIGNATION_VALIDITY_DAYS * 24 * 3600_000),
        designatedById: actor.userId,
      },
      select: designationSelect,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: scope.id,
      action: "champion.designated",
      targetType: "ChampionDesignation",
      targetId: designation.id,
      data: { email: input.email, isElected: input.isElected, ended: previous.map((old) => ({ id: old.id, from: old.status })) },
    });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: scope.id }, select: { name: true } });
    await queueEmail(tx, {
      to: designation.email,
      template: "champion.designated",
      data: { name: designation.name, email: designation.email, organizationName: organization.name, designatedBy: actor.name ?? actor.email, token },
      idempotencyKey: `champion.designated:${designation.id}`,
      organizationId: scope.id,
    });
    return designation;
  });
  return { designationId: designation.id, organizationId: designation.organizationId };
}

async function designationFor(tx: Prisma.TransactionClient, actor: ActorGrants, designationId: string) {
  const designation = await tx.championDesignation.findUnique({
    where: { id: String(designationId) },
    select: { id: true, organizationId: true, status: true, email: true, name: true, organization: { select: { name: true } } },
  });
  if (!designation) throw new AccessDeniedError();
  await requirePermission(tx, actor, designation.organizationId, "champion:designate");
  return designation;
}

/**
 * Sends a new link for a designation still waiting (lost or expired e-mail): the old link stops
 * working, the new one is valid 14 days.
 */
export async function resendDesignation(db: Db, actor: Actor, input: { designationId: string }) {
  const designation = await db.$transaction(async (tx) => {
    const designation = await designationFor(tx, actor, input.designationId);
    if (designation.status !== "PENDING") throw new DomainError(CHAMPION_MESSAGES.notPendingForManager);
    const { token, hash } = newToken();
    await tx.championDesignation.update({
      where: { id: designation.id },
      data: { tokenHash: hash, tokenExpiresAt: new Date(Date.now() + DESIGNATION_VALIDITY_DAYS * 24 * 3600_000) },
    });
    await recordAudit(tx, { actorId: actor.userId, organizationId: designation.organizationId, action: "champion.link_resent", targetType: "ChampionDesignation", targetId: designation.id });
    await queueEmail(tx, {
      to: designation.email,
      template: "champion.link_resent",
      data: { name: designation.name, email: designation.email, organizationName: designation.organization.name, token },
      // Each new link is its own message (the hash is of this link only).
      idempotencyKey: `champion.link_resent:${designation.id}:${hash.slice(0, 16)}`,
      organizationId: designation.organizationId,
    });
    return designation;
  });
  return { designationId: designation.id, organizationId: designation.organizationId };
}

/**
 * Ends a designation without a successor: a pending one is withdrawn, or the current Champion
 * steps down. It stays in the history as CANCELLED with its end date; the criterion is no
 * longer met until someone else accepts.
 */
export async function endDesignation(db: Db, actor: Actor, input: { designationId: string }) {
  return db.$transaction(async (tx) => {
    const designation = await designationFor(tx, actor, input.designationId);
    const ended = await tx.championDesignation.updateMany({
      where: { id: designation.id, status: { in: ["PENDING", "ACCEPTED"] } },
      data: { status: "CANCELLED", endedAt: new Date() },
    });
    if (ended.count === 0) throw new DomainError(CHAMPION_MESSAGES.alreadyEnded);
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: designation.organizationId,
      action: "champion.ended",
      targetType: "ChampionDesignation",
      targetId: designation.id,
      data: { from: designation.status },
    });
    return { organizationId: designation.organizationId };
  });
}

/** What the link page shows before the person answers (no permission: the token is the key). */
export async function findDesignation(db: Db, token: string) {
  if (typeof token !== "string" || token.length < 10 || token.length > 200) return { state: "unknown" as const };
  const designation = await db.championDesignation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, email: true, function: true, status: true, tokenExpiresAt: true, organization: { select: { id: true, name: true } } },
  });
  if (!designation) return { state: "unknown" as const };
  if (designation.status !== "PENDING") return { state: designation.status === "ACCEPTED" ? ("accepted" as const) : ("ended" as const), designation };
  if (designation.tokenExpiresAt.getTime() <= Date.now()) return { state: "expired" as const, designation };
  return { state: "pending" as const, designation };
}

/**
 * The designated person accepts or declines. The signed-in address must be the designated one.
 * Accepting makes the person a member with the CYBER_CHAMPION role (kept if they already hold
 * it) and meets the criterion. Any refusal (forged, expired, ended, already answered, another
 * person) changes nothing.
 */
export async function respondToDesignation(db: Db, actor: Actor, raw: RespondToDesignationInput) {
  const input = parse(respondToDesignationSchema.safeParse(raw));
  return db.$transaction(async (tx) => {
    const designation = await tx.championDesignation.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, organizationId: true, email: true, status: true, tokenExpiresAt: true, userId: true },
    });
    if (!designation) throw new DomainError(CHAMPION_MESSAGES.invalidLink);
    if (designation.status === "ACCEPTED") throw new DomainError(CHAMPION_MESSAGES.alreadyAccepted);
    if (designation.status !== "PENDING") throw new DomainError(CHAMPION_MESSAGES.notPending);
    if (designation.tokenExpiresAt.getTime() <= Date.now()) throw new DomainError(CHAMPION_MESSAGES.expired);
    if (designation.email !== actor.email.toLowerCase()) throw new DomainError(CHAMPION_MESSAGES.wrongPerson(designation.email));

    const now = new Date();
    // Atomic: a second click, or a replacement at the same moment, finds it no longer pending.
    const claimed = await tx.championDesignation.updateMany({
      where: { id: designation.id, status: "PENDING" },
      data: { status: input.accept ? "ACCEPTED" : "DECLINED", respondedAt: now, userId: actor.userId, ...(input.accept ? {} : { endedAt: now }) },
    });
    if (claimed.count === 0) throw new DomainError(CHAMPION_MESSAGES.notPending);
    let replaced: string[] = [];
    if (input.accept) {
      // The Champion in place hands over now, not when the successor was designated.
      const predecessors = await tx.championDesignation.findMany({
        where: { organizationId: designation.organizationId, status: "ACCEPTED", id: { not: designation.id } },
        select: { id: true },
      });
      replaced = predecessors.map((predecessor) => predecessor.id);
      if (replaced.length > 0) await tx.championDesignation.updateMany({ where: { id: { in: replaced } }, data: { status: "REPLACED", endedAt: now } });
      await tx.membership.upsert({
        where: { userId_organizationId_role: { userId: actor.userId, organizationId: designation.organizationId, role: "CYBER_CHAMPION" } },
        update: {},
        create: { userId: actor.userId, organizationId: designation.organizationId, role: "CYBER_CHAMPION", title: "Cyber Champion" },
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: designation.organizationId,
      action: input.accept ? "champion.accepted" : "champion.declined",
      targetType: "ChampionDesignation",
      targetId: designation.id,
      data: { replaced },
    });
    return { organizationId: designation.organizationId, accepted: input.accept };
  });
}

/**
 * The Champion panel: the current Champion (ACCEPTED), the designation waiting for an answer,
 * and the history of the others, newest first. The criterion is met only with an accepted one.
 */
export async function getChampionStatus(db: Db, actor: ActorGrants, organizationId: string) {
  const scope = await requirePermission(db, actor, organizationId, "champion:read");
  const [organization, designations, rule] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: scope.id }, select: { id: true, name: true, status: true } }),
    db.championDesignation.findMany({
      where: { organizationId: scope.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: designationSelect,
    }),
    championRule(db),
  ]);
  const current = designations.find((designation) => designation.status === "ACCEPTED") ?? null;
  const pendingRow = designations.find((designation) => designation.status === "PENDING") ?? null;
  const pending = pendingRow ? { ...pendingRow, expired: pendingRow.tokenExpiresAt.getTime() <= Date.now() } : null;
  const history = designations.filter((designation) => designation !== current && designation !== pendingRow);
  return { organization, rule, current, pending, history, criterionMet: current !== null };
}

/**
 * What the designation form needs to apply the round's rule as the person types: the rule and
 * the addresses of the organization's mayors. Only for those who designate.
 */
export async function getDesignationFormContext(db: Db, actor: ActorGrants, organizationId: string) {
  const scope = await requirePermission(db, actor, organizationId, "champion:designate");
  const [rule, mayors] = await Promise.all([
    championRule(db),
    db.membership.findMany({ where: { organizationId: scope.id, role: "MAYOR" }, select: { user: { select: { email: true } } } }),
  ]);
  return { rule, mayorEmails: mayors.map((mayor) => mayor.user.email), canDesignateNow: scope.status === "ACTIVE" };
}

/**
 * Criterion 3 for another domain (the candidacy's snapshot, the dashboard): the accepted Champion,
 * or null. Checks no permission: call it after your own check on the same organization.
 */
export async function acceptedChampionOf(db: Db | Prisma.TransactionClient, organizationId: string) {
  return db.championDesignation.findFirst({
    where: { organizationId, status: "ACCEPTED" },
    orderBy: { respondedAt: "desc" },
    select: { id: true, name: true, function: true, email: true, isElected: true, respondedAt: true, userId: true },
  });
}
