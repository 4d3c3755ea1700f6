import "server-only";
import { z } from "zod";
import type { Actor } from "./actor";
import { AccessDeniedError, DomainError, NotSignedInError } from "./errors";
import { getActor } from "./session";

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

// Messages zod writes itself (types, unknown keys) are in French too.
z.config(z.locales.fr());

const INVALID_INPUT = "Certaines informations sont incorrectes : corrigez les champs signalés puis réessayez.";
const UNEXPECTED = "Une erreur inattendue est survenue : rien n'a été modifié. Réessayez dans quelques instants.";

/** Plain object from a form submission or a JSON-like argument. */
function toInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const entries: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) entries[key] = value;
    return entries;
  }
  return raw;
}

/**
 * The body of every server action: a server action is a public POST endpoint, so it resolves
 * the person acting, validates the input with the domain's schema, and runs one domain
 * function, which checks the permission on the tenant of the resource it touches. Errors become
 * French messages; nothing internal leaks.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>, actor: Actor) => Promise<T>,
  options: { message?: string } = {},
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: new NotSignedInError().message };
  const input = toInput(raw);
  // Anything but an object is no form submission: one plain message, no schema detail.
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, message: INVALID_INPUT };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "_";
      fieldErrors[key] ??= issue.message;
    }
    const only = Object.values(fieldErrors);
    return { ok: false, message: only.length === 1 ? only[0]! : INVALID_INPUT, fieldErrors };
  }
  try {
    return { ok: true, data: await run(parsed.data, actor), message: options.message };
  } catch (error) {
    if (error instanceof AccessDeniedError || error instanceof NotSignedInError) return { ok: false, message: error.message };
    if (error instanceof DomainError) {
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    }
    console.error("[action]", error);
    return { ok: false, message: UNEXPECTED };
  }
}
