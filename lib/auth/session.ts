import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "./actor";
import { ACTIVE_ORGANIZATION_COOKIE, sessionCookieName } from "./cookies";
import { NotSignedInError } from "./errors";

/** The signed-in person for this request, or null. One database statement per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorForSession(getDb(), jar.get(sessionCookieName())?.value);
});

type ActorRow = Omit<Actor, "userId"> & { id: string; expires: Date; disabledAt: Date | null };

/**
 * What `actorFromSessionToken` (./actor.ts) returns, in one statement instead of five (session,
 * user, memberships, their organizations, association roles): it runs before every page, action
 * and route, and each statement costs a round trip and the client's work. Same rules: no
 * session, an expired one, or a disabled account is nobody; memberships oldest first.
 */
export async function actorForSession(db: Db, sessionToken: string | undefined): Promise<Actor | null> {
  if (!sessionToken) return null;
  const [row] = await db.$queryRaw<ActorRow[]>`
    SELECT s."expires", u."id", u."email", u."name", u."disabledAt",
      COALESCE((
        SELECT json_agg(json_build_object(
          'organizationId', m."organizationId", 'role', m."role", 'organizationName', o."name",
          'organizationStatus', o."status", 'territoryCode', o."territoryCode") ORDER BY m."createdAt")
        FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
        WHERE m."userId" = u."id"), '[]'::json) AS "memberships",
      COALESCE((
        SELECT json_agg(json_build_object('role', g."role", 'departmentCode', g."departmentCode"))
        FROM "AssociationRoleGrant" g
        WHERE g."userId" = u."id"), '[]'::json) AS "associationRoles"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`;
  if (!row || row.expires.getTime() <= Date.now() || row.disabledAt) return null;
  return { userId: row.id, email: row.email, name: row.name, memberships: row.memberships, associationRoles: row.associationRoles };
}

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
