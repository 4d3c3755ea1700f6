// Tenant isolation (issue #3): every server action and route handler, found by reading the
// source tree, is called by everyone who must not use it, in a world of its own. Each must
// refuse in French, return nothing and change nothing in the database; then someone allowed
// must succeed, so a misconfigured case fails instead of passing. Cases: cases.ts.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadOrganizationScope } from "@/lib/auth/access";
import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { associationPermissions, permissionsOn } from "@/lib/auth/grants";
import type { Permission } from "@/lib/auth/permissions";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/create-client";
import type { AssociationCase, Call, IsolationCase, PublicCase, RouteRequest, SelfCase, SignedInCase, TenantCase } from "./case-types";
import { CASES } from "./cases";
import { discoverEndpoints, scanSources, type Endpoint } from "./discover";
import { shouldHoldAssociationWide, shouldHoldOn, type TargetFacts } from "./expected-grants";
import { beginRequest, cookieHeader, cookieWrites, NavigationInterrupt, provideNextHeadersToCommonJs } from "./request-scope";
import { changedTables, snapshot, type Snapshot } from "./snapshot";
import { buildWorld, HOME_DEPARTMENT, type Person, type World } from "./world";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders);
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import("./request-scope")).nextCache }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("./request-scope")).nextNavigation,
}));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await getDb().$disconnect();
});

provideNextHeadersToCommonJs();
const scan = await scanSources();
const endpoints = await discoverEndpoints(scan);
const CASES_FILE = "tests/isolation/cases.ts";

// ---- Calling an endpoint as someone ---------------------------------------------------------

type Outcome =
  | { type: "action"; value: unknown }
  | { type: "route"; status: number; text: string; body: unknown }
  | { type: "threw"; error: unknown };

function toNextRequest(method: string, request: RouteRequest): NextRequest {
  const headers = new Headers();
  const cookie = cookieHeader();
  if (cookie) headers.set("cookie", cookie);
  let body: BodyInit | undefined;
  if (request.form) {
    body = new URLSearchParams(request.form);
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers.set("content-type", "application/json");
  }
  return new NextRequest(new URL(request.path, env().APP_URL), { method, headers, body });
}

async function invoke(endpoint: Endpoint, call: Call, person: Person | null): Promise<Outcome> {
  beginRequest(person?.sessionToken);
  try {
    if ("input" in call) return { type: "action", value: await endpoint.handler(call.input) };
    const response = (await endpoint.handler(toNextRequest(endpoint.name, call.request), {
      params: Promise.resolve(call.request.params ?? {}),
    })) as Response;
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text is the body.
    }
    return { type: "route", status: response.status, text, body };
  } catch (error) {
    return { type: "threw", error };
  }
}

function show(outcome: Outcome): string {
  if (outcome.type === "threw") {
    const error = outcome.error;
    if (error instanceof NavigationInterrupt) return `threw ${error.message} instead of answering`;
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const text = outcome.type === "action" ? JSON.stringify(outcome.value) : `HTTP ${outcome.status} ${outcome.text}`;
  return `answered ${text && text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

const wording = (outcome: Outcome) => (outcome.type === "action" ? JSON.stringify(outcome.value) ?? "" : outcome.type === "route" ? outcome.text : "");

function leaks(outcome: Outcome, secrets: string[]): string[] {
  const text = wording(outcome);
  return secrets.filter((secret) => secret.length > 0 && text.includes(secret));
}

function succeeded(outcome: Outcome): boolean {
  if (outcome.type === "action") return (outcome.value as { ok?: unknown } | null)?.ok === true;
  return outcome.type === "route" && outcome.status >= 200 && outcome.status < 300;
}

// ---- What a refusal looks like -----------------------------------------------------------------

/** The two refusals of the application: same words whether the resource exists or not. */
const UNIFORM_REFUSALS = [new AccessDeniedError().message, new NotSignedInError().message];
const FRENCH = /\b(vous|votre|vos|cette|cet|ces|ce|le|la|les|des|du|de|un|une|est|pas|n'|d'|l')/i;
const INTERNALS = /\b(error|undefined|null|prisma|exception|stack|denied|forbidden|unauthorized|invalid)\b|\bat \S+ \(/i;

/**
 * Problems with an outcome that should be a refusal. `uniform`: only the access-denied or
 * not-signed-in words will do, and no field errors (a domain error before the permission check
 * would tell an outsider something about the resource).
 */
function refusalProblems(outcome: Outcome, options: { uniform: boolean; secrets: string[] }): string[] {
  if (outcome.type === "threw") return [`${show(outcome)} (expected { ok: false, message })`];
  const problems: string[] = [];
  const leaked = leaks(outcome, options.secrets);
  if (leaked.length > 0) problems.push(`leaked ${leaked.join(", ")}`);
  if (outcome.type === "route") {
    if (![401, 403, 404].includes(outcome.status)) problems.push(`${show(outcome)} (expected 401, 403 or 404)`);
    return problems;
  }
  const value = outcome.value;
  if (typeof value !== "object" || value === null || (value as { ok?: unknown }).ok !== false) {
    return [`${show(outcome)} (expected { ok: false, message })`, ...problems];
  }
  const allowedKeys = options.uniform ? ["ok", "message"] : ["ok", "message", "fieldErrors"];
  const extra = Object.entries(value)
    .filter(([key, content]) => content !== undefined && !allowedKeys.includes(key))
    .map(([key]) => key);
  if (extra.length > 0) problems.push(`returned ${extra.join(", ")} with its refusal: ${show(outcome)}`);
  const message = (value as { message?: unknown }).message;
  if (typeof message !== "string" || message.trim() === "") problems.push(`refused without a message: ${show(outcome)}`);
  else {
    if (!FRENCH.test(message) || INTERNALS.test(message)) problems.push(`message is not plain French for a person: "${message}"`);
    if (options.uniform && !UNIFORM_REFUSALS.includes(message)) {
      problems.push(`refused with "${message}" instead of the access-denied words, which tell nothing about the resource`);
    }
  }
  return problems;
}

type Refusal = { label: string; person: Person | null; call?: Call };

/** Calls as each person in turn; each must be refused, write no cookie and change no row. */
async function expectRefusals(endpoint: Endpoint, call: Call, refusals: Refusal[], options: { uniform: boolean; secrets: string[] }) {
  const problems: string[] = [];
  let before: Snapshot = await snapshot(db);
  for (const refusal of refusals) {
    const outcome = await invoke(endpoint, refusal.call ?? call, refusal.person);
    const found = refusalProblems(outcome, options);
    const writes = cookieWrites();
    if (writes.length > 0) found.push(`wrote cookies ${writes.map((write) => `${write.op} ${write.name}`).join(", ")}`);
    const after = await snapshot(db);
    const changed = changedTables(before, after);
    if (changed.length > 0) {
      found.push(`changed the database: ${changed.join(", ")}`);
      before = after; // Report the next caller's own changes only.
    }
    if (found.length > 0) problems.push(`${refusal.label}: ${found.join("; ")}`);
  }
  return problems;
}

const anonymous: Refusal = { label: "nobody signed in", person: null };
const asRefusal = (person: Person): Refusal => ({ label: person.label, person });

/** Members of A first, then its EPCI, then the association: the most ordinary holder succeeds. */
function byCloseness(world: World) {
  const rank = (person: Person) => (person.organization?.id === world.A.id ? 0 : person.organization ? 1 : 2);
  return (a: Person, b: Person) => rank(a) - rank(b);
}

function callMatches(endpoint: Endpoint, call: Call): string[] {
  if ("input" in call && endpoint.type === "route") return [`${endpoint.id} is a route handler: its case must give { request }, not { input }`];
  if ("request" in call && endpoint.type === "action") return [`${endpoint.id} is a server action: its case must give { input }, not { request }`];
  return [];
}

async function positiveControl(endpoint: Endpoint, call: Call, holder: Person | undefined, what: string): Promise<string[]> {
  if (!holder) {
    return [`positive control: nobody in the world holds ${what}: the case is misconfigured, or lib/auth/permissions.ts grants it to no role`];
  }
  const outcome = await invoke(endpoint, call, holder);
  if (succeeded(outcome)) return [];
  return [`positive control: ${holder.label} holds ${what} yet ${show(outcome)}; fix the case's arrange or input in ${CASES_FILE}`];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

// ---- One runner per kind -----------------------------------------------------------------------

async function runTenant(endpoint: Endpoint, testCase: TenantCase): Promise<string[]> {
  const world = await buildWorld(db, { targetStatus: testCase.targetStatus });
  const { organizationId, ...call } = await testCase.arrange(world);
  const problems = callMatches(endpoint, call);
  if (organizationId !== world.A.id) return [...problems, `arrange must touch world.A (the target), not ${organizationId}`];
  const { permission } = testCase;
  const scopeA = (await loadOrganizationScope(db, world.A.id))!;
  const scopeB = (await loadOrganizationScope(db, world.B.id))!;
  const input = "input" in call ? call.input : undefined;
  const sendsAsId = isPlainObject(input) && input.organizationId === world.A.id;

  const target: TargetFacts = {
    organizationId: world.A.id,
    status: scopeA.status,
    departmentCode: HOME_DEPARTMENT,
    epciOrganizationId: world.epci.id,
    epciOrganizationActive: true,
  };
  const refusals: Refusal[] = [anonymous];
  const holders: Person[] = [];
  for (const person of world.people) {
    const holds = shouldHoldOn(person, target, permission);
    if (permissionsOn(person.grants, scopeA).has(permission) !== holds) {
      problems.push(`lib/auth/grants.ts ${holds ? "denies" : "grants"} ${person.label} ${permission} on A, against the tables of lib/auth/permissions.ts`);
    }
    if (holds) holders.push(person);
    else {
      const forged = sendsAsId && person.organization !== undefined && person.organization.id !== world.A.id;
      refusals.push({ label: forged ? `${person.label}, sending A's organization id` : person.label, person });
    }
  }
  // A manager of B, naming B as the tenant of A's resource: the tenant must come from the resource.
  if (isPlainObject(input) && !("organizationId" in input)) {
    for (const person of world.people) {
      if (person.organization?.id === world.B.id && permissionsOn(person.grants, scopeB).has(permission)) {
        refusals.push({ label: `${person.label}, naming B as the organization`, person, call: { input: { ...input, organizationId: world.B.id } } });
      }
    }
  }
  // The same for a route handler (issue 9): B's id in the path, A's resource in the rest of it
  // (/espace/organisations/B/plan-d-action/preuves/<A's evidence>). Only when the path names a
  // resource besides the organization: B's managers may of course read B's own list.
  if ("request" in call && call.request.params && Object.keys(call.request.params).length > 1 && call.request.params.organizationId === world.A.id) {
    const params = { ...call.request.params, organizationId: world.B.id };
    const forgedPath = call.request.path.replaceAll(world.A.id, world.B.id);
    for (const person of world.people) {
      if (person.organization?.id === world.B.id && permissionsOn(person.grants, scopeB).has(permission)) {
        refusals.push({ label: `${person.label}, with B's id in the path`, person, call: { request: { ...call.request, path: forgedPath, params } } });
      }
    }
  }
  problems.push(...(await expectRefusals(endpoint, call, refusals, { uniform: true, secrets: world.secretsOf(world.A) })));
  problems.push(...(await positiveControl(endpoint, call, holders.sort(byCloseness(world))[0], `${permission} on A`)));
  return problems;
}

async function runAssociation(endpoint: Endpoint, testCase: AssociationCase): Promise<string[]> {
  const world = await buildWorld(db, { targetStatus: testCase.targetStatus });
  const { organizationId, ...call } = await testCase.arrange(world);
  const problems = callMatches(endpoint, call);
  if (organizationId !== world.A.id) return [...problems, `arrange must touch world.A (the target), not ${organizationId}`];
  const { permission } = testCase;
  const refusals: Refusal[] = [anonymous];
  const holders: Person[] = [];
  for (const person of world.people) {
    const holds = shouldHoldAssociationWide(person, permission);
    if (associationPermissions(person.grants).has(permission) !== holds) {
      problems.push(`lib/auth/grants.ts ${holds ? "denies" : "grants"} ${person.label} ${permission}, against the tables of lib/auth/permissions.ts`);
    }
    if (holds) holders.push(person);
    else refusals.push(asRefusal(person));
  }
  problems.push(...(await expectRefusals(endpoint, call, refusals, { uniform: true, secrets: world.secretsOf(world.A) })));
  problems.push(...(await positiveControl(endpoint, call, holders[0], `${permission} (association-wide)`)));
  return problems;
}

async function runSelf(endpoint: Endpoint, testCase: SelfCase): Promise<string[]> {
  const world = await buildWorld(db, { targetStatus: testCase.targetStatus });
  const { owner, mayAct, ...call } = await testCase.arrange(world);
  const problems = callMatches(endpoint, call);
  const allowed = mayAct ?? ((person: Person) => person.userId === owner.userId);
  if (!allowed(owner)) problems.push(`mayAct refuses the owner ${owner.label}: fix the case in ${CASES_FILE}`);
  const others = [...world.people, ...world.extras].filter((person) => !allowed(person));
  // Domain messages are allowed here ("this invitation is for another address"): the caller is
  // signed in and the subject is their own.
  problems.push(...(await expectRefusals(endpoint, call, [anonymous, ...others.map(asRefusal)], { uniform: false, secrets: world.secretsOf(world.A) })));
  problems.push(...(await positiveControl(endpoint, call, owner, "the subject of the call")));
  return problems;
}

type Access = { signedIn: boolean; permissions: Map<string, Set<Permission>> };

/**
 * Whether each person's session still works and what they may do on each organization. Scopes
 * are reloaded every time: a call may change them (an EPCI gaining an organization).
 */
async function accessOfEveryone(people: Person[], organizationIds: string[]): Promise<Map<string, Access>> {
  const [sessions, users, scopes] = await Promise.all([
    db.session.findMany({ where: { sessionToken: { in: people.map((person) => person.sessionToken) } }, select: { userId: true, expires: true } }),
    db.user.findMany({
      where: { id: { in: people.map((person) => person.userId) } },
      select: { id: true, disabledAt: true, memberships: { select: { organizationId: true, role: true } }, associationRoles: { select: { role: true, departmentCode: true } } },
    }),
    Promise.all(organizationIds.map((id) => loadOrganizationScope(db, id))),
  ]);
  const access = new Map<string, Access>();
  for (const user of users) {
    const grants = { userId: user.id, memberships: user.memberships, associationRoles: user.associationRoles };
    access.set(user.id, {
      signedIn: !user.disabledAt && sessions.some((session) => session.userId === user.id && session.expires.getTime() > Date.now()),
      permissions: new Map(scopes.filter((scope) => scope !== null).map((scope) => [scope.id, permissionsOn(grants, scope)])),
    });
  }
  return access;
}

async function runSignedIn(endpoint: Endpoint, testCase: SignedInCase): Promise<string[]> {
  const world = await buildWorld(db, { targetStatus: testCase.targetStatus });
  const call = await testCase.arrange(world);
  const problems = callMatches(endpoint, call);
  const secrets = world.secretsOf(world.A).filter((secret) => secret !== world.A.id);
  problems.push(...(await expectRefusals(endpoint, call, [anonymous], { uniform: true, secrets })));

  // The world's organizations, arranged ones included; those the calls create are new.
  const existing = world.organizations.map((organization) => organization.id);
  const names = new Map(world.organizations.map((organization) => [organization.id, organization.name]));
  const everyone = [...world.people, ...world.extras];
  for (const caller of world.people) {
    const before = await accessOfEveryone(everyone, existing);
    const outcome = await invoke(endpoint, call, caller);
    if (outcome.type === "threw") problems.push(`${caller.label}: ${show(outcome)}`);
    const leaked = leaks(outcome, secrets);
    if (leaked.length > 0) problems.push(`${caller.label}: leaked ${leaked.join(", ")}`);
    const after = await accessOfEveryone(everyone, existing);
    // The caller may lose access (leaving, signing out), never gain any; nobody else changes.
    for (const person of everyone) {
      const was = before.get(person.userId)!;
      const is = after.get(person.userId)!;
      const who = person === caller ? caller.label : `calling as ${caller.label} changed ${person.label}`;
      if (person !== caller && was.signedIn !== is.signedIn) problems.push(`${who}: session ${is.signedIn ? "revived" : "ended"}`);
      for (const [organizationId, granted] of is.permissions) {
        const previous = was.permissions.get(organizationId) ?? new Set<Permission>();
        const gained = [...granted].filter((permission) => !previous.has(permission));
        const lost = [...previous].filter((permission) => !granted.has(permission));
        if (gained.length > 0) problems.push(`${who}: gained ${gained.join(", ")} on ${names.get(organizationId)}`);
        if (person !== caller && lost.length > 0) problems.push(`${who}: lost ${lost.join(", ")} on ${names.get(organizationId)}`);
      }
    }
  }
  return problems;
}

async function runPublic(endpoint: Endpoint, testCase: PublicCase): Promise<string[]> {
  const world = await buildWorld(db);
  const probes = await testCase.probes(world);
  const problems: string[] = probes.length === 0 ? [`a public case needs at least one probe: add one in ${CASES_FILE}`] : [];
  const secrets = world.secretsOf(world.A);
  const memberOfB = world.people.find((person) => person.organization?.id === world.B.id)!;
  for (const probe of probes) {
    problems.push(...callMatches(endpoint, probe));
    for (const person of [null, memberOfB]) {
      const label = `${probe.label}, ${person ? person.label : "nobody signed in"}`;
      const before = await snapshot(db);
      const outcome = await invoke(endpoint, probe, person);
      if (outcome.type === "threw") problems.push(`${label}: ${show(outcome)}`);
      if (outcome.type === "route" && outcome.status >= 500) problems.push(`${label}: ${show(outcome)}`);
      const leaked = leaks(outcome, secrets);
      if (leaked.length > 0) problems.push(`${label}: leaked ${leaked.join(", ")}`);
      if (probe.check && outcome.type !== "threw") {
        try {
          probe.check(outcome.type === "route" ? outcome.body : outcome.value, person, world);
        } catch (error) {
          problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const changed = changedTables(before, await snapshot(db));
      if (changed.length > 0) problems.push(`${label}: changed the database: ${changed.join(", ")}`);
    }
  }
  return problems;
}

function run(endpoint: Endpoint, testCase: IsolationCase): Promise<string[]> {
  switch (testCase.kind) {
    case "tenant":
      return runTenant(endpoint, testCase);
    case "association":
      return runAssociation(endpoint, testCase);
    case "self":
      return runSelf(endpoint, testCase);
    case "signed-in":
      return runSignedIn(endpoint, testCase);
    case "public":
      return runPublic(endpoint, testCase);
  }
}

// ---- The suite ---------------------------------------------------------------------------------

const casesOf = (id: string): IsolationCase[] => {
  const entry = CASES[id];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};

describe("endpoint discovery", () => {
  it("finds the server actions and route handlers", () => {
    expect(scan.actionFiles.length, "no \"use server\" file found under app/: is the discovery broken?").toBeGreaterThan(0);
    expect(endpoints.filter((endpoint) => endpoint.type === "route").length).toBeGreaterThan(0);
  });

  it("has an isolation case for every endpoint", () => {
    const missing = endpoints.filter((endpoint) => casesOf(endpoint.id).length === 0).map((endpoint) => endpoint.id);
    expect(missing, `endpoints without an isolation case: add them to ${CASES_FILE} (how: the comment at its top)`).toEqual([]);
  });

  it("has no case for an endpoint that no longer exists", () => {
    const ids = new Set(endpoints.map((endpoint) => endpoint.id));
    const stale = Object.keys(CASES).filter((id) => !ids.has(id));
    expect(stale, `cases for endpoints that were renamed or removed: update ${CASES_FILE}`).toEqual([]);
  });

  it("has no server action declared inside a function, where it cannot be enumerated", () => {
    expect(scan.inlineDirectives, 'move these inline "use server" actions into a "use server" file').toEqual([]);
  });
});

describe("hostile input", () => {
  // Whatever a forged POST carries, an action answers: refused without a session, changing
  // nothing; signed in, it may refuse or succeed (signing out takes no input) but never throws.
  const form = new FormData();
  form.set("$ACTION_ID_0", "x");
  form.set("organizationId", "../../etc");
  const junk: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["a string", "organisation"],
    ["an array", [{ organizationId: "x" }]],
    ["an object with operators", { organizationId: { not: "" }, membershipId: { in: [] }, token: { contains: "" } }],
    ["__proto__ keys", JSON.parse('{"__proto__": {"ok": true}, "constructor": {"prototype": {}}}')],
    ["overlong ids", { organizationId: "a".repeat(10_000), requestId: "b".repeat(10_000), territoryCode: "1".repeat(10_000) }],
    ["form data", form],
  ];
  const actions = endpoints.filter((candidate) => candidate.type === "action");
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(db);
  });

  for (const endpoint of actions) {
    it(`${endpoint.id} answers junk without throwing`, async () => {
      // A fresh person per action: signing out everywhere ends the session it is given.
      const outsider = await world.newPerson("outsider");
      const problems: string[] = [];
      for (const [what, input] of junk) {
        const before = await snapshot(db);
        const refusal = refusalProblems(await invoke(endpoint, { input }, null), { uniform: true, secrets: world.secretsOf(world.A) });
        const changed = changedTables(before, await snapshot(db));
        if (changed.length > 0) refusal.push(`changed the database: ${changed.join(", ")}`);
        if (refusal.length > 0) problems.push(`${what}, nobody signed in: ${refusal.join("; ")}`);
        const signedIn = await invoke(endpoint, { input }, outsider);
        if (signedIn.type === "threw") problems.push(`${what}, signed in: ${show(signedIn)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("answers junk in French, without internals", async () => {
    const problems: string[] = [];
    for (const endpoint of actions) {
      const outsider = await world.newPerson("outsider");
      for (const [what, input] of junk) {
        const outcome = await invoke(endpoint, { input }, outsider);
        const value = outcome.type === "action" ? (outcome.value as { ok?: unknown; message?: unknown } | null) : null;
        const message = value?.ok === false ? value.message : undefined;
        if (typeof message === "string" && (!FRENCH.test(message) || INTERNALS.test(message))) problems.push(`${endpoint.id}, ${what}: "${message}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("tenant isolation", () => {
  for (const endpoint of endpoints) {
    for (const testCase of casesOf(endpoint.id)) {
      const permission = "permission" in testCase ? ` ${testCase.permission}` : "";
      const name = `${endpoint.id}${testCase.label ? ` [${testCase.label}]` : ""} — ${testCase.kind}${permission}`;
      if (testCase.knownWeakness) {
        it(`${name} — KNOWN WEAKNESS: ${testCase.knownWeakness}`, async () => {
          const problems = await run(endpoint, testCase);
          expect(problems, `no problem found any more: the weakness is fixed, remove knownWeakness from this case in ${CASES_FILE}`).not.toEqual([]);
          console.warn(`Known weakness in ${endpoint.id} (${testCase.knownWeakness}):\n  ${problems.join("\n  ")}`);
        });
        continue;
      }
      it(name, async () => {
        const problems = await run(endpoint, testCase);
        expect(problems, `${endpoint.id}: problems found`).toEqual([]);
      });
    }
  }
});
