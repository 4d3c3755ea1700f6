// Where a person may be sent after signing in (or after any redirect that takes user input).
// One rule, used by `?retour=`, next-auth's redirect callback and every other such redirect:
// the value is resolved against the application's origin by the WHATWG URL parser — the one
// browsers use, which drops tabs and new lines and reads "\" as "/" — and only a path of that
// same origin is kept. The path returned is the parser's serialization, never the raw input.

export const DEFAULT_RETURN_PATH = "/espace";

/** Stands for the application's origin where the caller does not know it (same-origin paths only). */
const PLACEHOLDER_ORIGIN = "http://application.invalid";

/**
 * A same-origin path (with its query and fragment) to send the person to, or `/espace`.
 * `appOrigin` is the application's address (APP_URL); an absolute URL is kept only when it
 * points to that origin.
 */
export function safeReturnPath(value: unknown, appOrigin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return DEFAULT_RETURN_PATH;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(value, base);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (target.origin !== base.origin || target.username || target.password) return DEFAULT_RETURN_PATH;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser given it as a
  // Location reads as another host: a path must start with exactly one slash.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return DEFAULT_RETURN_PATH;
  return path;
}

/** The same rule as an absolute URL of the application (next-auth's redirect callback wants one). */
export function safeReturnUrl(value: unknown, appOrigin: string): string {
  return `${new URL(appOrigin).origin}${safeReturnPath(value, appOrigin)}`;
}
