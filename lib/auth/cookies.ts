// Cookie names and flags, shared by next-auth's configuration and our own session lookup.
import { env } from "@/lib/config/env";

/** Secure cookies whenever the public address is https (always in production). */
export function useSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://") || env().APP_ENV === "production";
}

export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}ccd.session-token`;
}

export const ACTIVE_ORGANIZATION_COOKIE = "ccd.organization";

export function cookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies() };
}
