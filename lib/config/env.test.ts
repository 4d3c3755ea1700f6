import { describe, expect, it } from "vitest";
import { shouldSeedDemo } from "./deployment";
import { EnvError, parseEnv } from "./env";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("starts with nothing set: embedded database, local mode, demo seeded", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_ENV).toBe("local");
    expect(env.EMBEDDED_DB_PORT).toBe(54329);
    expect(shouldSeedDemo(env)).toBe(true);
  });

  it("names the malformed variable in French", () => {
    expect(problems({ DATABASE_URL: "mysql://localhost/db" })).toEqual(["la variable DATABASE_URL doit commencer par postgresql://"]);
    expect(problems({ DATABASE_POOL_MAX: "beaucoup" })).toEqual(["la variable DATABASE_POOL_MAX doit être un nombre entier"]);
    expect(problems({ SMTP_URL: "http://mail" })).toEqual(["la variable SMTP_URL doit commencer par smtp:// ou smtps://"]);
  });

  it("requires the OIDC variables together", () => {
    expect(problems({ OIDC_ISSUER: "https://auth.example.fr" })).toEqual([
      "la variable OIDC_CLIENT_ID est requise dès qu'une variable OIDC_* est définie",
      "la variable OIDC_CLIENT_SECRET est requise dès qu'une variable OIDC_* est définie",
    ]);
  });

  it("requires the production secrets in production and seeds no demo there", () => {
    const missing = problems({ APP_ENV: "production" });
    for (const name of ["AUTH_SECRET", "SMTP_URL", "DATABASE_URL", "CERTIFICATE_P12_BASE64"]) {
      expect(missing.some((line) => line.startsWith(`la variable ${name} `))).toBe(true);
    }
    const env = parseEnv({
      APP_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtp://mail.example.fr:587",
      DATABASE_URL: "postgresql://app@db/ccd",
      CERTIFICATE_P12_BASE64: "MIIK",
    });
    expect(shouldSeedDemo(env)).toBe(false);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
