// Pages show tenant data too: every page of the private areas (/espace, /admin), found by
// reading app/, is rendered as everyone. Who lacks the page's permission gets a 404 — the same
// answer as for a page that does not exist — and someone who holds it gets the page. Signed-out
// visitors are sent to the sign-in page. A new private page missing from PAGE_CASES fails.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadOrganizationScope } from "@/lib/auth/access";
import { associationPermissions, permissionsOn } from "@/lib/auth/grants";
import type { Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { beginRequest, NavigationInterrupt, provideNextHeadersToCommonJs } from "./request-scope";
import { ACTION_PLAN_PAGE_CASES } from "./cases-action-plan";
import { CHAMPION_PAGE_CASES } from "./cases-champion";
import { PUBLIC_PAGE_CASES } from "./cases-public";
import { DUES_PAGE_CASES } from "./cases-dues";
import { CANDIDACY_PAGE_CASES } from "./cases-candidacy";
import { NOTIFICATION_PAGE_CASES } from "./cases-notifications";
import { PROGRESSION_PAGE_CASES } from "./cases-progression";
import { CERTIFICATE_PAGE_CASES } from "./cases-certificates";
import type { PageCase } from "./case-types";
import { buildWorld, type Person, type World } from "./world";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders);
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import("./request-scope")).nextCache }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("./request-scope")).nextNavigation,
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await getDb().$disconnect();
});
provideNextHeadersToCommonJs();

const PAGE_CASES: Record<string, PageCase> = {
  ...ACTION_PLAN_PAGE_CASES,
  ...CHAMPION_PAGE_CASES,
  ...PUBLIC_PAGE_CASES,
  ...DUES_PAGE_CASES,
  ...CANDIDACY_PAGE_CASES,
  ...NOTIFICATION_PAGE_CASES,
  ...PROGRESSION_PAGE_CASES,
  ...CERTIFICATE_PAGE_CASES,
  "/espace": { kind: "own" },
  "/espace/rejoindre": { kind: "own" },
  "/espace/organisations/[organizationId]": { kind: "tenant", permission: "organization:read", params: (world) => ({ organizationId: world.A.id }) },
  "/espace/organisations/[organizationId]/questionnaire": { kind: "tenant", permission: "assessment:read", params: (world) => ({ organizationId: world.A.id }) },
  "/espace/organisations/[organizationId]/questionnaire/resultats": {
    kind: "tenant",
    permission: "assessment:read",
    params: (world) => ({ organizationId: world.A.id }),
  },
  "/admin/organisations": { kind: "association", permission: "organization:validate" },
  "/admin/journal": { kind: "association", permission: "audit:read" },
  "/admin/questionnaires": { kind: "association", permission: "questionnaire:manage" },
  "/admin/campagnes": { kind: "association", permission: "round:manage" },
};

async function privatePages(): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string) {
    for (const entry of await readdir(path.join(ROOT, folder), { withFileTypes: true })) {
      const child = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(`/${folder.replace(/^app\//, "")}`);
    }
  }
  for (const area of ["app/espace", "app/admin"]) await walk(area);
  return found.sort();
}

type Rendered = { type: "page" } | { type: "notFound" } | { type: "redirect"; url: string } | { type: "threw"; error: unknown };

async function render(route: string, params: Record<string, string>, person: Person | null): Promise<Rendered> {
  beginRequest(person?.sessionToken);
  const module = (await import(/* @vite-ignore */ path.join(ROOT, "app", route.slice(1), "page.tsx"))) as {
    default: (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;
  };
  try {
    await module.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return { type: "page" };
  } catch (error) {
    if (error instanceof NavigationInterrupt && error.kind === "notFound") return { type: "notFound" };
    if (error instanceof NavigationInterrupt && error.kind === "redirect") return { type: "redirect", url: error.url ?? "" };
    return { type: "threw", error };
  }
}

const world = await buildWorld(db);
const pages = await privatePages();

describe("private pages", () => {
  it("are all listed in PAGE_CASES", () => {
    expect(pages.filter((route) => !(route in PAGE_CASES)), "add each new private page to PAGE_CASES in tests/isolation/pages.db.test.ts (or its feature's cases-*.ts)").toEqual([]);
  });

  for (const route of pages) {
    const pageCase = PAGE_CASES[route];
    if (!pageCase) continue;
    const params = pageCase.kind === "tenant" ? pageCase.params(world) : {};

    it(`${route} sends signed-out visitors to the sign-in page`, async () => {
      const outcome = await render(route, params, null);
      expect(outcome.type).toBe("redirect");
      expect(outcome.type === "redirect" && outcome.url.startsWith("/connexion?retour=")).toBe(true);
    });

    it(`${route} answers 404 to everyone lacking ${pageCase.kind === "own" ? "nothing" : pageCase.permission}, and renders for the others`, async () => {
      const scope = pageCase.kind === "tenant" ? (await loadOrganizationScope(db, params.organizationId!))! : null;
      const problems: string[] = [];
      let allowedSeen = 0;
      for (const person of world.people) {
        const allowed =
          pageCase.kind === "own" ||
          (pageCase.kind === "tenant" && permissionsOn(person.grants, scope!).has(pageCase.permission)) ||
          (pageCase.kind === "association" && associationPermissions(person.grants).has(pageCase.permission));
        const outcome = await render(route, params, person);
        if (allowed) allowedSeen += 1;
        const expected = allowed ? "page" : "notFound";
        if (outcome.type !== expected) {
          problems.push(`${person.label}: expected ${expected}, got ${outcome.type}${outcome.type === "threw" ? ` (${String(outcome.error)})` : ""}`);
        }
      }
      expect(problems).toEqual([]);
      expect(allowedSeen, "someone must be allowed, or the case proves nothing").toBeGreaterThan(0);
    });
  }

  it("refuses another organization's page under a forged id exactly like a missing one", async () => {
    const mayorOfB = world.people.find((person) => person.label === "MAYOR of B")!;
    expect(await render("/espace/organisations/[organizationId]", { organizationId: world.A.id }, mayorOfB)).toEqual({ type: "notFound" });
    expect(await render("/espace/organisations/[organizationId]", { organizationId: "nexistepas" }, mayorOfB)).toEqual({ type: "notFound" });
    expect(await render("/espace/organisations/[organizationId]", { organizationId: world.B.id }, mayorOfB)).toEqual({ type: "page" });
  });
});

// ---- Pages outside /espace and /admin (issue 9: they were not looked at) ----------------------

/**
 * Every other page of app/, with why it may be shown without a permission. Each is rendered
 * signed out and as every person of the world, with the parameters a visitor could send: it
 * must render (or send to the sign-in page, or answer 404) and never throw — a page that
 * crashes on a forged token or as someone unexpected is a page nobody looked at.
 */
const PUBLIC_PAGES: Record<string, { why: string; params?: (world: World) => Promise<Record<string, string>> }> = {
  "/": { why: "home page: public information and the territory search over open data" },
  "/accessibilite": { why: "legal statement, public" },
  "/donnees-personnelles": { why: "legal statement, public" },
  "/mentions-legales": { why: "legal statement, public" },
  "/plan-du-site": { why: "site map, public" },
  "/connexion": { why: "sign-in form; a signed-in visitor is sent to a same-origin return path (lib/auth/return-path.ts)" },
  "/connexion/erreur": { why: "turns next-auth's error codes into /connexion?error=…" },
  "/connexion/verification": { why: "“check your inbox”, echoes only the address the visitor typed" },
  "/dev/boite-mail": { why: "development mailbox: exists only per lib/config/deployment.ts (404 in production, .test addresses only in a demo)" },
  "/invitation/[token]": {
    why: "the token is the capability: it shows whom the invitation is for, and only that addressee may accept it",
    params: async (world) => ({ token: (await world.newInvitation(world.A, "invitee.pages@isolation.test")).token }),
  },
  "/champion/[token]": { why: "the token is the capability, bound to the designated address", params: async () => ({ token: "jeton-invente-0123456789abcdef" }) },
  // Public pages of issues 11, 13 and 15: built from public data (labels, certificates, dues tiers).
  "/cotisation": { why: "the dues tiers of the round, public so a commune knows the amount before joining" },
  "/donnees": { why: "open data: the list of labelled territories and its schema" },
  "/labellisees/[[...page]]": { why: "public list of labelled territories", params: async () => ({}) },
  "/labellisees/recherche": { why: "search over the public list of labelled territories" },
  "/territoires/[code]": { why: "a territory's public page: official data and its label, if any", params: async (world) => ({ code: world.A.territoryCode }) },
  "/verifier": { why: "certificate verification for anyone, without an account" },
  "/verifier/[serial]": { why: "one certificate's public status; a forged serial is simply unknown", params: async () => ({ serial: "CCD-2026-INVENTE" }) },
};

async function otherPages(): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string) {
    for (const entry of await readdir(path.join(ROOT, folder), { withFileTypes: true })) {
      const child = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (child !== "app/espace" && child !== "app/admin") await walk(child);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(folder === "app" ? "/" : `/${folder.replace(/^app\//, "")}`);
    }
  }
  await walk("app");
  return found.sort();
}

const others = await otherPages();

describe("pages outside the private areas", () => {
  it("are all listed, each with why it is open", () => {
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter((route) => !(route in PUBLIC_PAGES)), "add the page to PUBLIC_PAGES in tests/isolation/pages.db.test.ts, saying why it needs no permission").toEqual([]);
  });

  for (const route of others) {
    const pageCase = PUBLIC_PAGES[route];
    if (!pageCase) continue;
    it(`${route} renders for everyone, signed out included, without throwing`, async () => {
      const params = pageCase.params ? await pageCase.params(world) : {};
      const problems: string[] = [];
      for (const person of [null, ...world.people]) {
        const outcome = await render(route, params, person);
        const label = person?.label ?? "nobody signed in";
        if (outcome.type === "threw") problems.push(`${label}: threw ${String(outcome.error)}`);
        if (outcome.type === "redirect" && !outcome.url.startsWith("/")) problems.push(`${label}: redirected off the application, to ${outcome.url}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
