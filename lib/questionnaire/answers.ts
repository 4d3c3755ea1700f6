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
import { prioritizeMeasures, scoreAssessment, type AnswerState, type ScorableTheme } from "./scoring";
import { isApplicable, SIZE_BAND_LABELS, sizeBandFor, type ApplicabilityContext } from "./size-band";
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

/** Only what scoring needs: themes, questions, option scores (three statements). */
async function loadScorable(db: Db | Tx, versionId: string): Promise<ScorableTheme[]> {
  return db.questionnaireTheme.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: {
      key: true,
      title: true,
      questions: {
        orderBy: { position: "asc" },
        select: { key: true, weight: true, sizeBands: true, territoryKinds: true, options: { select: { key: true, score: true } } },
      },
    },
  });
}

async function loadAnswerStates(db: Db | Tx, assessmentId: string): Promise<AnswerState[]> {
  const rows = await db.answer.findMany({
    where: { assessmentId },
    select: { dontKnow: true, question: { select: { key: true } }, option: { select: { key: true } } },
  });
  return rows.map((row) => ({ questionKey: row.question.key, optionKey: row.option?.key ?? null, dontKnow: row.dontKnow }));
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
  const [themes, answers] = await Promise.all([loadScorable(tx, assessment.versionId), loadAnswerStates(tx, assessment.id)]);
  const result = scoreAssessment(themes, answers, assessment);
  const { complete } = result.completion;
  let status = assessment.status;

  if (complete && (assessment.status !== "COMPLETED" || assessment.score !== result.overall)) {
    const first = assessment.status !== "COMPLETED";
    await tx.assessment.update({
      where: { id: assessment.id },
      data: first ? { status: "COMPLETED", completedAt: new Date(), score: result.overall } : { score: result.overall },
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
    await tx.assessment.update({ where: { id: assessment.id }, data: { status: "IN_PROGRESS", completedAt: null, score: null } });
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
 */
export async function saveAnswer(db: Db, actor: ActorGrants, raw: SaveAnswerInput): Promise<SaveAnswerResult> {
  // Parsed again here: the domain does not trust its callers to have used the shared schema.
  const parsed = saveAnswerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
  }
  const input = parsed.data;

  return db.$transaction(async (tx) => {
    const found = await tx.assessment.findUnique({ where: { id: input.assessmentId }, select: { organizationId: true } });
    if (!found) throw new AccessDeniedError();
    await requirePermission(tx, actor, found.organizationId, "assessment:answer");
    await tx.$queryRaw`SELECT 1 FROM "Assessment" WHERE "id" = ${input.assessmentId} FOR UPDATE`;

    const assessment = await tx.assessment.findUniqueOrThrow({
      where: { id: input.assessmentId },
      select: { id: true, versionId: true, sizeBand: true, territoryKind: true, round: { select: { year: true, status: true } } },
    });
    if (assessment.round.status === "CLOSED") throw new DomainError(MESSAGES.roundClosed(assessment.round.year));

    const question = await tx.question.findUnique({
      where: { versionId_key: { versionId: assessment.versionId, key: input.questionKey } },
      select: { id: true, key: true, sizeBands: true, territoryKinds: true, options: { select: { id: true, key: true, label: true } } },
    });
    if (!question) throw new DomainError(MESSAGES.questionNotInVersion, "questionKey");
    if (!isApplicable(question, assessment)) throw new DomainError(MESSAGES.questionNotApplicable, "questionKey");
    let option: { id: string; key: string; label: string } | null = null;
    if (typeof input.optionKey === "string") {
      option = question.options.find((candidate) => candidate.key === input.optionKey) ?? null;
      if (!option) throw new DomainError(MESSAGES.optionNotFound, "optionKey");
    }

    const where = { assessmentId_questionId: { assessmentId: assessment.id, questionId: question.id } };
    const existing = await tx.answer.findUnique({
      where,
      select: answerSelect,
    });

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
    const conflict: SaveAnswerResult["conflict"] =
      existing && input.baseRevision !== undefined && input.baseRevision !== storedRevision
        ? {
            previous: {
              optionKey: existing.option?.key ?? null,
              optionLabel: existing.option?.label ?? null,
              dontKnow: existing.dontKnow,
              comment: existing.comment,
              by: person(existing.answeredBy),
              at: existing.updatedAt,
              revision: existing.revision,
            },
          }
        : null;

    if (!changed) {
      return {
        changed: false,
        conflict,
        assessment: null,
        answer: existing ? answerView(question.key, existing) : null,
      };
    }

    const data = { optionId, dontKnow, comment, answeredById: actor.userId };
    const saved = await (existing
      ? tx.answer.update({ where, data: { ...data, revision: { increment: 1 } }, select: answerSelect })
      : tx.answer.create({ data: { ...data, assessmentId: assessment.id, questionId: question.id, revision: 1 }, select: answerSelect }));

    return {
      changed: true,
      conflict,
      assessment: await completeIfAllAnswered(tx, assessment.id),
      answer: answerView(question.key, saved),
    };
  });
}

const answerSelect = {
  optionId: true,
  option: { select: { key: true, label: true } },
  dontKnow: true,
  comment: true,
  revision: true,
  updatedAt: true,
  answeredBy: personSelect,
} satisfies Prisma.AnswerSelect;

/** A stored answer as the page shows it: the value, who gave it and when. */
function answerView(questionKey: string, row: Prisma.AnswerGetPayload<{ select: typeof answerSelect }>) {
  return {
    questionKey,
    optionKey: row.option?.key ?? null,
    optionLabel: row.option?.label ?? null,
    dontKnow: row.dontKnow,
    comment: row.comment,
    revision: row.revision,
    answered: row.optionId !== null || row.dontKnow,
    by: person(row.answeredBy),
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
