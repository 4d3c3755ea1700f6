// Filling the questionnaire: start it, read it back with who answered what, and save one answer
// at a time as soon as it is given (autosave), so nothing is lost when the person is interrupted.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { permissionsOn, type ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { saveAnswerSchema, type SaveAnswerInput } from "./schemas";
import type { AssessmentStatus, RoundStatus, SizeBand, TerritoryKind } from "@/lib/db/generated/enums";
import { prioritizeMeasures, scoreAssessment, type AnswerState } from "./scoring";
import { isApplicable, SIZE_BAND_LABELS, sizeBandFor, type ApplicabilityContext } from "./size-band";
import { loadVersionStructure, type StructureOption, type VersionStructure } from "./structure";
import { loadVersionContent } from "./versions";

type Tx = Prisma.TransactionClient;

const MESSAGES = {
  notStarted: "Le questionnaire de cette campagne n'a pas encore été commencé par la collectivité.",
  roundMissing: "Cette campagne n'existe pas.",
  roundNotOpen: (year: number) => `La campagne ${year} n'est pas ouverte : le questionnaire ne peut pas être commencé.`,
  roundClosed: (year: number) => `La campagne ${year} est close : les réponses ne peuvent plus être modifiées.`,
  versionNotPublished: "Le questionnaire de cette campagne n'est pas encore publié par l'association. Réessayez dans quelques jours.",
  questionNotInVersion: "Cette question ne fait pas partie du questionnaire de cette campagne : rechargez la page.",
  questionNotApplicable: "Cette question ne concerne pas votre collectivité (elle dépend de sa taille ou de son type) : rechargez la page.",
  optionNotFound: "Cette réponse n'existe pas pour cette question : rechargez la page.",
};

export type Person = { id: string; name: string };

function person(user: { id: string; name: string | null; email: string } | null): Person | null {
  return user ? { id: user.id, name: user.name?.trim() || user.email } : null;
}

const personSelect = { select: { id: true, name: true, email: true } } as const;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const assessmentSummary = {
  id: true,
  organizationId: true,
  roundId: true,
  versionId: true,
  status: true,
  sizeBand: true,
  territoryKind: true,
  completedAt: true,
  score: true,
} satisfies Prisma.AssessmentSelect;

/**
 * The organization's assessment for a round, started on first call. Reading needs
 * `assessment:read`; starting needs `assessment:answer`, an open round and a published version.
 * The size band and kind are frozen at the start, so the questions do not move under the
 * person's feet if the population is updated during the round.
 */
export async function getOrStartAssessment(db: Db, actor: ActorGrants, organizationId: string, roundId: string) {
  const scope = await requirePermission(db, actor, organizationId, "assessment:read");
  const where = { organizationId_roundId: { organizationId, roundId } };
  const existing = await db.assessment.findUnique({ where, select: assessmentSummary });
  if (existing) return { ...existing, created: false };
  if (!permissionsOn(actor, scope).has("assessment:answer")) throw new DomainError(MESSAGES.notStarted);

  try {
    return await db.$transaction(async (tx) => {
      const round = await tx.round.findUnique({
        where: { id: roundId },
        select: { id: true, year: true, status: true, questionnaireVersion: { select: { id: true, status: true } } },
      });
      if (!round) throw new DomainError(MESSAGES.roundMissing);
      if (round.status !== "OPEN") throw new DomainError(MESSAGES.roundNotOpen(round.year));
      const version = round.questionnaireVersion;
      if (!version || version.status !== "PUBLISHED") throw new DomainError(MESSAGES.versionNotPublished);
      const organization = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { territory: { select: { kind: true, population: true } } },
      });
      const assessment = await tx.assessment.create({
        data: {
          organizationId,
          roundId,
          versionId: version.id,
          sizeBand: sizeBandFor(organization.territory.population),
          territoryKind: organization.territory.kind,
        },
        select: assessmentSummary,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId,
        action: "assessment.started",
        targetType: "Assessment",
        targetId: assessment.id,
        data: { roundYear: round.year, sizeBand: assessment.sizeBand, territoryKind: assessment.territoryKind },
      });
      return { ...assessment, created: true };
    });
  } catch (error) {
    // Two colleagues opened the questionnaire at the same moment: both get the same one.
    if (isUniqueViolation(error)) {
      const assessment = await db.assessment.findUnique({ where, select: assessmentSummary });
      if (assessment) return { ...assessment, created: false };
    }
    throw error;
  }
}

/** The assessment fields completion needs; read under the lock of the transaction that saves. */
type CompletionTarget = {
  id: string;
  organizationId: string;
  status: AssessmentStatus;
  score: number | null;
  sizeBand: SizeBand;
  territoryKind: TerritoryKind;
};

/** Answers as scoring reads them, by key, from rows holding ids (the structure maps one to the other). */
function answerStates(structure: VersionStructure, rows: readonly { questionId: string; optionId: string | null; dontKnow: boolean }[]): AnswerState[] {
  const states: AnswerState[] = [];
  for (const row of rows) {
    const question = structure.questionsById.get(row.questionId);
    if (!question) continue; // not in this version: scoring would ignore it anyway
    states.push({ questionKey: question.key, optionKey: row.optionId === null ? null : (structure.optionsById.get(row.optionId)?.key ?? null), dontKnow: row.dontKnow });
  }
  return states;
}

async function requireStructure(db: Db | Tx, versionId: string): Promise<VersionStructure> {
  const structure = await loadVersionStructure(db, versionId);
  // Foreign keys make this impossible; say so plainly rather than score against nothing.
  if (!structure) throw new Error(`Questionnaire version ${versionId} not found`);
  return structure;
}

/**
 * Keeps the assessment's status in step with its answers: COMPLETED (with the date and the
 * overall score) once every applicable question is answered, back to IN_PROGRESS when an answer
 * is cleared. Call it inside the transaction that changed the answers, after the permission check.
 */
export async function completeIfAllAnswered(tx: Db | Tx, assessmentId: string) {
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { id: true, organizationId: true, versionId: true, status: true, score: true, sizeBand: true, territoryKind: true },
  });
  const [structure, rows] = await Promise.all([
    requireStructure(tx, assessment.versionId),
    tx.answer.findMany({ where: { assessmentId }, select: { questionId: true, optionId: true, dontKnow: true } }),
  ]);
  return settleCompletion(tx, assessment, structure, answerStates(structure, rows));
}

/** The status and score that follow from these answers, written when they change (with their audit event). */
async function settleCompletion(tx: Db | Tx, assessment: CompletionTarget, structure: VersionStructure, answers: AnswerState[]) {
  const result = scoreAssessment(structure.themes, answers, assessment);
  const { complete } = result.completion;
  let status = assessment.status;

  if (complete && (assessment.status !== "COMPLETED" || assessment.score !== result.overall)) {
    const first = assessment.status !== "COMPLETED";
    await tx.assessment.update({
      where: { id: assessment.id },
      data: first ? { status: "COMPLETED", completedAt: new Date(), score: result.overall } : { score: result.overall },
      select: { id: true },
    });
    if (first) {
      await recordAudit(tx, {
        actorId: null,
        organizationId: assessment.organizationId,
        action: "assessment.completed",
        targetType: "Assessment",
        targetId: assessment.id,
        data: { score: result.overall },
      });
    }
    status = "COMPLETED";
  } else if (!complete && assessment.status === "COMPLETED") {
    await tx.assessment.update({ where: { id: assessment.id }, data: { status: "IN_PROGRESS", completedAt: null, score: null }, select: { id: true } });
    await recordAudit(tx, { actorId: null, organizationId: assessment.organizationId, action: "assessment.reopened", targetType: "Assessment", targetId: assessment.id });
    status = "IN_PROGRESS";
  }
  return { status, overall: result.overall, level: result.level, completion: result.completion };
}

export type AnswerValue = { optionKey: string | null; optionLabel: string | null; dontKnow: boolean; comment: string | null };

export type SaveAnswerResult = {
  /** False when the save changed nothing (the same value sent twice): no new revision. */
  changed: boolean;
  /** The stored answer after the save; null when there is none. */
  answer: (AnswerValue & { questionKey: string; revision: number; answered: boolean; by: Person | null; at: Date }) | null;
  /**
   * Someone changed this question since the person loaded it (`baseRevision` differs). The save
   * still applied (last writer wins, field by field); this is what it replaced, to show
   * "modifié par X à HH:MM".
   */
  conflict: { previous: AnswerValue & { by: Person | null; at: Date; revision: number } } | null;
  assessment: Awaited<ReturnType<typeof completeIfAllAnswered>> | null;
};

/**
 * Saves one answer (autosave). The tenant is the assessment's organization. Either everything
 * applies or nothing does: one transaction, which first locks the assessment row so that saves
 * on the same assessment run one after the other (completion is then always computed on
 * committed answers). Fields left out keep their stored value: saving a comment never
 * overwrites the option a colleague just chose, and two people on different questions never
 * conflict.
 *
 * Kept short because it runs on every answer (README: "Autosave latency"): the permission and
 * the version's structure (cached once published) are resolved before the transaction, which
 * holds only the lock, the answers, the write and the completion.
 */
export async function saveAnswer(db: Db, actor: ActorGrants, raw: SaveAnswerInput): Promise<SaveAnswerResult> {
  // Parsed again here: the domain does not trust its callers to have used the shared schema.
  const parsed = saveAnswerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
  }
  const input = parsed.data;

  // Organization, version, size band and kind are set when the assessment starts and never change.
  const target = await db.assessment.findUnique({
    where: { id: input.assessmentId },
    select: { id: true, organizationId: true, versionId: true, sizeBand: true, territoryKind: true },
  });
  if (!target) throw new AccessDeniedError();
  // Independent reads side by side. Nothing is written, and nothing is returned, unless the
  // permission check passes.
  const [, structure, author] = await Promise.all([
    requirePermission(db, actor, target.organizationId, "assessment:answer"),
    requireStructure(db, target.versionId),
    db.user.findUnique({ where: { id: actor.userId }, ...personSelect }),
  ]);

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: AssessmentStatus; score: number | null; roundYear: number; roundStatus: RoundStatus }[]>`
      SELECT a."status"::text AS "status", a."score", r."year" AS "roundYear", r."status"::text AS "roundStatus"
      FROM "Assessment" a JOIN "Round" r ON r."id" = a."roundId"
      WHERE a."id" = ${target.id}
      FOR UPDATE OF a`;
    if (!locked) throw new AccessDeniedError(); // deleted in the meantime
    if (locked.roundStatus === "CLOSED") throw new DomainError(MESSAGES.roundClosed(locked.roundYear));

    const question = structure.questionsByKey.get(input.questionKey);
    if (!question) throw new DomainError(MESSAGES.questionNotInVersion, "questionKey");
    if (!isApplicable(question, target)) throw new DomainError(MESSAGES.questionNotApplicable, "questionKey");
    let option: StructureOption | null = null;
    if (typeof input.optionKey === "string") {
      option = question.options.find((candidate) => candidate.key === input.optionKey) ?? null;
      if (!option) throw new DomainError(MESSAGES.optionNotFound, "optionKey");
    }

    // Every answer of the assessment at once (58 at most): this one, and what completion needs.
    const rows = await tx.answer.findMany({ where: { assessmentId: target.id }, select: { questionId: true, ...storedAnswerSelect } });
    const existing = rows.find((row) => row.questionId === question.id) ?? null;

    let optionId = existing?.optionId ?? null;
    let dontKnow = existing?.dontKnow ?? false;
    let comment = existing?.comment ?? null;
    if (input.optionKey !== undefined) {
      optionId = option?.id ?? null;
      if (option) dontKnow = false;
    }
    if (input.dontKnow !== undefined) {
      dontKnow = input.dontKnow;
      if (dontKnow) optionId = null;
    }
    if (input.comment !== undefined) comment = input.comment ? input.comment : null;

    const changed = existing
      ? optionId !== existing.optionId || dontKnow !== existing.dontKnow || comment !== existing.comment
      : optionId !== null || dontKnow || comment !== null;

    const storedRevision = existing?.revision ?? 0;
    const isConflict = existing !== null && input.baseRevision !== undefined && input.baseRevision !== storedRevision;
    // Who wrote the stored answer: only read when it is shown (a conflict, or a save that changed nothing).
    const previousAuthor =
      existing?.answeredById && (isConflict || !changed) ? await tx.user.findUnique({ where: { id: existing.answeredById }, ...personSelect }) : null;
    const conflict: SaveAnswerResult["conflict"] =
      existing && isConflict
        ? { previous: { ...answerValue(structure, existing), by: person(previousAuthor), at: existing.updatedAt, revision: existing.revision } }
        : null;

    if (!changed) {
      return {
        changed: false,
        conflict,
        assessment: null,
        answer: existing ? answerView(structure, question.key, existing, previousAuthor) : null,
      };
    }

    const data = { optionId, dontKnow, comment, answeredById: actor.userId };
    const where = { assessmentId_questionId: { assessmentId: target.id, questionId: question.id } };
    const saved = await (existing
      ? tx.answer.update({ where, data: { ...data, revision: { increment: 1 } }, select: storedAnswerSelect })
      : tx.answer.create({ data: { ...data, assessmentId: target.id, questionId: question.id, revision: 1 }, select: storedAnswerSelect }));

    const after = [...rows.filter((row) => row !== existing), { questionId: question.id, ...saved }];
    return {
      changed: true,
      conflict,
      assessment: await settleCompletion(tx, { ...target, status: locked.status, score: locked.score }, structure, answerStates(structure, after)),
      answer: answerView(structure, question.key, saved, author),
    };
  });
}

/** An answer's own columns; the option's words come from the version's structure, the person is read apart. */
const storedAnswerSelect = {
  optionId: true,
  dontKnow: true,
  comment: true,
  revision: true,
  updatedAt: true,
  answeredById: true,
} satisfies Prisma.AnswerSelect;

type StoredAnswer = Prisma.AnswerGetPayload<{ select: typeof storedAnswerSelect }>;

function answerValue(structure: VersionStructure, row: StoredAnswer): AnswerValue {
  const option = row.optionId === null ? undefined : structure.optionsById.get(row.optionId);
  return { optionKey: option?.key ?? null, optionLabel: option?.label ?? null, dontKnow: row.dontKnow, comment: row.comment };
}

/** A stored answer as the page shows it: the value, who gave it and when. */
function answerView(structure: VersionStructure, questionKey: string, row: StoredAnswer, by: { id: string; name: string | null; email: string } | null) {
  return {
    questionKey,
    ...answerValue(structure, row),
    revision: row.revision,
    answered: row.optionId !== null || row.dontKnow,
    by: person(by),
    at: row.updatedAt,
  };
}

/**
 * Everything the questionnaire page needs: the questions that apply, grouped by theme, each
 * with its answer and who gave it when; progress per theme; the result and the recommended
 * measures; and where to resume (the first unanswered question).
 */
export async function getAssessmentView(db: Db, actor: ActorGrants, assessmentId: string) {
  const found = await db.assessment.findUnique({ where: { id: assessmentId }, select: { organizationId: true } });
  if (!found) throw new AccessDeniedError();
  const scope = await requirePermission(db, actor, found.organizationId, "assessment:read");

  const assessment = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      ...assessmentSummary,
      organization: { select: { name: true } },
      round: { select: { id: true, year: true, name: true, status: true } },
      version: { select: { id: true, key: true, title: true } },
    },
  });
  const context: ApplicabilityContext = { sizeBand: assessment.sizeBand, territoryKind: assessment.territoryKind };
  const [content, rows] = await Promise.all([
    loadVersionContent(db, assessment.versionId),
    db.answer.findMany({
      where: { assessmentId },
      select: {
        question: { select: { key: true } },
        option: { select: { key: true, label: true } },
        dontKnow: true,
        comment: true,
        revision: true,
        updatedAt: true,
        answeredBy: personSelect,
      },
    }),
  ]);
  const answerRows = new Map(rows.map((row) => [row.question.key, row]));
  const states: AnswerState[] = rows.map((row) => ({ questionKey: row.question.key, optionKey: row.option?.key ?? null, dontKnow: row.dontKnow }));
  const result = scoreAssessment(content.themes, states, context);
  const scoreByTheme = new Map(result.byTheme.map((theme) => [theme.key, theme]));
  let resumeAt: { themeKey: string; questionKey: string } | null = null;

  const themes = content.themes.map((theme) => {
    const questions = theme.questions
      .filter((question) => isApplicable(question, context))
      .map((question) => {
        const row = answerRows.get(question.key);
        // An option from outside this question cannot happen (foreign keys), but read defensively.
        const optionKnown = row?.option ? question.options.some((option) => option.key === row.option!.key) : false;
        const answered = Boolean(row && (row.dontKnow || optionKnown));
        if (!answered && !resumeAt) resumeAt = { themeKey: theme.key, questionKey: question.key };
        return {
          key: question.key,
          text: question.text,
          help: question.help,
          options: question.options.map((option) => ({ key: option.key, label: option.label })),
          answer: row
            ? {
                optionKey: row.option?.key ?? null,
                optionLabel: row.option?.label ?? null,
                dontKnow: row.dontKnow,
                comment: row.comment,
                revision: row.revision,
                answered,
                by: person(row.answeredBy),
                at: row.updatedAt,
              }
            : null,
        };
      });
    const score = scoreByTheme.get(theme.key)!;
    return { key: theme.key, title: theme.title, description: theme.description, questions, result: score };
  });

  return {
    assessment: {
      id: assessment.id,
      organizationId: assessment.organizationId,
      organizationName: assessment.organization.name,
      round: assessment.round,
      version: assessment.version,
      status: assessment.status,
      sizeBand: assessment.sizeBand,
      sizeBandLabel: SIZE_BAND_LABELS[assessment.sizeBand],
      territoryKind: assessment.territoryKind,
      completedAt: assessment.completedAt,
      score: assessment.score,
    },
    canAnswer: permissionsOn(actor, scope).has("assessment:answer") && assessment.round.status !== "CLOSED",
    themes,
    result,
    measures: prioritizeMeasures(content.themes, states, context, content.measures),
    resumeAt: resumeAt as { themeKey: string; questionKey: string } | null,
  };
}
