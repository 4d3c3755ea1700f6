// The action plan (criterion 2 of the label): reading it, creating actions freely or from a
// recommended measure, changing them with a full history, comments and evidence links. The
// tenant is always the organization of the action touched (or, for a creation, the organization
// whose plan receives it, checked like any other), never one taken from the request.
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { hasPermission, requirePermission } from "@/lib/auth/access";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { isApplicable, sizeBandFor } from "@/lib/questionnaire/size-band";
import { findOpenRound } from "@/lib/rounds/open-round";
import { dateFromIso } from "@/lib/validation/date";
import { planToCsv, type CsvAction } from "./csv";
import { renderPlanPdf } from "./pdf";
import { applyStatusChange, DEFAULT_PLAN_RULE, planCompleteness, type PlanRule } from "./rules";
import {
  commentSchema,
  createActionFromMeasureSchema,
  createActionSchema,
  evidenceLinkSchema,
  MAX_CRITERIA,
  TITLE_MAX_LENGTH,
  updateActionSchema,
  type CommentInput,
  type CreateActionFromMeasureInput,
  type CreateActionInput,
  type EvidenceLinkInput,
  type UpdateActionInput,
} from "./schemas";

type Tx = Prisma.TransactionClient;

export const ACTION_MESSAGES = {
  criterionUnknown: (key: string) => `Le critère « ${key} » ne fait pas partie du questionnaire de la campagne : rechargez la page.`,
  ownerNotMember:
    "La personne choisie comme responsable ne fait pas partie de votre collectivité. Choisissez un membre dans la liste, ou saisissez le nom d'une personne extérieure (par exemple votre prestataire).",
  measureUnknown: "Cette mesure n'existe pas dans le questionnaire de la campagne : rechargez la page.",
  measureAlreadyPlanned: "Cette mesure est déjà dans votre plan d'action : modifiez l'action existante plutôt que d'en créer une seconde.",
  organizationNotActive: "Le plan d'action s'ouvre une fois l'adhésion de votre collectivité validée par l'association.",
};

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  // Parsed again here: the domain does not trust its callers to have used the shared schema.
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
  }
  return parsed.data;
}


function ruleOf(round: { minPlanActions: number; minPlanCriteria: number } | null): PlanRule {
  return round ? { minActions: round.minPlanActions, minCriteria: round.minPlanCriteria } : DEFAULT_PLAN_RULE;
}

/**
 * The questionnaire the criteria refer to: the round's version when it has one, else the
 * current content in code (question keys are stable across versions).
 */
async function questionnaireQuestions(db: Db | Tx, versionId: string | null | undefined) {
  if (versionId) {
    const questions = await db.question.findMany({
      where: { versionId },
      orderBy: [{ theme: { position: "asc" } }, { position: "asc" }],
      select: {
        key: true,
        text: true,
        sizeBands: true,
        territoryKinds: true,
        theme: { select: { key: true, title: true } },
        measures: { select: { measure: { select: { key: true } } } },
      },
    });
    if (questions.length > 0) {
      return questions.map(({ measures, ...question }) => ({ ...question, measureKeys: measures.map((link) => link.measure.key) }));
    }
  }
  return QUESTIONNAIRE_2026.themes.flatMap((theme) =>
    theme.questions.map((question) => ({
      key: question.key,
      text: question.text,
      theme: { key: theme.key, title: theme.title },
      sizeBands: question.sizeBands,
      territoryKinds: question.territoryKinds,
      measureKeys: question.measureKeys,
    })),
  );
}

async function assertKnownCriteria(tx: Tx, criteria: readonly string[], versionId: string | null | undefined) {
  const known = new Set((await questionnaireQuestions(tx, versionId)).map((question) => question.key));
  const unknown = criteria.find((key) => !known.has(key));
  if (unknown) throw new DomainError(ACTION_MESSAGES.criterionUnknown(unknown), "criteria");
}

async function assertOwnerIsMember(tx: Tx, ownerUserId: string, organizationId: string) {
  const membership = await tx.membership.findFirst({ where: { userId: ownerUserId, organizationId }, select: { id: true } });
  if (!membership) throw new DomainError(ACTION_MESSAGES.ownerNotMember, "ownerUserId");
}

async function requireActivePlanManager(tx: Tx, actor: ActorGrants, organizationId: string) {
  const scope = await requirePermission(tx, actor, organizationId, "plan:manage");
  if (scope.status !== "ACTIVE") throw new DomainError(ACTION_MESSAGES.organizationNotActive);
  return scope;
}

async function ensurePlan(tx: Tx, organizationId: string) {
  return tx.actionPlan.upsert({ where: { organizationId }, update: {}, create: { organizationId }, select: { id: true } });
}

const actionSelect = {
  id: true,
  organizationId: true,
  createdInRoundId: true,
  measureId: true,
  title: true,
  description: true,
  ownerUserId: true,
  ownerName: true,
  ownerUser: { select: { id: true, name: true, email: true } },
  dueOn: true,
  priority: true,
  status: true,
  abandonReason: true,
  progress: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  criteria: { select: { questionKey: true }, orderBy: { questionKey: "asc" } },
  evidences: { select: { id: true, url: true, label: true, fileId: true, file: { select: { name: true, mimeType: true, size: true } }, createdAt: true }, orderBy: { createdAt: "asc" } },
  _count: { select: { comments: true } },
} satisfies Prisma.ActionSelect;

export type PlanActionView = Omit<Prisma.ActionGetPayload<{ select: typeof actionSelect }>, "criteria" | "ownerUser" | "_count"> & {
  criteria: string[];
  owner: { userId: string | null; name: string } | null;
  commentCount: number;
};

function toView(row: Prisma.ActionGetPayload<{ select: typeof actionSelect }>): PlanActionView {
  const { criteria, ownerUser, _count, ...rest } = row;
  return {
    ...rest,
    criteria: criteria.map((criterion) => criterion.questionKey),
    owner: ownerUser
      ? { userId: ownerUser.id, name: ownerUser.name?.trim() || ownerUser.email }
      : row.ownerName
        ? { userId: null, name: row.ownerName }
        : null,
    commentCount: _count.comments,
  };
}

const STATUS_ORDER = { IN_PROGRESS: 0, TODO: 1, DONE: 2, ABANDONED: 3 } as const;

/**
 * The organization's plan as the page shows it: actions (unfinished first, then done, then
 * abandoned), the round's rule and what is missing. Creates nothing: an organization without a
 * plan reads an empty one (`planId: null`).
 */
export async function getPlan(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "plan:read");
  const [plan, round, organization] = await Promise.all([
    db.actionPlan.findUnique({ where: { organizationId }, select: { id: true } }),
    findOpenRound(db),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
  ]);
  const rows = plan ? await db.action.findMany({ where: { organizationId, planId: plan.id }, select: actionSelect, orderBy: { createdAt: "asc" } }) : [];
  const actions = rows.map(toView).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const rule = ruleOf(round);
  return {
    planId: plan?.id ?? null,
    organizationName: organization.name,
    round: round ? { id: round.id, year: round.year } : null,
    rule,
    completeness: planCompleteness(actions, rule),
    actions,
  };
}

/**
 * The questions an action can address, in questionnaire order, for the criteria field and for
 * showing criteria by their text. `applicable` marks the questions asked of this territory (its
 * size and kind): the form shows them first; the others remain allowed. `theme` lets the form
 * group them as the questionnaire does.
 */
export async function listCriteriaChoices(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "plan:read");
  const [round, organization] = await Promise.all([
    findOpenRound(db),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { territory: { select: { kind: true, population: true } } } }),
  ]);
  const context = { sizeBand: sizeBandFor(organization.territory.population), territoryKind: organization.territory.kind };
  const questions = await questionnaireQuestions(db, round?.questionnaireVersionId);
  return questions.map((question) => ({ key: question.key, text: question.text, theme: question.theme, applicable: isApplicable(question, context) }));
}

/** Whether the person may change this organization's plan (pages show edit controls or not). */
export async function canManagePlan(db: Db, actor: ActorGrants, organizationId: string): Promise<boolean> {
  await requirePermission(db, actor, organizationId, "plan:read");
  return hasPermission(db, actor, organizationId, "plan:manage");
}

/** The people a manager may choose as owner: the organization's members, each once, by name. */
export async function listOwnerChoices(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "plan:read");
  const memberships = await db.membership.findMany({
    where: { organizationId },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const seen = new Map<string, { id: string; name: string }>();
  for (const { user } of memberships) if (!seen.has(user.id)) seen.set(user.id, { id: user.id, name: user.name?.trim() || user.email });
  return [...seen.values()];
}

/**
 * One action for its own page. The tenant is the action's organization (returned, so the page
 * can check it matches its address); `canManage` says whether to show the edit controls.
 */
export async function getAction(db: Db, actor: ActorGrants, actionId: string) {
  const id = String(actionId);
  const found = id.length <= 64 ? await db.action.findUnique({ where: { id }, select: { organizationId: true } }) : null;
  if (!found) throw new AccessDeniedError();
  await requirePermission(db, actor, found.organizationId, "plan:read");
  const row = await db.action.findUniqueOrThrow({ where: { id }, select: actionSelect });
  return { action: toView(row), canManage: await hasPermission(db, actor, found.organizationId, "plan:manage") };
}

type NewAction = {
  title: string;
  description: string;
  criteria: string[];
  ownerUserId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  priority: "LOW" | "MEDIUM" | "HIGH";
  status: "TODO" | "IN_PROGRESS" | "DONE" | "ABANDONED";
  abandonReason: string | null;
  progress: number;
  measureId: string | null;
};

async function insertAction(tx: Tx, actor: ActorGrants, organizationId: string, roundId: string | null, fields: NewAction, source: "free" | "measure") {
  const plan = await ensurePlan(tx, organizationId);
  const status = applyStatusChange(
    { status: "TODO", progress: 0, completedAt: null, abandonReason: null },
    { status: fields.status, progress: fields.progress, abandonReason: fields.abandonReason },
  );
  const action = await tx.action.create({
    data: {
      planId: plan.id,
      organizationId,
      createdInRoundId: roundId,
      measureId: fields.measureId,
      title: fields.title,
      description: fields.description,
      ownerUserId: fields.ownerUserId,
      ownerName: fields.ownerUserId ? null : fields.ownerName,
      dueOn: fields.dueOn ? dateFromIso(fields.dueOn) : null,
      priority: fields.priority,
      ...status,
      criteria: { create: fields.criteria.map((questionKey) => ({ questionKey })) },
    },
    select: actionSelect,
  });
  await tx.actionEvent.create({
    data: {
      actionId: action.id,
      actorId: actor.userId,
      kind: "created",
      changes: { source, title: action.title, criteria: fields.criteria, status: action.status, priority: action.priority } satisfies Prisma.InputJsonValue,
    },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    organizationId,
    action: "action.created",
    targetType: "Action",
    targetId: action.id,
    data: { source, measureId: fields.measureId, criteria: fields.criteria },
  });
  return toView(action);
}

/** A free action. Criteria must be questions of the round's questionnaire; the owner a member. */
export async function createAction(db: Db, actor: ActorGrants, raw: CreateActionInput) {
  const input = parse(createActionSchema, raw);
  return db.$transaction(async (tx) => {
    const scope = await requireActivePlanManager(tx, actor, input.organizationId);
    const round = await findOpenRound(tx);
    await assertKnownCriteria(tx, input.criteria, round?.questionnaireVersionId);
    if (input.ownerUserId) await assertOwnerIsMember(tx, input.ownerUserId, scope.id);
    return insertAction(
      tx,
      actor,
      scope.id,
      round?.id ?? null,
      {
        title: input.title,
        description: input.description,
        criteria: input.criteria,
        ownerUserId: input.ownerUserId ?? null,
        ownerName: input.ownerName ?? null,
        dueOn: input.dueOn ?? null,
        priority: input.priority,
        status: input.status,
        abandonReason: input.abandonReason ?? null,
        progress: input.progress,
        measureId: null,
      },
      "free",
    );
  });
}

/**
 * One click from the results page: an action prefilled from a recommended measure (title, why
 * and how), addressing the questions that point to it and apply to this territory. A measure
 * already planned (and not abandoned) is refused, so a double click makes one action.
 */
export async function createActionFromMeasure(db: Db, actor: ActorGrants, raw: CreateActionFromMeasureInput) {
  const input = parse(createActionFromMeasureSchema, raw);
  return db.$transaction(async (tx) => {
    const scope = await requireActivePlanManager(tx, actor, input.organizationId);
    const round = await findOpenRound(tx);
    const versionId = round?.questionnaireVersionId ?? null;
    const measure = versionId
      ? await tx.recommendedMeasure.findUnique({
          where: { versionId_key: { versionId, key: input.measureKey } },
          select: { id: true, key: true, title: true, why: true, how: true },
        })
      : null;
    if (!measure) throw new DomainError(ACTION_MESSAGES.measureUnknown, "measureKey");
    // Serialises two clicks on the same organization's plan so the duplicate check holds.
    const plan = await ensurePlan(tx, scope.id);
    await tx.$queryRaw`SELECT 1 FROM "ActionPlan" WHERE "id" = ${plan.id} FOR UPDATE`;
    const existing = await tx.action.findFirst({ where: { organizationId: scope.id, measureId: measure.id, status: { not: "ABANDONED" } }, select: { id: true } });
    if (existing) throw new DomainError(ACTION_MESSAGES.measureAlreadyPlanned, "measureKey");

    const territory = await tx.organization.findUniqueOrThrow({ where: { id: scope.id }, select: { territory: { select: { kind: true, population: true } } } });
    const context = { sizeBand: sizeBandFor(territory.territory.population), territoryKind: territory.territory.kind };
    const pointing = (await questionnaireQuestions(tx, versionId)).filter((question) => question.measureKeys.includes(measure.key));
    const applicable = pointing.filter((question) => isApplicable(question, context));
    const criteria = (applicable.length > 0 ? applicable : pointing).slice(0, MAX_CRITERIA).map((question) => question.key);
    if (criteria.length === 0) throw new DomainError(ACTION_MESSAGES.measureUnknown, "measureKey");

    return insertAction(
      tx,
      actor,
      scope.id,
      round?.id ?? null,
      {
        title: measure.title.slice(0, TITLE_MAX_LENGTH),
        description: `${measure.why}\n\nComment faire : ${measure.how}`.slice(0, 5000),
        criteria,
        ownerUserId: null,
        ownerName: null,
        dueOn: null,
        priority: "MEDIUM",
        status: "TODO",
        abandonReason: null,
        progress: 0,
        measureId: measure.id,
      },
      "measure",
    );
  });
}

type Change = { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Changes an action; fields left out keep their value. Every change is recorded as an
 * ActionEvent "updated" holding, for each changed field, its value before and after, with the
 * actor and the time; a save that changes nothing records nothing. Status rules: rules.ts.
 */
export async function updateAction(db: Db, actor: ActorGrants, raw: UpdateActionInput) {
  const input = parse(updateActionSchema, raw);
  return db.$transaction(async (tx) => {
    const found = await tx.action.findUnique({ where: { id: input.actionId }, select: { organizationId: true } });
    if (!found) throw new AccessDeniedError();
    await requireActivePlanManager(tx, actor, found.organizationId);
    // Two people saving the same action: one after the other, each sees the other's result.
    await tx.$queryRaw`SELECT 1 FROM "Action" WHERE "id" = ${input.actionId} FOR UPDATE`;
    const current = await tx.action.findUniqueOrThrow({ where: { id: input.actionId }, select: actionSelect });
    const currentCriteria = current.criteria.map((criterion) => criterion.questionKey);

    const changes: Record<string, Change> = {};
    const data: Prisma.ActionUncheckedUpdateInput = {};

    if (input.title !== undefined && input.title !== current.title) {
      changes.title = { from: current.title, to: input.title };
      data.title = input.title;
    }
    if (input.description !== undefined && input.description !== current.description) {
      changes.description = { from: current.description, to: input.description };
      data.description = input.description;
    }
    let nextCriteria: string[] | null = null;
    if (input.criteria !== undefined) {
      const sorted = [...input.criteria].sort();
      if (!sameList(sorted, currentCriteria)) {
        const round = await findOpenRound(tx);
        await assertKnownCriteria(tx, sorted, round?.questionnaireVersionId);
        changes.criteria = { from: currentCriteria, to: sorted };
        nextCriteria = sorted;
      }
    }
    // The owner is a member or a named person: choosing one clears the other.
    if (input.ownerUserId !== undefined || input.ownerName !== undefined) {
      let ownerUserId = input.ownerUserId !== undefined ? input.ownerUserId : current.ownerUserId;
      let ownerName = input.ownerName !== undefined ? input.ownerName : current.ownerName;
      if (input.ownerUserId) ownerName = null;
      else if (input.ownerName) ownerUserId = null;
      if (ownerUserId && ownerUserId !== current.ownerUserId) await assertOwnerIsMember(tx, ownerUserId, found.organizationId);
      if (ownerUserId !== current.ownerUserId) {
        changes.ownerUserId = { from: current.ownerUserId, to: ownerUserId };
        data.ownerUserId = ownerUserId;
      }
      if (ownerName !== current.ownerName) {
        changes.ownerName = { from: current.ownerName, to: ownerName };
        data.ownerName = ownerName;
      }
    }
    if (input.dueOn !== undefined && input.dueOn !== isoDate(current.dueOn)) {
      changes.dueOn = { from: isoDate(current.dueOn), to: input.dueOn };
      data.dueOn = input.dueOn ? dateFromIso(input.dueOn) : null;
    }
    if (input.priority !== undefined && input.priority !== current.priority) {
      changes.priority = { from: current.priority, to: input.priority };
      data.priority = input.priority;
    }
    const status = applyStatusChange(current, { status: input.status, progress: input.progress, abandonReason: input.abandonReason });
    if (status.status !== current.status) changes.status = { from: current.status, to: status.status };
    if (status.progress !== current.progress) changes.progress = { from: current.progress, to: status.progress };
    if (status.abandonReason !== current.abandonReason) changes.abandonReason = { from: current.abandonReason, to: status.abandonReason };
    if (status.completedAt?.getTime() !== current.completedAt?.getTime()) {
      changes.completedAt = { from: current.completedAt?.toISOString() ?? null, to: status.completedAt?.toISOString() ?? null };
    }
    Object.assign(data, status);

    // Autosave: the change is applied (nobody loses what they typed), and if someone else saved
    // since the person loaded the action, the result says who and when so the page can show it.
    let conflict: { by: string; at: Date } | null = null;
    if (input.baseUpdatedAt && new Date(input.baseUpdatedAt).getTime() !== current.updatedAt.getTime()) {
      const last = await tx.actionEvent.findFirst({
        where: { actionId: current.id, actorId: { not: actor.userId } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { createdAt: true, actor: { select: { name: true, email: true } } },
      });
      if (last && last.createdAt.getTime() > new Date(input.baseUpdatedAt).getTime()) {
        conflict = { by: last.actor?.name?.trim() || last.actor?.email || "une autre personne", at: last.createdAt };
      }
    }

    if (Object.keys(changes).length === 0) return { action: toView(current), changed: false, conflict };

    if (nextCriteria) {
      await tx.actionCriterion.deleteMany({ where: { actionId: current.id } });
      await tx.actionCriterion.createMany({ data: nextCriteria.map((questionKey) => ({ actionId: current.id, questionKey })) });
    }
    const updated = await tx.action.update({ where: { id: current.id }, data, select: actionSelect });
    await tx.actionEvent.create({ data: { actionId: current.id, actorId: actor.userId, kind: "updated", changes } });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: found.organizationId,
      action: "action.updated",
      targetType: "Action",
      targetId: current.id,
      data: { fields: Object.keys(changes) },
    });
    return { action: toView(updated), changed: true, conflict };
  });
}

/** Finds an action and checks the permission on its organization (refusal: same words either way). */
async function actionFor(tx: Tx, actor: ActorGrants, actionId: string, permission: "plan:read" | "plan:manage") {
  const action = await tx.action.findUnique({ where: { id: actionId }, select: { id: true, organizationId: true } });
  if (!action) throw new AccessDeniedError();
  if (permission === "plan:manage") await requireActivePlanManager(tx, actor, action.organizationId);
  else await requirePermission(tx, actor, action.organizationId, permission);
  return action;
}

export async function addComment(db: Db, actor: ActorGrants, raw: CommentInput) {
  const input = parse(commentSchema, raw);
  return db.$transaction(async (tx) => {
    const action = await actionFor(tx, actor, input.actionId, "plan:manage");
    const comment = await tx.actionComment.create({
      data: { actionId: action.id, authorId: actor.userId, body: input.body },
      select: { id: true, body: true, createdAt: true },
    });
    await tx.actionEvent.create({ data: { actionId: action.id, actorId: actor.userId, kind: "comment_added", changes: { commentId: comment.id } } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: action.organizationId, action: "action.commented", targetType: "Action", targetId: action.id, data: { commentId: comment.id } });
    return comment;
  });
}

export async function listComments(db: Db, actor: ActorGrants, actionId: string) {
  return db.$transaction(async (tx) => {
    const action = await actionFor(tx, actor, actionId, "plan:read");
    const comments = await tx.actionComment.findMany({
      where: { actionId: action.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true, email: true } } },
    });
    return comments.map(({ author, ...comment }) => ({ ...comment, author: author ? { id: author.id, name: author.name?.trim() || author.email } : null }));
  });
}

/** A link as evidence (a file goes through the shared upload checks: not here yet). */
export async function addEvidenceLink(db: Db, actor: ActorGrants, raw: EvidenceLinkInput) {
  const input = parse(evidenceLinkSchema, raw);
  return db.$transaction(async (tx) => {
    const action = await actionFor(tx, actor, input.actionId, "plan:manage");
    const evidence = await tx.actionEvidence.create({
      data: { actionId: action.id, url: input.url, label: input.label },
      select: { id: true, url: true, label: true, createdAt: true },
    });
    await tx.actionEvent.create({ data: { actionId: action.id, actorId: actor.userId, kind: "evidence_added", changes: { evidenceId: evidence.id, url: input.url, label: input.label } } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: action.organizationId, action: "action.evidence_added", targetType: "Action", targetId: action.id, data: { evidenceId: evidence.id } });
    return evidence;
  });
}

/** Who changed what and when, oldest first. `changes` holds { field: { from, to } } for "updated". */
export async function listHistory(db: Db, actor: ActorGrants, actionId: string) {
  return db.$transaction(async (tx) => {
    const action = await actionFor(tx, actor, actionId, "plan:read");
    const events = await tx.actionEvent.findMany({
      where: { actionId: action.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, changes: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
    });
    return events.map(({ actor: who, ...event }) => ({ ...event, actor: who ? { id: who.id, name: who.name?.trim() || who.email } : null }));
  });
}

/** The plan as a CSV file for the council or a spreadsheet (see csv.ts). */
export async function exportPlanCsv(db: Db, actor: ActorGrants, organizationId: string) {
  const plan = await getPlan(db, actor, organizationId);
  const round = await findOpenRound(db);
  const texts = new Map((await questionnaireQuestions(db, round?.questionnaireVersionId)).map((question) => [question.key, question.text]));
  const rows: CsvAction[] = plan.actions.map((action) => ({
    title: action.title,
    criteria: action.criteria.map((key) => texts.get(key) ?? key),
    owner: action.owner?.name ?? null,
    dueOn: action.dueOn,
    priority: action.priority,
    status: action.status,
    progress: action.progress,
    abandonReason: action.abandonReason,
  }));
  return { filename: `plan-d-action-${new Date().toISOString().slice(0, 10)}.csv`, contentType: "text/csv; charset=utf-8", content: planToCsv(rows) };
}

/** The plan as a PDF for the municipal council (see pdf.ts). */
export async function exportPlanPdf(db: Db, actor: ActorGrants, organizationId: string) {
  const plan = await getPlan(db, actor, organizationId);
  const round = await findOpenRound(db);
  const questions = await questionnaireQuestions(db, round?.questionnaireVersionId);
  const texts = new Map(questions.map((question) => [question.key, question.text]));
  const content = await renderPlanPdf({
    organizationName: plan.organizationName,
    roundYear: plan.round?.year ?? null,
    rule: plan.rule,
    completeness: plan.completeness,
    actions: plan.actions.map((action) => ({
      title: action.title,
      status: action.status,
      priority: action.priority,
      progress: action.progress,
      owner: action.owner?.name ?? null,
      dueOn: action.dueOn,
      completedAt: action.completedAt,
      abandonReason: action.abandonReason,
      criteria: action.criteria.map((key) => texts.get(key) ?? key),
      evidenceCount: action.evidences.length,
    })),
  });
  return { filename: `plan-d-action-${new Date().toISOString().slice(0, 10)}.pdf`, contentType: "application/pdf", content };
}

/**
 * Criterion 2 for another domain (the candidacy's snapshot, the dashboard) under a given round's
 * rule. Checks no permission: call it after your own check on the same organization.
 */
export async function planCompletenessOf(db: Db | Tx, organizationId: string, rule: PlanRule) {
  const actions = await db.action.findMany({
    where: { organizationId },
    select: { status: true, criteria: { select: { questionKey: true } } },
  });
  return planCompleteness(
    actions.map((action) => ({ status: action.status, criteria: action.criteria.map((criterion) => criterion.questionKey) })),
    rule,
  );
}
