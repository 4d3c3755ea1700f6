import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { getOrStartAssessment, saveAnswer } from "./answers";
import { QUESTIONNAIRE_2026 } from "./content";
import { installCurrentQuestionnaire } from "./current";
import { isApplicable } from "./size-band";
import { clearVersionStructureCache, loadVersionStructure } from "./structure";
import { deriveVersion, editQuestion } from "./versions";

// A client that records every statement it sends, to see what a call reads.
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
let statements: string[] = [];
db.$on("query", (event) => statements.push(event.query));

/** Statements sent by `run` that read the questionnaire's structure. */
async function structureReads(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  return statements.filter((statement) => /"(QuestionnaireVersion|QuestionnaireTheme|Question|AnswerOption)"/.test(statement));
}

let publishedId: string;
let roundId: string;
beforeAll(async () => {
  await insertTerritories(db);
  roundId = (await createOpenRound(db)).id;
  publishedId = (await installCurrentQuestionnaire(db)).versionId;
});
beforeEach(() => clearVersionStructureCache());
afterAll(() => db.$disconnect());

const allQuestions = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions);

describe("the structure of a version", () => {
  it("is the version's themes, questions and options, read once when published", async () => {
    let structure: Awaited<ReturnType<typeof loadVersionStructure>> = null;
    expect(await structureReads(async () => (structure = await loadVersionStructure(db, publishedId)))).not.toHaveLength(0);
    expect(structure!.published).toBe(true);
    expect(structure!.themes.map((theme) => theme.key)).toEqual(QUESTIONNAIRE_2026.themes.map((theme) => theme.key));
    expect([...structure!.questionsByKey.keys()].sort()).toEqual(allQuestions.map((question) => question.key).sort());
    const first = allQuestions[0]!;
    expect(structure!.questionsByKey.get(first.key)!.options.map((option) => [option.key, option.label, option.score])).toEqual(
      first.options.map((option) => [option.key, option.label, option.score]),
    );

    expect(await structureReads(() => loadVersionStructure(db, publishedId))).toEqual([]);
    expect(await loadVersionStructure(db, publishedId)).toBe(structure);
  });

  it("is read again every time for a draft, so an edit shows at once", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const draft = await deriveVersion(db, admin, publishedId, { key: "2027-cache", title: "Brouillon 2027" });
    const key = allQuestions[0]!.key;
    const before = await loadVersionStructure(db, draft.id);
    expect(before!.published).toBe(false);

    const weight = before!.questionsByKey.get(key)!.weight + 1;
    await editQuestion(db, admin, { versionId: draft.id, questionKey: key, weight });
    let after: Awaited<ReturnType<typeof loadVersionStructure>> = null;
    expect(await structureReads(async () => (after = await loadVersionStructure(db, draft.id)))).not.toHaveLength(0);
    expect(after!.questionsByKey.get(key)!.weight).toBe(weight);
  });

  it("is not read again by the second save on a published version", async () => {
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY");
    const assessment = await getOrStartAssessment(db, secretary, organization.id, roundId);
    const [first, second] = allQuestions.filter((question) => isApplicable(question, assessment));
    const save = (question: typeof first) => saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question!.key, optionKey: question!.options[0]!.key });

    expect(await structureReads(() => save(first))).not.toHaveLength(0);
    expect(await structureReads(() => save(second))).toEqual([]);
    // Still the same result as a full read: the second answer counts.
    expect((await save(first)).changed).toBe(false);
    expect((await db.answer.count({ where: { assessmentId: assessment.id } }))).toBe(2);
  });
});
