// The person acting, as the domain sees them: identity and roles, nothing else.
import type { Db } from "@/lib/db/create-client";
import type { ActorGrants } from "./grants";

export type Actor = ActorGrants & {
  email: string;
  name: string | null;
  memberships: {
    organizationId: string;
    role: string;
    organizationName: string;
    organizationStatus: string;
    territoryCode: string;
  }[];
};

/** Loads an actor by user id; null when the account is unknown or disabled. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      disabledAt: true,
      memberships: {
        select: { organizationId: true, role: true, organization: { select: { name: true, status: true, territoryCode: true } } },
        orderBy: { createdAt: "asc" },
      },
      associationRoles: { select: { role: true, departmentCode: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((membership) => ({
      organizationId: membership.organizationId,
      role: membership.role,
      organizationName: membership.organization.name,
      organizationStatus: membership.organization.status,
      territoryCode: membership.organization.territoryCode,
    })),
    associationRoles: user.associationRoles,
  };
}

/** Looks up a live database session by its cookie value, as next-auth's database strategy does. */
export async function actorFromSessionToken(db: Db, sessionToken: string | undefined): Promise<Actor | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({ where: { sessionToken }, select: { userId: true, expires: true } });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return loadActor(db, session.userId);
}
