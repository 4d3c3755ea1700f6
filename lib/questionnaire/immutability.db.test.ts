import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { meaningfulSql, diffDatabaseToSchema } from "@/lib/db/schema-engine";
import { QUESTIONNAIRE_2026 } from "./content";
import { installQuestionnaireVersion, publishInstalledVersion } from "./versions";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const client = new pg.Client({ connectionString: url });
let versionId: string;

beforeAll(async () => {
  await client.connect();
  const { version } = await installQuestionnaireVersion(db, { key: "t-immuable", title: "Test", content: QUESTIONNAIRE_2026 });
  await publishInstalledVersion(db, version.id);
  versionId = version.id;
});
afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

describe("a published questionnaire, in the database itself", () => {
  it("refuses any change to its questions, options, themes and measures", async () => {
    const question = await db.question.findFirstOrThrow({ where: { versionId } });
    await expect(client.query(`UPDATE "Question" SET text = 'changé' WHERE id = $1`, [question.id])).rejects.toThrow(/published and cannot change/);
    await expect(client.query(`UPDATE "AnswerOption" SET score = 3 WHERE "questionId" = $1`, [question.id])).rejects.toThrow(/published/);
    await expect(client.query(`DELETE FROM "QuestionMeasure" WHERE "questionId" = $1`, [question.id])).rejects.toThrow(/published/);
    await expect(client.query(`UPDATE "QuestionnaireTheme" SET title = 'x' WHERE "versionId" = $1`, [versionId])).rejects.toThrow(/published/);
    await expect(client.query(`UPDATE "RecommendedMeasure" SET title = 'x' WHERE "versionId" = $1`, [versionId])).rejects.toThrow(/published/);
    await expect(client.query(`UPDATE "QuestionnaireVersion" SET title = 'x' WHERE id = $1`, [versionId])).rejects.toThrow(/published/);
    await expect(client.query(`DELETE FROM "QuestionnaireVersion" WHERE id = $1`, [versionId])).rejects.toThrow(/published/);
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).text).toBe(question.text);
  });

  it("leaves drafts editable, and the schema diff empty", async () => {
    const { version } = await installQuestionnaireVersion(db, { key: "t-brouillon", title: "Brouillon", content: QUESTIONNAIRE_2026 });
    await client.query(`UPDATE "Question" SET text = 'reformulée' WHERE "versionId" = $1 AND position = 0`, [version.id]);
    expect(meaningfulSql(await diffDatabaseToSchema(url))).toBe("");
  });
});
