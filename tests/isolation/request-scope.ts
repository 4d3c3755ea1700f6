// A stand-in for Next's request scope, so server actions and route handlers run their real
// code under Vitest: cookies() carries the session of the person the test acts as, cookie
// writes are recorded (a refused call must write none), and redirect()/notFound() throw
// errors the suite recognises. The test file installs it with vi.mock.
import { createRequire } from "node:module";
import { sessionCookieName } from "@/lib/auth/cookies";

type CookieWrite = { op: "set" | "delete"; name: string; value?: string };

const scope = {
  sessionToken: undefined as string | undefined,
  cookies: new Map<string, string>(),
  writes: [] as CookieWrite[],
};

/** Starts a new request as the person holding this session token (undefined: nobody signed in). */
export function beginRequest(sessionToken: string | undefined) {
  scope.sessionToken = sessionToken;
  scope.cookies = new Map(sessionToken ? [[sessionCookieName(), sessionToken]] : []);
  scope.writes = [];
}

/** Cookies the current request set or deleted. */
export function cookieWrites(): CookieWrite[] {
  return [...scope.writes];
}

/** The Cookie header a browser would send for the current request. */
export function cookieHeader(): string {
  return [...scope.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

type CookieOptions = Record<string, unknown>;

function cookieJar() {
  const list = () => [...scope.cookies].map(([name, value]) => ({ name, value }));
  const jar = {
    get: (name: string | { name: string }) => {
      const key = typeof name === "string" ? name : name.name;
      const value = scope.cookies.get(key);
      return value === undefined ? undefined : { name: key, value };
    },
    getAll: (name?: string) => list().filter((cookie) => name === undefined || cookie.name === name),
    has: (name: string) => scope.cookies.has(name),
    set: (...args: [string, string, CookieOptions?] | [{ name: string; value: string } & CookieOptions]) => {
      const [name, value] = typeof args[0] === "string" ? [args[0], String(args[1])] : [args[0].name, args[0].value];
      scope.writes.push({ op: "set", name, value });
      scope.cookies.set(name, value);
      return jar;
    },
    delete: (name: string | { name: string }) => {
      const key = typeof name === "string" ? name : name.name;
      scope.writes.push({ op: "delete", name: key });
      scope.cookies.delete(key);
      return jar;
    },
    get size() {
      return scope.cookies.size;
    },
    toString: cookieHeader,
    [Symbol.iterator]: () => list().map((cookie) => [cookie.name, cookie] as const)[Symbol.iterator](),
  };
  return jar;
}

function requestHeaders(): Headers {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-for": "203.0.113.7", "user-agent": "isolation-suite" });
  const cookie = cookieHeader();
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

export const nextHeaders = {
  cookies: async () => cookieJar(),
  headers: async () => requestHeaders(),
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const nextCache = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_noStore: () => {},
  unstable_cache: <T>(fn: T) => fn,
  cacheLife: () => {},
  cacheTag: () => {},
};

/** What redirect(), notFound(), forbidden() and unauthorized() throw here. */
export class NavigationInterrupt extends Error {
  constructor(
    readonly kind: "redirect" | "notFound" | "forbidden" | "unauthorized",
    readonly url?: string,
  ) {
    super(url ? `${kind} → ${url}` : kind);
    this.name = "NavigationInterrupt";
  }
}

export const nextNavigation = {
  redirect: (url: string): never => {
    throw new NavigationInterrupt("redirect", url);
  },
  permanentRedirect: (url: string): never => {
    throw new NavigationInterrupt("redirect", url);
  },
  notFound: (): never => {
    throw new NavigationInterrupt("notFound");
  },
  forbidden: (): never => {
    throw new NavigationInterrupt("forbidden");
  },
  unauthorized: (): never => {
    throw new NavigationInterrupt("unauthorized");
  },
};

/**
 * next-auth is CommonJS and loads next/headers with require(), which vi.mock does not reach:
 * put the same stand-in in Node's module cache, where that require() looks first.
 */
export function provideNextHeadersToCommonJs() {
  const fromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth/next"));
  const filename = fromNextAuth.resolve("next/headers");
  fromNextAuth.cache[filename] = { id: filename, filename, loaded: true, exports: nextHeaders, children: [], paths: [] } as unknown as NodeJS.Module;
}
