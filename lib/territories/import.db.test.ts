import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { countTerritories, importTerritories, isTerritoryTableEmpty, needsTerritoryImport, type ImportResult } from "./import";

const db = createPrismaClient(process.env.DATABASE_URL!);
let first: ImportResult;
let wasEmpty: boolean;
let neededBefore: boolean;

beforeAll(async () => {
  wasEmpty = await isTerritoryTableEmpty(db);
  neededBefore = await needsTerritoryImport(db);
  first = await importTerritories(db);
  console.log(`Import des territoires (${process.env.DATABASE_URL?.includes(":5432/") ? "PostgreSQL" : "PGlite"}) : ${first.ms} ms`);
});

afterAll(() => db.$disconnect());

async function searchKeyCount(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TerritorySearchKey"`;
  return row!.n;
}

describe("importTerritories", () => {
  it("loads the whole 2026 geographic code", async () => {
    expect(wasEmpty).toBe(true);
    expect(neededBefore).toBe(true);
    expect(await isTerritoryTableEmpty(db)).toBe(false);
    expect(await needsTerritoryImport(db)).toBe(false);
    expect(first).toMatchObject({ regions: 26, departments: 109, communes: 34_969, epci: 1_255, memberships: 34_871 });
    expect(first.territoriesChanged).toBe(34_969 + 1_255);
    expect(await countTerritories(db)).toEqual({ communes: 34_969, epci: 1_255 });
    expect(await db.region.count()).toBe(26);
    expect(await db.department.count()).toBe(109);
    expect(await searchKeyCount()).toBe(first.searchKeys);
  });

  it("attaches communes to their EPCI and gives EPCI a département", async () => {
    const saintEtienne = await db.territory.findUniqueOrThrow({ where: { code: "42218" }, include: { epci: true } });
    expect(saintEtienne).toMatchObject({
      kind: "COMMUNE",
      name: "Saint-Étienne",
      searchName: "saint etienne",
      siren: "214202186",
      departmentCode: "42",
      regionCode: "84",
      epciKind: null,
      cogYear: 2026,
    });
    expect(saintEtienne.postcodes).toContain("42000");
    expect(saintEtienne.population).toBeGreaterThan(150_000);
    expect(saintEtienne.epci).toMatchObject({ code: "244200770", name: "Saint-Étienne Métropole", epciKind: "METRO", departmentCode: "42" });

    const lyon = await db.territory.findUniqueOrThrow({ where: { code: "200046977" }, include: { _count: { select: { members: true } } } });
    expect(lyon).toMatchObject({ kind: "EPCI", epciKind: "METRO", departmentCode: "69", regionCode: "84", postcodes: [] });
    expect(lyon._count.members).toBe(58);

    const ouessant = await db.territory.findUniqueOrThrow({ where: { code: "29155" } });
    expect(ouessant.epciCode).toBeNull();
  });

  it("is idempotent, restores changed data and keeps rows that organizations reference", async () => {
    const organization = await db.organization.create({ data: { territoryCode: "42218", name: "Mairie de Saint-Étienne" } });
    // A later edition of the code no longer lists this commune: its row must survive.
    await db.territory.create({
      data: { code: "42999", kind: "COMMUNE", name: "Ancienne Commune", searchName: "ancienne commune", cogYear: 2025, postcodes: [] },
    });
    await db.organization.create({ data: { territoryCode: "42999", name: "Mairie d'Ancienne Commune" } });
    await db.$executeRaw`INSERT INTO "TerritorySearchKey" ("key", "territoryCode", "wordIndex") VALUES (convert_to('ancienne commune', 'UTF8'), '42999', 0)`;
    await db.territory.update({ where: { code: "42218" }, data: { name: "Saint-Etienne (modifié)", population: 1 } });

    const second = await importTerritories(db);
    console.log(`Second import : ${second.ms} ms`);

    expect({ ...second, ms: 0 }).toEqual({ ...first, ms: 0, territoriesChanged: 1 });
    expect(await countTerritories(db)).toEqual({ communes: 34_969 + 1, epci: 1_255 });
    expect(await searchKeyCount()).toBe(first.searchKeys);
    expect(await db.territory.findUniqueOrThrow({ where: { code: "42218" } })).toMatchObject({
      name: "Saint-Étienne",
      searchName: "saint etienne",
      epciCode: "244200770",
    });
    expect(await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ territoryCode: "42218" });
    // The stale commune stays (with its old edition) but is no longer found by name.
    expect(await db.territory.findUniqueOrThrow({ where: { code: "42999" } })).toMatchObject({ cogYear: 2025 });
    expect(await db.territorySearchKey.count({ where: { territoryCode: "42999" } })).toBe(0);

    const third = await importTerritories(db);
    expect(third.territoriesChanged).toBe(0);
  });

  it("asks for an import when the territories come from an older edition", async () => {
    await db.$executeRaw`UPDATE "Territory" SET "cogYear" = 2025`;
    expect(await needsTerritoryImport(db)).toBe(true);
    await db.$executeRaw`UPDATE "Territory" SET "cogYear" = 2026`;
    expect(await needsTerritoryImport(db)).toBe(false);
  });
});
