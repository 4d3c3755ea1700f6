import "server-only";
// What a request for a sign-in link must be before next-auth sees it. The body is parsed here,
// once; next-auth receives the fields as this function validated them, so what is checked and
// counted is what is sent (a form carrying `email` twice was checked on the first and sent to
// the last). Budgets are spent only by a request that would send an e-mail: one valid address
// and a valid CSRF token — otherwise anyone could spend a person's budget and lock them out.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { safeReturnUrl } from "./return-path";
import { emailSchema } from "./schemas";
import { allowSignInRequest } from "./sign-in";

export type SignInScreening =
  | { kind: "refuse"; error: "EmailInvalide" | "TropDeDemandes" }
  | { kind: "forward"; body: URLSearchParams; emailSent: boolean };

/**
 * The fields of a form (urlencoded) or JSON body, each a single string; null when the body is
 * malformed, names a field twice, or gives something else than a string.
 */
export function parseSingleValuedFields(text: string, contentType: string | null): Map<string, string> | null {
  const type = contentType?.toLowerCase() ?? "";
  const fields = new Map<string, string>();
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== "string") return null;
      fields.set(key, value);
    }
    return fields;
  }
  if (!type.includes("application/x-www-form-urlencoded")) return null;
  for (const [key, value] of new URLSearchParams(text)) {
    if (fields.has(key)) return null;
    fields.set(key, value);
  }
  return fields;
}

/** next-auth's double-submit token: the cookie holds `token|sha256(token + secret)`. */
export function csrfTokenValid(cookieValue: string | undefined, bodyToken: string | undefined, secret: string): boolean {
  if (!cookieValue || !bodyToken) return false;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return false;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return same(hash, expected) && same(token, bodyToken);
}

/** The fields next-auth's email sign-in reads; anything else is dropped. */
const FORWARDED = ["csrfToken", "callbackUrl", "json"] as const;

export async function screenSignInRequest(
  db: Db,
  input: { body: string; contentType: string | null; csrfCookie: string | undefined; secret: string; clientAddress: string; appUrl: string },
): Promise<SignInScreening> {
  const fields = parseSingleValuedFields(input.body, input.contentType);
  const email = emailSchema.safeParse(fields?.get("email"));
  if (!fields || !email.success) return { kind: "refuse", error: "EmailInvalide" };

  const body = new URLSearchParams({ email: email.data });
  for (const name of FORWARDED) {
    const value = fields.get(name);
    if (value !== undefined) body.set(name, name === "callbackUrl" ? safeReturnUrl(value, input.appUrl) : value);
  }
  // Without a valid token next-auth refuses and sends nothing: nothing to count either.
  if (!csrfTokenValid(input.csrfCookie, fields.get("csrfToken"), input.secret)) return { kind: "forward", body, emailSent: false };
  if (!(await allowSignInRequest(db, email.data, input.clientAddress))) return { kind: "refuse", error: "TropDeDemandes" };
  return { kind: "forward", body, emailSent: true };
}
