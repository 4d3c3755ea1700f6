// The structure of a questionnaire version that every autosave needs: themes, questions and
// options with their ids, to check the answer and to score the assessment. A PUBLISHED version
// never changes (assertEditable, and the *_published_immutable triggers refuse any change or
// deletion), so its structure is read once per process and kept, keyed by version id. A draft
// can still be edited: it is read again every time, never kept.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ScorableQuestion, ScorableTheme } from "./scoring";

export type StructureOption = { id: string; key: string; label: string; score: number };
export type StructureQuestion = Omit<ScorableQuestion, "options"> & { id: string; options: readonly StructureOption[] };
export type VersionStructure = {
  versionId: string;
  published: boolean;
  themes: readonly (ScorableTheme & { questions: readonly StructureQuestion[] })[];
  questionsByKey: ReadonlyMap<string, StructureQuestion>;
  questionsById: ReadonlyMap<string, StructureQuestion>;
  optionsById: ReadonlyMap<string, StructureOption>;
};

/** Published versions only; a few per year, so it never needs evicting. */
const published = new Map<string, Promise<VersionStructure>>();

/** The version's structure, or null when the version does not exist. */
export async function loadVersionStructure(db: Db | Prisma.TransactionClient, versionId: string): Promise<VersionStructure | null> {
  const cached = published.get(versionId);
  if (cached) return cached;
  const structure = await readStructure(db, versionId);
  // Concurrent first reads may both reach here: the first one stored wins, both are identical.
  if (structure?.published && !published.has(versionId)) published.set(versionId, Promise.resolve(structure));
  return structure;
}

/** For tests: forget every kept structure. */
export function clearVersionStructureCache(): void {
  published.clear();
}

async function readStructure(db: Db | Prisma.TransactionClient, versionId: string): Promise<VersionStructure | null> {
  // One call, read from the top down: the status is read before the themes, so a version seen
  // PUBLISHED here was already frozen when its content was read.
  const version = await db.questionnaireVersion.findUnique({
    where: { id: versionId },
    select: {
      status: true,
      themes: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          title: true,
          questions: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              weight: true,
              sizeBands: true,
              territoryKinds: true,
              options: { orderBy: { position: "asc" }, select: { id: true, key: true, label: true, score: true } },
            },
          },
        },
      },
    },
  });
  if (!version) return null;
  const questionsByKey = new Map<string, StructureQuestion>();
  const questionsById = new Map<string, StructureQuestion>();
  const optionsById = new Map<string, StructureOption>();
  for (const theme of version.themes) {
    for (const question of theme.questions) {
      questionsByKey.set(question.key, question);
      questionsById.set(question.id, question);
      for (const option of question.options) optionsById.set(option.id, option);
    }
  }
  return { versionId, published: version.status === "PUBLISHED", themes: version.themes, questionsByKey, questionsById, optionsById };
}
