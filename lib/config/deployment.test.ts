import { describe, expect, it } from "vitest";
import { deploymentOf, devMailboxShows, isDemoAddress, isLoopbackUrl } from "./deployment";
import { EnvError, parseEnv } from "./env";

const PUBLIC = "https://label.example.fr";
const problemsOf = (source: Record<string, string>) => {
  try {
    deploymentOf(parseEnv(source));
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
};

describe("isLoopbackUrl", () => {
  it("knows this machine's addresses only", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:4090", "http://[::1]:3000", "http://app.localhost"]) expect(isLoopbackUrl(url)).toBe(true);
    for (const url of [PUBLIC, "http://0.0.0.0:3000", "http://192.168.1.10:3000", "http://localhost.example.fr", "http://127.0.0.1.nip.io"]) expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe("deploymentOf", () => {
  it("on a developer's machine: mailbox and demo, no banner", () => {
    expect(deploymentOf(parseEnv({}))).toEqual({ mode: "local", publicAddress: false, devMailbox: true, demoSeeding: true, demoBanner: false });
    expect(deploymentOf(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).devMailbox).toBe(false);
    expect(deploymentOf(parseEnv({ SEED_DEMO: "false" })).demoSeeding).toBe(false);
  });

  it("refuses to start on a public address in local mode without SMTP, naming the variables", () => {
    const [problem, ...rest] = problemsOf({ APP_URL: PUBLIC });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^la variable APP_ENV vaut local alors que APP_URL \(https:\/\/label\.example\.fr\)/);
    expect(problem).toMatch(/SMTP_URL/);
    expect(problem).toMatch(/APP_ENV=demo/);
  });

  it("on a public address with SMTP in local mode: neither mailbox nor demo accounts", () => {
    expect(deploymentOf(parseEnv({ APP_URL: PUBLIC, SMTP_URL: "smtp://mail.example.fr" }))).toMatchObject({ devMailbox: false, demoSeeding: false });
    expect(problemsOf({ APP_URL: PUBLIC, SMTP_URL: "smtp://mail.example.fr", SEED_DEMO: "true" })[0]).toMatch(/^la variable SEED_DEMO .*APP_ENV=demo/);
  });

  it("a declared public demonstration: banner, mailbox, demo accounts", () => {
    expect(deploymentOf(parseEnv({ APP_URL: PUBLIC, APP_ENV: "demo" }))).toEqual({ mode: "demo", publicAddress: true, devMailbox: true, demoSeeding: true, demoBanner: true });
  });

  it("production: never a mailbox nor demo accounts, SEED_DEMO=true refused", () => {
    const production = { APP_ENV: "production", APP_URL: PUBLIC, AUTH_SECRET: "x".repeat(32), SMTP_URL: "smtp://mail.example.fr", DATABASE_URL: "postgresql://app@db/ccd", CERTIFICATE_P12_BASE64: "MIIK" };
    expect(deploymentOf(parseEnv(production))).toEqual({ mode: "production", publicAddress: true, devMailbox: false, demoSeeding: false, demoBanner: false });
    expect(problemsOf({ ...production, SEED_DEMO: "true" })[0]).toMatch(/^la variable SEED_DEMO ne peut pas valoir true quand APP_ENV=production/);
  });
});

describe("devMailboxShows", () => {
  it("in a public demonstration, only messages to the demo's .test addresses", () => {
    const demo = deploymentOf(parseEnv({ APP_URL: PUBLIC, APP_ENV: "demo" }));
    expect(devMailboxShows("maire@demo.ccd.test", demo)).toBe(true);
    expect(devMailboxShows("vraie.personne@mairie.fr", demo)).toBe(false);
    expect(devMailboxShows("x@test.fr", demo)).toBe(false);
    const local = deploymentOf(parseEnv({}));
    expect(devMailboxShows("vraie.personne@mairie.fr", local)).toBe(true);
  });
  it("recognizes demo addresses", () => {
    expect(isDemoAddress("Maire@Demo.CCD.test")).toBe(true);
    expect(isDemoAddress("maire@demo.ccd.test.evil.fr")).toBe(false);
  });
});
