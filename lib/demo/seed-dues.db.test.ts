import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/create-client";
import { duesBoard } from "@/lib/dues/treasury";
import { insertTerritories } from "@/tests/support/world";
import { DEMO_COMMUNES } from "./organizations";
import { DEMO_COMMUNE_CODE, seedDemo } from "./seed-demo";
import { seedDuesDemo } from "./seed-dues";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(async () => {
  await insertTerritories(db);
  await db.territory.create({
    data: { code: DEMO_COMMUNES.MEYREUIL, kind: "COMMUNE", name: "Meyreuil", searchName: "meyreuil", siren: "211300603", departmentCode: "13", regionCode: "93", population: 5600, postcodes: ["13590"], cogYear: 2026, epciCode: "200054807" },
  });
});
afterAll(() => db.$disconnect());

describe("the dues demo", () => {
  it("gives Saint-Antonin an unpaid invoice and Meyreuil a transfer that paid it, once; the treasurer sees both", async () => {
    await seedDemo(db);
    await seedDuesDemo(db);
    const counts = () => Promise.all([db.invoice.count(), db.payment.count(), db.outboxMessage.count(), db.auditEvent.count()]);
    const before = await counts();
    await seedDuesDemo(db);
    expect(await counts()).toEqual(before);

    const treasurerUser = await db.user.findUniqueOrThrow({ where: { email: "tresorier@demo.ccd.test" } });
    const board = (await duesBoard(db, (await loadActor(db, treasurerUser.id))!))!;
    const byCode = (code: string) => board.rows.find((row) => row.territoryCode === code)!;
    expect(byCode(DEMO_COMMUNE_CODE)).toMatchObject({ status: "ISSUED", amountCents: 5_000, paidCents: 0 });
    expect(byCode(DEMO_COMMUNES.MEYREUIL)).toMatchObject({ status: "PAID", amountCents: 20_000, paidCents: 20_000, methods: ["TRANSFER"] });
    const billing = await db.billingDetails.findFirstOrThrow({ where: { organization: { territoryCode: DEMO_COMMUNES.MEYREUIL } } });
    expect(billing.siret.startsWith("211300603")).toBe(true);
  });
});
