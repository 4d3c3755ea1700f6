import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { createOpenRound, createOrganization, createUser, insertTerritories, member, outsider, reload } from "@/tests/support/world";
import { loadActor } from "@/lib/auth/actor";
import { lastEmailTo } from "@/tests/support/outbox";
import { acceptedChampionOf, designateChampion, endDesignation, findDesignation, getChampionStatus, resendDesignation, respondToDesignation } from "./designation";
import { CHAMPION_EMAIL_IS_MAYOR, CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR } from "./rules";

const db = createPrismaClient(process.env.DATABASE_URL!);

beforeAll(async () => {
  await insertTerritories(db);
  await createOpenRound(db);
});
afterAll(() => db.$disconnect());

async function tokenSentTo(email: string): Promise<string> {
  const mail = (await lastEmailTo(db, email)).rendered;
  return mail.text.match(/\/champion\/([A-Za-z0-9_-]+)/)![1]!;
}

async function counts() {
  const [designations, memberships, audits] = await Promise.all([db.championDesignation.count(), db.membership.count(), db.auditEvent.count()]);
  const statuses = await db.championDesignation.findMany({ select: { id: true, status: true, respondedAt: true, userId: true }, orderBy: { id: "asc" } });
  return { designations, memberships, audits, statuses };
}

async function person(label: string): Promise<Actor> {
  const user = await createUser(db, label);
  return (await loadActor(db, user.id))!;
}

async function cleanUp() {
  await db.championDesignation.deleteMany();
  await db.auditEvent.deleteMany();
  await db.membership.deleteMany();
  await db.organization.deleteMany();
}

describe("designating the Cyber Champion", () => {
  it("designates, accepts through the e-mailed link, and meets the criterion only then", async () => {
    await cleanUp();
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
    const adjointe = await person("adjointe");

    await designateChampion(db, secretary, {
      organizationId: organization.id,
      name: "Claire Dupont",
      function: "Adjointe au maire chargée du numérique",
      email: adjointe.email.toUpperCase(),
      phone: "04 42 00 00 00",
      isElected: "on",
    });
    let status = await getChampionStatus(db, secretary, organization.id);
    expect(status).toMatchObject({ current: null, pending: { name: "Claire Dupont", email: adjointe.email, isElected: true, status: "PENDING", expired: false }, history: [], criterionMet: false });
    expect(status.pending).not.toHaveProperty("tokenHash");

    const token = await tokenSentTo(adjointe.email);
    expect((await findDesignation(db, token)).state).toBe("pending");
    // Somebody else signed in cannot answer for her; a forged token is no link at all.
    const before = await counts();
    await expect(respondToDesignation(db, await outsider(db), { token, accept: true })).rejects.toThrow(/adressée à/);
    await expect(respondToDesignation(db, adjointe, { token: "x".repeat(43), accept: true })).rejects.toThrow(/n'est pas valide/);
    expect(await counts()).toEqual(before);

    await respondToDesignation(db, adjointe, { token, accept: true });
    const champion = await reload(db, adjointe);
    expect(champion.memberships).toMatchObject([{ organizationId: organization.id, role: "CYBER_CHAMPION" }]);
    status = await getChampionStatus(db, champion, organization.id);
    expect(status).toMatchObject({ current: { email: adjointe.email, status: "ACCEPTED", userId: adjointe.userId }, pending: null, criterionMet: true });
    expect(status.current!.respondedAt).toBeInstanceOf(Date);
    expect(await acceptedChampionOf(db, organization.id)).toMatchObject({ name: "Claire Dupont", userId: adjointe.userId });

    // Accepting twice: a French message, nothing changed.
    const accepted = await counts();
    await expect(respondToDesignation(db, champion, { token, accept: true })).rejects.toThrow(/déjà accepté/);
    await expect(respondToDesignation(db, champion, { token, accept: false })).rejects.toThrow(/déjà accepté/);
    expect(await counts()).toEqual(accepted);
    expect(await db.auditEvent.count({ where: { action: { in: ["champion.designated", "champion.accepted"] }, organizationId: organization.id } })).toBe(2);
  });

  it("refuses the mayor (by role or by function) and the IT director, and lets the round lift the rule", async () => {
    await cleanUp();
    const organization = await createOrganization(db, "13113");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
    const mayor = await member(db, organization.id, "MAYOR", "maire");
    const before = await counts();
    const base = { organizationId: organization.id, name: "Jean Martin", isElected: true };

    // Each refusal names the field that causes it, so the form shows it there.
    await expect(designateChampion(db, secretary, { ...base, function: "Conseiller municipal", email: mayor.email })).rejects.toMatchObject({ message: CHAMPION_EMAIL_IS_MAYOR, field: "email" });
    await expect(designateChampion(db, secretary, { ...base, function: "Maire", email: "jean.martin@venelles.test" })).rejects.toMatchObject({ message: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR, field: "function" });
    await expect(designateChampion(db, secretary, { ...base, function: "DSI", email: "dsi@venelles.test", isElected: false })).rejects.toThrow(/ni le maire ni le directeur/);
    expect(await counts()).toEqual(before);
    expect(await db.outboxMessage.count({ where: { to: mayor.email } })).toBe(0);

    await db.round.updateMany({ where: { year: 2026 }, data: { championMustNotBeMayor: false } });
    try {
      await designateChampion(db, secretary, { ...base, function: "Maire", email: mayor.email });
      expect((await getChampionStatus(db, secretary, organization.id)).pending).toMatchObject({ email: mayor.email });
    } finally {
      await db.round.updateMany({ where: { year: 2026 }, data: { championMustNotBeMayor: true } });
    }
  });

  it("keeps the history when the Champion is replaced, and only managers designate", async () => {
    await cleanUp();
    const organization = await createOrganization(db, "13090");
    const mayor = await member(db, organization.id, "MAYOR", "maire");
    const first = await person("premier");
    const second = await person("second");
    const third = await person("troisieme");

    await designateChampion(db, mayor, { organizationId: organization.id, name: "Premier", function: "Secrétaire de mairie", email: first.email, isElected: false });
    await respondToDesignation(db, first, { token: await tokenSentTo(first.email), accept: true });
    await designateChampion(db, mayor, { organizationId: organization.id, name: "Second", function: "Adjoint", email: second.email, isElected: true });
    const secondToken = await tokenSentTo(second.email);
    // Premier stays Champion while the successor has not answered: the criterion does not lapse.
    let status = await getChampionStatus(db, mayor, organization.id);
    expect(status).toMatchObject({ current: { name: "Premier" }, pending: { name: "Second" }, criterionMet: true });
    expect(status.history).toEqual([]);

    // A third designation cancels the pending one: its link no longer works. Declining it leaves Premier in place.
    await designateChampion(db, mayor, { organizationId: organization.id, name: "Troisième", function: "Agent d'accueil", email: third.email, isElected: false });
    await expect(respondToDesignation(db, second, { token: secondToken, accept: true })).rejects.toThrow(/plus en attente/);
    await respondToDesignation(db, third, { token: await tokenSentTo(third.email), accept: false });
    status = await getChampionStatus(db, mayor, organization.id);
    expect(status).toMatchObject({ current: { name: "Premier" }, pending: null, criterionMet: true });
    expect(status.history.map((designation) => [designation.name, designation.status])).toEqual([
      ["Troisième", "DECLINED"],
      ["Second", "CANCELLED"],
    ]);
    expect((await reload(db, third)).memberships).toEqual([]);

    // A successor who accepts replaces Premier at that moment.
    await designateChampion(db, mayor, { organizationId: organization.id, name: "Second", function: "Adjoint", email: second.email, isElected: true });
    await respondToDesignation(db, second, { token: await tokenSentTo(second.email), accept: true });
    status = await getChampionStatus(db, mayor, organization.id);
    expect(status).toMatchObject({ current: { name: "Second" }, pending: null, criterionMet: true });
    const premier = status.history.find((designation) => designation.name === "Premier");
    expect(premier).toMatchObject({ status: "REPLACED", endedAt: expect.any(Date) });
    expect(await db.championDesignation.count({ where: { organizationId: organization.id, status: "ACCEPTED" } })).toBe(1);

    // The Champion follows the plan but does not designate; strangers see nothing.
    const champion = await reload(db, first);
    await expect(designateChampion(db, champion, { organizationId: organization.id, name: "Xavier", function: "Agent", email: "x@x.test", isElected: false })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getChampionStatus(db, await outsider(db), organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("resends a lost link (the old one stops working) and ends a designation without successor", async () => {
    await cleanUp();
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
    const agent = await person("agent");
    const { designationId } = await designateChampion(db, secretary, { organizationId: organization.id, name: "Agent Un", function: "Agent d'accueil", email: agent.email, isElected: false });
    const oldToken = await tokenSentTo(agent.email);
    await resendDesignation(db, secretary, { designationId });
    const newToken = await tokenSentTo(agent.email);
    expect(newToken).not.toBe(oldToken);
    await expect(respondToDesignation(db, agent, { token: oldToken, accept: true })).rejects.toThrow(/n'est pas valide/);
    await respondToDesignation(db, agent, { token: newToken, accept: true });
    await expect(resendDesignation(db, secretary, { designationId })).rejects.toThrow(/pas de lien à renvoyer/);

    const other = await createOrganization(db, "13113");
    await expect(endDesignation(db, await member(db, other.id, "MAYOR"), { designationId })).rejects.toBeInstanceOf(AccessDeniedError);
    await endDesignation(db, secretary, { designationId });
    const status = await getChampionStatus(db, secretary, organization.id);
    expect(status).toMatchObject({ current: null, criterionMet: false, history: [{ status: "CANCELLED" }] });
    await expect(endDesignation(db, secretary, { designationId })).rejects.toThrow(/déjà terminée/);
  });
});
