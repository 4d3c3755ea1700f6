// The shapes of the isolation cases (cases.ts). Each kind says who may call an endpoint; the
// suite derives everyone else from the permission tables and expects a refusal from them.
import type { Permission } from "@/lib/auth/permissions";
import type { OrganizationStatus } from "@/lib/db/generated/enums";
import type { Person, World } from "./world";

/** A request to a route handler; the method is the exported one, the session cookie is added. */
export type RouteRequest = {
  /** Path and query string: "/api/territories?q=13001". */
  path: string;
  /** The dynamic segments Next would pass in the handler's context. */
  params?: Record<string, string | string[]>;
  form?: Record<string, string>;
  json?: unknown;
};

/** How one call reaches an endpoint: a server action's argument, or a route handler's request. */
export type Call = { input: unknown } | { request: RouteRequest };

/** A call aimed at one organization's data; `organizationId` must be the world's target, A. */
export type TargetedCall = Call & { organizationId: string };

type Common = {
  /** Tells several cases of one endpoint apart ("accept", "refuse"). */
  label?: string;
  /** Status of the target organization A (ACTIVE unless said). */
  targetStatus?: OrganizationStatus;
  /**
   * A weakness found and reported but not fixed yet: the case must still find problems, and
   * fails once it finds none, so whoever fixes it removes this line.
   */
  knownWeakness?: string;
};

/**
 * Touches one organization's data. `arrange` creates the resource in world.A and returns the
 * call that references it. Refused for: nobody signed in, every role of B and of the other
 * EPCI, every role (in A, in its EPCI) and association role lacking `permission` on A, a
 * correspondent of another département; a manager of B naming B with A's resource. Then one
 * person holding `permission` on A must succeed.
 */
export type TenantCase = Common & {
  kind: "tenant";
  permission: Permission;
  arrange: (world: World) => Promise<TargetedCall>;
};

/** Association-wide work (validating an organization): only association roles holding `permission`. */
export type AssociationCase = Common & {
  kind: "association";
  permission: Permission;
  arrange: (world: World) => Promise<TargetedCall>;
};

/**
 * The subject is the person acting: only `owner` (or whoever `mayAct` accepts) may do it, e.g.
 * accepting an invitation bound to an e-mail address. Everyone else in the world is refused.
 */
export type SelfCase = Common & {
  kind: "self";
  why: string;
  arrange: (world: World) => Promise<Call & { owner: Person; mayAct?: (person: Person) => boolean }>;
};

/**
 * Open to any signed-in person (claiming a territory, signing out everywhere). Refused without
 * a session. Called as each person of the world in turn: the caller may lose access (leaving,
 * signing out) but never gain any on an organization that already existed, and nobody else's
 * permissions or session may change.
 */
export type SignedInCase = Common & {
  kind: "signed-in";
  why: string;
  arrange: (world: World) => Promise<Call>;
};

/**
 * Public by nature (sign-in, reference data). Each probe is sent without a session and as a
 * member of B: it must change nothing and show nothing of A; `check` adds what the endpoint
 * promises (e.g. only reference data).
 */
export type PublicCase = Omit<Common, "targetStatus"> & {
  kind: "public";
  why: string;
  probes: (world: World) => Promise<Probe[]>;
};

/** `check` throws an Error saying what is wrong; `caller` is null when nobody is signed in. */
export type Probe = Call & { label: string; check?: (body: unknown, caller: Person | null, world: World) => void };

export type IsolationCase = TenantCase | AssociationCase | SelfCase | SignedInCase | PublicCase;

/** Endpoint id ("app/…/actions.ts#exportName", "app/…/route.ts#GET") → its case(s). */
export type IsolationCases = Record<string, IsolationCase | IsolationCase[]>;

/** How a private page (under app/espace or app/admin) is guarded; see pages.db.test.ts. */
export type PageCase =
  /** Any signed-in person may open it; it shows only their own things. */
  | { kind: "own" }
  /** Shows one organization's data: the organization comes from the route. */
  | { kind: "tenant"; permission: Permission; params: (world: World) => Record<string, string> }
  /** Association-wide work. */
  | { kind: "association"; permission: Permission };

/** Every page under app/espace and app/admin, by its route. */
