import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { createUser } from "@/tests/support/world";
import { actorFromSessionToken, loadActor } from "./actor";
import { signOutEverywhere } from "./sessions";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const inAnHour = () => new Date(Date.now() + 3600_000);

describe("sessions", () => {
  it("resolves a live session to its person, and nothing for an expired, unknown or disabled one", async () => {
    const user = await createUser(db, "session");
    await db.session.create({ data: { sessionToken: "live-token", userId: user.id, expires: inAnHour() } });
    await db.session.create({ data: { sessionToken: "old-token", userId: user.id, expires: new Date(Date.now() - 1000) } });
    expect((await actorFromSessionToken(db, "live-token"))?.userId).toBe(user.id);
    expect(await actorFromSessionToken(db, "old-token")).toBeNull();
    expect(await actorFromSessionToken(db, "no-such-token")).toBeNull();
    expect(await actorFromSessionToken(db, undefined)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await actorFromSessionToken(db, "live-token")).toBeNull();
  });

  it("signs a person out of every device, and only them", async () => {
    const user = await createUser(db, "everywhere");
    const other = await createUser(db, "other");
    await db.session.createMany({
      data: [
        { sessionToken: "phone", userId: user.id, expires: inAnHour() },
        { sessionToken: "laptop", userId: user.id, expires: inAnHour() },
        { sessionToken: "other", userId: other.id, expires: inAnHour() },
      ],
    });
    const actor = (await loadActor(db, user.id))!;
    expect(await signOutEverywhere(db, actor)).toEqual({ sessions: 2 });
    expect(await actorFromSessionToken(db, "phone")).toBeNull();
    expect((await actorFromSessionToken(db, "other"))?.userId).toBe(other.id);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signed_out_everywhere" } })).toBe(1);
  });
});
