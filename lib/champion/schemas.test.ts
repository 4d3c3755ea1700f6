import { describe, expect, it } from "vitest";
import { CHAMPION_EMAIL_IS_MAYOR, CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR } from "./rules";
import { designateChampionFormSchema, designateChampionSchema } from "./schemas";

const valid = { organizationId: "org1", name: "Claire Dupont", function: "Adjointe au numérique", email: "Claire@Mairie.test", phone: "", isElected: "true" };
const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("designateChampionFormSchema (the browser's form)", () => {
  const on = designateChampionFormSchema({ championMustNotBeMayor: true }, ["maire@mairie.test"]);

  it("gives the same data as the server's schema", () => {
    expect(on.parse(valid)).toEqual(designateChampionSchema.parse(valid));
    expect(on.parse(valid)).toMatchObject({ email: "claire@mairie.test", phone: null, isElected: true });
  });

  it("refuses the mayor by function and by address, each under its field, even while other fields are missing", () => {
    const result = on.safeParse({ ...valid, function: "Maire", email: "MAIRE@mairie.test", isElected: undefined });
    expect(messagesOf(result)).toEqual({
      function: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR,
      email: CHAMPION_EMAIL_IS_MAYOR,
      isElected: "Indiquez si cette personne est un élu ou un agent de la collectivité.",
    });
    expect(messagesOf(on.safeParse({ ...valid, function: "DSI" }))).toEqual({ function: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR });
  });

  it("lets the round lift the rule", () => {
    const off = designateChampionFormSchema({ championMustNotBeMayor: false }, ["maire@mairie.test"]);
    expect(off.safeParse({ ...valid, function: "Maire", email: "maire@mairie.test" }).success).toBe(true);
  });
});
