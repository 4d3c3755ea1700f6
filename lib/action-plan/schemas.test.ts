import { describe, expect, it } from "vitest";
import { isRealDate } from "@/lib/validation/date";
import { createActionSchema, evidenceLinkSchema, updateActionSchema } from "./schemas";

const base = { organizationId: "org1", title: "Activer la double authentification", criteria: ["mots-de-passe.mfa"] };

function firstError(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : result.error!.issues[0]!.message;
}

describe("createActionSchema", () => {
  it("fills the defaults and accepts a single criterion sent as a string", () => {
    const parsed = createActionSchema.parse({ ...base, criteria: "mots-de-passe.mfa", dueOn: "2026-03-31" });
    expect(parsed).toMatchObject({ description: "", criteria: ["mots-de-passe.mfa"], priority: "MEDIUM", status: "TODO", progress: 0, dueOn: "2026-03-31" });
  });

  it("refuses dates that are not real dates", () => {
    for (const dueOn of ["31/02/2026", "demain", "2026-02-31", "2026-13-01", "12345-01-01"]) {
      expect(firstError(createActionSchema.safeParse({ ...base, dueOn }))).toMatch(/date réelle/);
    }
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2026-02-29")).toBe(false);
  });

  it("refuses a blank title, no criterion, too many criteria, two owners, a progress above 100", () => {
    expect(firstError(createActionSchema.safeParse({ ...base, title: "   " }))).toMatch(/titre/);
    expect(firstError(createActionSchema.safeParse({ ...base, criteria: [] }))).toMatch(/au moins un critère/);
    const eleven = Array.from({ length: 11 }, (_, index) => `theme.q${index}`);
    expect(firstError(createActionSchema.safeParse({ ...base, criteria: eleven }))).toMatch(/10 critères au plus/);
    expect(firstError(createActionSchema.safeParse({ ...base, criteria: ["pas une clé"] }))).toMatch(/n'existe pas/);
    expect(firstError(createActionSchema.safeParse({ ...base, ownerUserId: "u1", ownerName: "Prestataire" }))).toMatch(/pas les deux/);
    expect(firstError(createActionSchema.safeParse({ ...base, progress: "101" }))).toMatch(/0 à 100/);
  });
});

describe("updateActionSchema", () => {
  it("leaves out what is not sent and clears with empty strings", () => {
    expect(updateActionSchema.parse({ actionId: "a1", dueOn: "", ownerUserId: "" })).toEqual({ actionId: "a1", dueOn: null, ownerUserId: null });
  });
});

describe("evidenceLinkSchema", () => {
  it("accepts https links only", () => {
    expect(evidenceLinkSchema.safeParse({ actionId: "a1", url: "https://www.mairie-exemple.fr/charte.pdf", label: "Charte" }).success).toBe(true);
    for (const url of ["http://www.exemple.fr", "javascript:alert(1)", "ftp://exemple.fr", "pas un lien"]) {
      expect(firstError(evidenceLinkSchema.safeParse({ actionId: "a1", url, label: "Charte" }))).toMatch(/https:\/\//);
    }
  });
});
