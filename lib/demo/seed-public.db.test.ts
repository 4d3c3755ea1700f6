import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadPublicLabels } from "@/lib/public/registry";
import { insertTerritories } from "@/tests/support/world";
import { seedDemo } from "./seed-demo";
import { DEMO_PUBLIC_SERIAL, seedPublicDemo } from "./seed-public";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(async () => {
  await insertTerritories(db);
  await db.territory.createMany({
    data: [
      { code: "13060", kind: "COMMUNE", name: "Meyreuil", searchName: "meyreuil", departmentCode: "13", regionCode: "93", population: 5600, postcodes: ["13590"], cogYear: 2026 },
      { code: "13079", kind: "COMMUNE", name: "Puyloubier", searchName: "puyloubier", departmentCode: "13", regionCode: "93", population: 1900, postcodes: ["13114"], cogYear: 2026 },
    ],
  });
});
afterAll(() => db.$disconnect());

describe("the public pages' fallback demo", () => {
  it("labels Meyreuil and revokes Puyloubier once, and never when labels exist", async () => {
    await seedDemo(db);
    await seedPublicDemo(db);
    const labels = await loadPublicLabels(db);
    expect(labels.map((label) => [label.name, label.certificateSerial])).toEqual([["Meyreuil", DEMO_PUBLIC_SERIAL]]);
    expect(await db.label.count()).toBe(2);
    expect(await db.label.count({ where: { revokedAt: { not: null } } })).toBe(1);
  });
});
