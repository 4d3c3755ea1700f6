import { describe, expect, it } from "vitest";
import { safeReturnPath, signInErrorMessage, signInRequestSchema } from "./schemas";

describe("signInRequestSchema", () => {
  it("accepts and lower-cases a valid address", () => {
    expect(signInRequestSchema.parse({ email: "  Secretaire@Mairie-Exemple.FR " })).toEqual({ email: "secretaire@mairie-exemple.fr" });
  });
  it("refuses malformed addresses with a French message", () => {
    for (const email of ["", "mairie", "a@", "@b.fr", "a b@c.fr", `${"x".repeat(250)}@b.fr`]) {
      const result = signInRequestSchema.safeParse({ email });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/adresse/);
    }
  });
});

describe("safeReturnPath", () => {
  it("keeps paths inside the application only", () => {
    expect(safeReturnPath("/espace/organisation")).toBe("/espace/organisation");
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "", null, "javascript:alert(1)"]) {
      expect(safeReturnPath(value)).toBe("/espace");
    }
  });
});

describe("signInErrorMessage", () => {
  it("explains an expired or reused link, and never echoes an unknown code", () => {
    expect(signInErrorMessage("Verification")).toMatch(/expiré ou a déjà servi/);
    expect(signInErrorMessage("<script>")).toBe(signInErrorMessage("Default"));
    expect(signInErrorMessage("toString")).toBe(signInErrorMessage("Default"));
  });
});
