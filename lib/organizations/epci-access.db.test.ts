// The commune's switch on its EPCI's access, and the announcement of a new referent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { createOrganization, insertTerritories, member, outsider, reload } from "@/tests/support/world";
import { announceReferentAppointed, getEpciAccess, setEpciAccess } from "./epci-access";
import { acceptInvitation, inviteMember } from "./invitations";
import { changeMemberRole } from "./members";
import { hashToken } from "./tokens";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

let epci: { id: string };
let commune: { id: string };
let other: { id: string };
let referent: Awaited<ReturnType<typeof member>>;
let secretary: Awaited<ReturnType<typeof member>>;
let mayor: Awaited<ReturnType<typeof member>>;
let champion: Awaited<ReturnType<typeof member>>;

beforeAll(async () => {
  await insertTerritories(db);
  epci = await createOrganization(db, "200054807");
  commune = await createOrganization(db, "13090");
  other = await createOrganization(db, "13113");
  referent = await member(db, epci.id, "EPCI_REFERENT");
  secretary = await member(db, commune.id, "SECRETARY");
  mayor = await member(db, commune.id, "MAYOR");
  champion = await member(db, commune.id, "CYBER_CHAMPION");
  await member(db, other.id, "MAYOR");
});

const referentMay = () =>
  requirePermission(db, referent, commune.id, "assessment:answer").then(
    () => true,
    (error: unknown) => {
      if (error instanceof AccessDeniedError) return false;
      throw error;
    },
  );

describe("the commune's switch on its EPCI's access", () => {
  it("cuts and reopens the referents' access, audited on the commune and on the EPCI", async () => {
    expect(await referentMay()).toBe(true);
    // The referent works on the file: the commune sees it.
    await db.$transaction((tx) => recordAudit(tx, { actorId: referent.userId, organizationId: commune.id, action: "action.created" }));

    const before = await getEpciAccess(db, secretary, commune.id);
    expect(before).toMatchObject({ epciName: "Métropole d'Aix-Marseille-Provence", epciActive: true, enabled: true, canSwitch: true });
    expect(before!.referents.map((r) => r.email)).toEqual([referent.email]);
    expect(before!.activity.map((event) => event.action)).toEqual(["action.created"]);

    expect(await setEpciAccess(db, secretary, { organizationId: commune.id, enabled: false })).toMatchObject({ changed: true, enabled: false });
    expect(await referentMay()).toBe(false);
    // Every permission of the referent on the commune is gone, reads included.
    await expect(requirePermission(db, referent, commune.id, "organization:read")).rejects.toBeInstanceOf(AccessDeniedError);
    // Switching off twice changes nothing and writes nothing more.
    expect(await setEpciAccess(db, mayor, { organizationId: commune.id, enabled: false })).toMatchObject({ changed: false });
    expect(await db.auditEvent.count({ where: { organizationId: commune.id, action: "epci_access.disabled" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: epci.id, action: "epci_access.disabled_by_commune" } })).toBe(1);
    expect((await getEpciAccess(db, mayor, commune.id))!.enabled).toBe(false);

    // Another commune of the same EPCI is not affected.
    expect(await requirePermission(db, referent, other.id, "assessment:answer").then(() => true)).toBe(true);

    await setEpciAccess(db, mayor, { organizationId: commune.id, enabled: true });
    expect(await referentMay()).toBe(true);
    expect(await db.auditEvent.count({ where: { organizationId: commune.id, action: "epci_access.enabled" } })).toBe(1);
  });

  it("is the commune's alone: neither the referent, nor the champion, nor an outsider may switch it", async () => {
    const stranger = await outsider(db);
    for (const who of [referent, champion, stranger]) {
      await expect(setEpciAccess(db, who, { organizationId: commune.id, enabled: false })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    // An EPCI has no EPCI: nothing to switch.
    const epciMayor = await member(db, epci.id, "MAYOR");
    await expect(setEpciAccess(db, epciMayor, { organizationId: epci.id, enabled: false })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.epciAccessRefusal.count()).toBe(0);
  });
});

describe("appointing a referent", () => {
  it("is audited on the EPCI and announced once to the managers of each member commune", async () => {
    const epciMayor = await member(db, epci.id, "MAYOR");
    const colleague = await member(db, epci.id, "SECRETARY");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: colleague.userId, organizationId: epci.id } });
    await changeMemberRole(db, epciMayor, { membershipId: membership.id, role: "EPCI_REFERENT" });

    expect(await db.auditEvent.count({ where: { organizationId: epci.id, action: "epci.referent_appointed", targetId: membership.id } })).toBe(1);
    const messages = await db.outboxMessage.findMany({ where: { template: "organizations.epci_referent_appointed" }, select: { to: true, organizationId: true } });
    // Saint-Antonin's secretary and mayor, Venelles's mayor; not the champion.
    expect(messages.map((message) => message.to).sort()).toEqual([secretary.email, mayor.email, (await db.membership.findFirstOrThrow({ where: { organizationId: other.id }, select: { user: { select: { email: true } } } })).user.email].sort());

    // Announced again for the same membership (a retry): no second message.
    await db.$transaction((tx) => announceReferentAppointed(tx, { actorId: epciMayor.userId, epciOrganizationId: epci.id, membershipId: membership.id, userId: colleague.userId, via: "role_change" }));
    expect(await db.outboxMessage.count({ where: { template: "organizations.epci_referent_appointed" } })).toBe(3);
  });

  it("through an accepted invitation too", async () => {
    const epciMayor = await reload(db, (await db.membership.findFirstOrThrow({ where: { organizationId: epci.id, role: "MAYOR" }, select: { userId: true } })) as never);
    const invited = await outsider(db);
    const { invitationId } = await inviteMember(db, epciMayor, { organizationId: epci.id, email: invited.email, role: "EPCI_REFERENT" });
    const token = "jeton-de-test-assez-long-0123456789";
    await db.invitation.update({ where: { id: invitationId }, data: { tokenHash: hashToken(token) } });
    const before = await db.outboxMessage.count({ where: { template: "organizations.epci_referent_appointed" } });
    await acceptInvitation(db, invited, { token });
    expect(await db.outboxMessage.count({ where: { template: "organizations.epci_referent_appointed" } })).toBe(before + 3);
  });
});
