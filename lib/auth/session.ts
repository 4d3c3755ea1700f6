import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { actorFromSessionToken, type Actor } from "./actor";
import { ACTIVE_ORGANIZATION_COOKIE, sessionCookieName } from "./cookies";
import { NotSignedInError } from "./errors";

/** The signed-in person for this request, or null. One database lookup per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorFromSessionToken(getDb(), jar.get(sessionCookieName())?.value);
});

/** For server actions and route handlers: the actor, or a refusal. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new NotSignedInError();
  return actor;
}

/** For pages: the actor, or the sign-in page that brings the person back here. */
export async function requireActorOrRedirect(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return actor;
}

/**
 * The organization the person is acting for: the one chosen in the switcher if they still
 * belong to it, else their first. A comfort only: every check uses the resource's tenant.
 */
export async function getActiveOrganizationId(actor: Actor): Promise<string | null> {
  const chosen = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  const ids = actor.memberships.map((membership) => membership.organizationId);
  if (chosen && ids.includes(chosen)) return chosen;
  return ids[0] ?? null;
}
