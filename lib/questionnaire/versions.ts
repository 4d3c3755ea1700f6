// Questionnaire versions as data: installed from the content written in ./content, published
// once (then never changed), and derived into next year's draft with the same stable keys.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import { DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import type { QuestionnaireStatus } from "@/lib/db/generated/enums";
import type { QuestionnaireContent } from "./content/types";
import { contentProblems } from "./content/validate";

type Tx = Prisma.TransactionClient;

/** Installing ~60 questions is a handful of statements, but PGlite can be slow on a busy machine. */
const CONTENT_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

const PUBLISHED_MESSAGE =
  "Cette version du questionnaire est publiée : elle ne change plus, pour que les réponses restent comparables. Créez une nouvelle version à partir d'elle.";

/** Every change to a version's content goes through this guard: a published version never changes. */
export function assertEditable(version: { status: QuestionnaireStatus }): void {
  if (version.status === "PUBLISHED") throw new DomainError(PUBLISHED_MESSAGE);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Writes themes, measures, questions, options and their links under `versionId`, in five statements. */
async function writeContent(tx: Tx, versionId: string, content: QuestionnaireContent): Promise<void> {
  const themes = await tx.questionnaireTheme.createManyAndReturn({
    data: content.themes.map((theme, index) => ({ versionId, key: theme.key, position: index + 1, title: theme.title, description: theme.description })),
    select: { id: true, key: true },
  });
  const themeIds = new Map(themes.map((theme) => [theme.key, theme.id]));

  const measures = await tx.recommendedMeasure.createManyAndReturn({
    data: content.measures.map((measure) => ({ versionId, key: measure.key, title: measure.title, why: measure.why, how: measure.how, effort: measure.effort, cost: measure.cost })),
    select: { id: true, key: true },
  });
  const measureIds = new Map(measures.map((measure) => [measure.key, measure.id]));

  const questions = await tx.question.createManyAndReturn({
    data: content.themes.flatMap((theme) =>
      theme.questions.map((question, index) => ({
        versionId,
        themeId: themeIds.get(theme.key)!,
        key: question.key,
        position: index + 1,
        text: question.text,
        help: question.help,
        weight: question.weight,
        sizeBands: [...question.sizeBands],
        territoryKinds: [...question.territoryKinds],
      })),
    ),
    select: { id: true, key: true },
  });
  const questionIds = new Map(questions.map((question) => [question.key, question.id]));
  const allQuestions = content.themes.flatMap((theme) => theme.questions);

  await tx.answerOption.createMany({
    data: allQuestions.flatMap((question) =>
      question.options.map((option, index) => ({
        questionId: questionIds.get(question.key)!,
        key: option.key,
        position: index + 1,
        label: option.label,
        score: option.score,
      })),
    ),
  });
  await tx.questionMeasure.createMany({
    data: allQuestions.flatMap((question) =>
      question.measureKeys.map((key) => ({ questionId: questionIds.get(question.key)!, measureId: measureIds.get(key)! })),
    ),
  });
}

function assertSound(content: QuestionnaireContent): void {
  const problems = contentProblems(content);
  if (problems.length > 0) throw new Error(`Questionnaire content is not sound:\n- ${problems.join("\n- ")}`);
}

/**
 * Installs a version from content written in code, in one transaction. Idempotent by key: an
 * existing version is returned untouched (its content is never compared nor overwritten).
 * Seeds and scripts only: it checks no permission, so no page or action may call it.
 */
export async function installQuestionnaireVersion(db: Db, input: { key: string; title: string; content: QuestionnaireContent }) {
  const existing = await db.questionnaireVersion.findUnique({ where: { key: input.key } });
  if (existing) return { version: existing, created: false };
  assertSound(input.content);
  try {
    const version = await db.$transaction(async (tx) => {
      const version = await tx.questionnaireVersion.create({ data: { key: input.key, title: input.title } });
      await writeContent(tx, version.id, input.content);
      return version;
    }, CONTENT_TRANSACTION);
    return { version, created: true };
  } catch (error) {
    // Two installs at once: the other one won, and its version is the same content.
    if (isUniqueViolation(error)) {
      const version = await db.questionnaireVersion.findUnique({ where: { key: input.key } });
      if (version) return { version, created: false };
    }
    throw error;
  }
}

/** Reads a version's content back in the shape it was written in, ordered by position. */
export async function loadVersionContent(db: Db | Tx, versionId: string): Promise<QuestionnaireContent> {
  const [themes, measures] = await Promise.all([
    db.questionnaireTheme.findMany({
      where: { versionId },
      orderBy: { position: "asc" },
      select: {
        key: true,
        title: true,
        description: true,
        questions: {
          orderBy: { position: "asc" },
          select: {
            key: true,
            text: true,
            help: true,
            weight: true,
            sizeBands: true,
            territoryKinds: true,
            options: { orderBy: { position: "asc" }, select: { key: true, label: true, score: true } },
            measures: { select: { measure: { select: { key: true } } } },
          },
        },
      },
    }),
    db.recommendedMeasure.findMany({
      where: { versionId },
      orderBy: { key: "asc" },
      select: { key: true, title: true, why: true, how: true, effort: true, cost: true },
    }),
  ]);
  return {
    themes: themes.map((theme) => ({
      ...theme,
      questions: theme.questions.map(({ measures: links, ...question }) => ({
        ...question,
        measureKeys: links.map((link) => link.measure.key).sort(),
      })),
    })),
    measures,
  };
}

const versionSummary = {
  id: true,
  key: true,
  title: true,
  status: true,
  publishedAt: true,
  createdAt: true,
  derivedFrom: { select: { id: true, key: true, title: true } },
  round: { select: { id: true, year: true, name: true } },
  _count: { select: { questions: true, assessments: true } },
} satisfies Prisma.QuestionnaireVersionSelect;

/** Every version, newest first, for the association's administrators. */
export async function listVersions(db: Db, actor: ActorGrants) {
  requireAssociationPermission(actor, "questionnaire:manage");
  return db.questionnaireVersion.findMany({ orderBy: { createdAt: "desc" }, select: versionSummary });
}

/** One version and its whole content, for an administrator to read before publishing or deriving. */
export async function getVersion(db: Db, actor: ActorGrants, versionId: string) {
  requireAssociationPermission(actor, "questionnaire:manage");
  const version = await db.questionnaireVersion.findUnique({ where: { id: versionId }, select: versionSummary });
  if (!version) throw new DomainError("Cette version du questionnaire n'existe pas.");
  return { ...version, editable: version.status === "DRAFT", content: await loadVersionContent(db, version.id) };
}

/** Publishes inside a transaction the caller already holds (the seed and `publishVersion`). */
async function publishIn(tx: Tx, versionId: string, actorId: string | null) {
  const now = new Date();
  // The status condition makes two concurrent publications publish once.
  const { count } = await tx.questionnaireVersion.updateMany({ where: { id: versionId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now } });
  const version = await tx.questionnaireVersion.findUnique({ where: { id: versionId }, select: { id: true, key: true, status: true, publishedAt: true } });
  if (!version) throw new DomainError("Cette version du questionnaire n'existe pas.");
  if (count === 0) throw new DomainError("Cette version du questionnaire est déjà publiée.");
  const questions = await tx.question.count({ where: { versionId } });
  if (questions === 0) throw new DomainError("Cette version ne contient aucune question : elle ne peut pas être publiée.");
  await recordAudit(tx, { actorId, action: "questionnaire.published", targetType: "QuestionnaireVersion", targetId: versionId, data: { key: version.key } });
  return version;
}

export async function publishVersion(db: Db, actor: ActorGrants, versionId: string) {
  requireAssociationPermission(actor, "questionnaire:manage");
  return db.$transaction((tx) => publishIn(tx, versionId, actor.userId));
}

/** For the seed: publishes the version if it is still a draft, with no person behind it. */
export async function publishInstalledVersion(db: Db, versionId: string): Promise<boolean> {
  const version = await db.questionnaireVersion.findUnique({ where: { id: versionId }, select: { status: true } });
  if (!version || version.status === "PUBLISHED") return false;
  await db.$transaction((tx) => publishIn(tx, versionId, null));
  return true;
}

/**
 * Copies a version (usually last year's, published) into a new draft with the same stable keys,
 * for the association to adjust before publishing. The source is only read.
 */
export async function deriveVersion(db: Db, actor: ActorGrants, fromVersionId: string, input: { key: string; title: string }) {
  requireAssociationPermission(actor, "questionnaire:manage");
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.questionnaireVersion.findUnique({ where: { id: fromVersionId }, select: { id: true, key: true } });
      if (!source) throw new DomainError("La version d'origine n'existe pas.");
      const taken = await tx.questionnaireVersion.findUnique({ where: { key: input.key }, select: { id: true } });
      if (taken) throw new DomainError(`Une version « ${input.key} » existe déjà : choisissez une autre clé.`, "key");
      const content = await loadVersionContent(tx, source.id);
      const version = await tx.questionnaireVersion.create({ data: { key: input.key, title: input.title, derivedFromId: source.id } });
      await writeContent(tx, version.id, content);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "questionnaire.derived",
        targetType: "QuestionnaireVersion",
        targetId: version.id,
        data: { key: version.key, from: source.key },
      });
      return version;
    }, CONTENT_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(`Une version « ${input.key} » existe déjà : choisissez une autre clé.`, "key");
    throw error;
  }
}

/**
 * Changes the wording or weight of a question of a draft version. The version row is locked
 * first, so a publication running at the same time either waits for this change or refuses it.
 */
export async function editQuestion(
  db: Db,
  actor: ActorGrants,
  input: { versionId: string; questionKey: string; text?: string; help?: string; weight?: number },
) {
  requireAssociationPermission(actor, "questionnaire:manage");
  return db.$transaction(async (tx) => {
    const [version] = await tx.$queryRaw<{ status: QuestionnaireStatus }[]>`
      SELECT "status" FROM "QuestionnaireVersion" WHERE "id" = ${input.versionId} FOR UPDATE`;
    if (!version) throw new DomainError("Cette version du questionnaire n'existe pas.");
    assertEditable(version);
    const question = await tx.question.findUnique({ where: { versionId_key: { versionId: input.versionId, key: input.questionKey } }, select: { id: true } });
    if (!question) throw new DomainError("Cette question n'existe pas dans cette version.");
    const updated = await tx.question.update({
      where: { id: question.id },
      data: { text: input.text, help: input.help, weight: input.weight },
      select: { key: true, text: true, help: true, weight: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "questionnaire.question_edited",
      targetType: "Question",
      targetId: question.id,
      data: { versionId: input.versionId, key: input.questionKey },
    });
    return updated;
  });
}
