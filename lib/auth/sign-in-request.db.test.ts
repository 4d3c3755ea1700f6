import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { csrfTokenValid, parseSingleValuedFields, screenSignInRequest } from "./sign-in-request";
import { allowSignInRequest } from "./sign-in";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitBucket.deleteMany());

const SECRET = "s".repeat(48);
const TOKEN = "a".repeat(64);
const COOKIE = `${TOKEN}|${createHash("sha256").update(`${TOKEN}${SECRET}`).digest("hex")}`;
const FORM = "application/x-www-form-urlencoded";
const APP = "http://127.0.0.1:4090";

const screen = (body: string, { csrfCookie = COOKIE, clientAddress = "203.0.113.1", contentType = FORM } = {}) =>
  screenSignInRequest(db, { body, contentType, csrfCookie, secret: SECRET, clientAddress, appUrl: APP });
const form = (fields: Record<string, string>) => new URLSearchParams({ csrfToken: TOKEN, json: "true", ...fields }).toString();

describe("parseSingleValuedFields", () => {
  it("refuses a field given twice, non-string JSON values and other content types", () => {
    expect(parseSingleValuedFields("email=a%40b.fr&email=c%40d.fr", FORM)).toBeNull();
    expect(parseSingleValuedFields(JSON.stringify({ email: ["a@b.fr", "c@d.fr"] }), "application/json")).toBeNull();
    expect(parseSingleValuedFields("email=a%40b.fr", "multipart/form-data; boundary=x")).toBeNull();
    expect(parseSingleValuedFields("email=a%40b.fr&json=true", FORM)?.get("email")).toBe("a@b.fr");
  });
});

describe("csrfTokenValid", () => {
  it("accepts next-auth's own pair only", () => {
    expect(csrfTokenValid(COOKIE, TOKEN, SECRET)).toBe(true);
    expect(csrfTokenValid(COOKIE, "b".repeat(64), SECRET)).toBe(false);
    expect(csrfTokenValid(`${TOKEN}|forged`, TOKEN, SECRET)).toBe(false);
    expect(csrfTokenValid(undefined, TOKEN, SECRET)).toBe(false);
  });
});

describe("screenSignInRequest", () => {
  it("refuses two addresses in one form, and counts nothing", async () => {
    const body = `${form({})}&email=leurre%40mairie.fr&email=victime%40mairie.fr`;
    expect(await screen(body)).toEqual({ kind: "refuse", error: "EmailInvalide" });
    expect(await db.rateLimitBucket.count()).toBe(0);
  });

  it("forwards exactly the fields it checked, the address normalized and the return path made safe", async () => {
    const outcome = await screen(form({ email: " Victime@Mairie.FR ", callbackUrl: "/\t/evil.example", provider: "x" }));
    expect(outcome.kind).toBe("forward");
    if (outcome.kind !== "forward") return;
    expect(Object.fromEntries(outcome.body)).toEqual({ email: "victime@mairie.fr", csrfToken: TOKEN, json: "true", callbackUrl: `${APP}/espace` });
    expect(outcome.emailSent).toBe(true);
  });

  it("spends nothing for a request without a valid CSRF token (no third-party lockout)", async () => {
    for (let i = 0; i < 10; i++) {
      const outcome = await screen(new URLSearchParams({ email: "victime@mairie.fr", json: "true" }).toString(), { csrfCookie: undefined });
      expect(outcome).toMatchObject({ kind: "forward", emailSent: false });
    }
    expect(await db.rateLimitBucket.count()).toBe(0);
    expect(await screen(form({ email: "victime@mairie.fr" }))).toMatchObject({ kind: "forward", emailSent: true });
  });

  it("counts case and +tag variants on one mailbox: the 6th is refused", async () => {
    const variants = ["victime+1@mairie.fr", "VICTIME+2@mairie.fr", "Victime@Mairie.fr", "victime+x@MAIRIE.FR", "victime@mairie.fr"];
    for (const [index, email] of variants.entries()) {
      expect(await screen(form({ email }), { clientAddress: `203.0.113.${index + 10}` })).toMatchObject({ kind: "forward" });
    }
    expect(await screen(form({ email: "victime+6@mairie.fr" }), { clientAddress: "203.0.113.99" })).toEqual({ kind: "refuse", error: "TropDeDemandes" });
  });

  it("counts one client whatever the addresses: the 31st is refused", async () => {
    for (let i = 0; i < 30; i++) expect((await screen(form({ email: `p${i}@mairie.fr` }))).kind).toBe("forward");
    expect(await screen(form({ email: "p31@mairie.fr" }))).toEqual({ kind: "refuse", error: "TropDeDemandes" });
  });
});

describe("allowSignInRequest", () => {
  it("purges expired buckets as it goes", async () => {
    // Later than the earlier tests' hits (at most one purge every five minutes per process).
    const t0 = new Date(Date.now() + 24 * 3600_000);
    await allowSignInRequest(db, "a@mairie.fr", "203.0.113.1", t0);
    expect(await db.rateLimitBucket.count()).toBe(2);
    await allowSignInRequest(db, "b@mairie.fr", "203.0.113.2", new Date(t0.getTime() + 60 * 60_000));
    // The two old buckets are gone, the two new ones stay.
    expect((await db.rateLimitBucket.findMany({ select: { key: true } })).map((bucket) => bucket.key).sort()).toEqual([
      "sign-in:email:b@mairie.fr",
      "sign-in:ip:203.0.113.2",
    ]);
  });
});
