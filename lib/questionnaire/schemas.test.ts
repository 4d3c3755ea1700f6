import { describe, expect, it } from "vitest";
import { COMMENT_MAX_LENGTH, deriveVersionSchema, editQuestionSchema, saveAnswerSchema } from "./schemas";

function messageFor(schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error!.issues.map((issue) => issue.message).join(" | ");
}

const base = { assessmentId: "clx123", questionKey: "inventaire.postes" };

describe("saveAnswerSchema", () => {
  it("reads a form or a JSON call the same way", () => {
    expect(saveAnswerSchema.parse({ ...base, optionKey: "a-jour", baseRevision: "2" })).toEqual({ ...base, optionKey: "a-jour", baseRevision: 2 });
    expect(saveAnswerSchema.parse({ ...base, dontKnow: "on" })).toEqual({ ...base, dontKnow: true });
    expect(saveAnswerSchema.parse({ ...base, dontKnow: false })).toEqual({ ...base, dontKnow: false });
    // An empty choice clears it; an omitted one keeps the stored value.
    expect(saveAnswerSchema.parse({ ...base, optionKey: "" })).toEqual({ ...base, optionKey: null });
    expect(saveAnswerSchema.parse({ ...base, optionKey: null })).toEqual({ ...base, optionKey: null });
    expect(saveAnswerSchema.parse({ ...base, comment: "  à revoir  " })).toEqual({ ...base, comment: "à revoir" });
  });

  it("limits the comment to 5,000 characters, with a French message", () => {
    expect(saveAnswerSchema.safeParse({ ...base, comment: "a".repeat(COMMENT_MAX_LENGTH) }).success).toBe(true);
    expect(messageFor(saveAnswerSchema, { ...base, comment: "a".repeat(COMMENT_MAX_LENGTH + 1) })).toMatch(/^Le commentaire est trop long/);
    expect(messageFor(saveAnswerSchema, { ...base, comment: "a".repeat(100_000) })).toMatch(/5\u00a0000 caractères au plus/);
  });

  it("refuses an option together with « Je ne sais pas », and malformed keys", () => {
    expect(messageFor(saveAnswerSchema, { ...base, optionKey: "a-jour", dontKnow: true })).toBe("Choisissez une réponse ou « Je ne sais pas », pas les deux.");
    expect(messageFor(saveAnswerSchema, { ...base, questionKey: "postes" })).toMatch(/rechargez la page/);
    expect(messageFor(saveAnswerSchema, { ...base, optionKey: "<script>" })).toMatch(/rechargez la page/);
    expect(messageFor(saveAnswerSchema, { questionKey: "inventaire.postes" })).toBe("Identifiant du questionnaire manquant.");
    expect(messageFor(saveAnswerSchema, { ...base, baseRevision: -1 })).toBeDefined();
  });
});

describe("version schemas", () => {
  it("asks for a simple key and a title when deriving", () => {
    expect(deriveVersionSchema.parse({ fromVersionId: "v1", key: " 2027 ", title: " IMMUNITE CYBER — campagne 2027 " })).toEqual({
      fromVersionId: "v1",
      key: "2027",
      title: "IMMUNITE CYBER — campagne 2027",
    });
    expect(messageFor(deriveVersionSchema, { fromVersionId: "v1", key: "Campagne 2027", title: "Titre" })).toMatch(/minuscules, des chiffres et des tirets/);
  });

  it("keeps weights between 1 and 10", () => {
    expect(editQuestionSchema.parse({ versionId: "v1", questionKey: "inventaire.postes", weight: "4" })).toMatchObject({ weight: 4 });
    expect(messageFor(editQuestionSchema, { versionId: "v1", questionKey: "inventaire.postes", weight: 11 })).toBe("Le poids est un nombre de 1 à 10.");
  });
});
