import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { importTerritories } from "./import";
import { parseTerritoryQuery } from "./search-query";
import { searchTerritories, territorySearchSql, type TerritorySearchResult } from "./search";

const db = createPrismaClient(process.env.DATABASE_URL!);

beforeAll(async () => {
  await importTerritories(db);
});

afterAll(() => db.$disconnect());

async function search(query: unknown, options?: Parameters<typeof searchTerritories>[2]): Promise<TerritorySearchResult[]> {
  const outcome = await searchTerritories(db, query, options);
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return outcome.results;
}

const codes = (results: TerritorySearchResult[]) => results.map((result) => result.code);

describe("searchTerritories: ranking", () => {
  it("finds Saint-Étienne first however it is typed", async () => {
    for (const query of ["saint etienne", "Saint-Étienne", "SAINT-ETIENNE", "  saint   étienne ", "Saint Etienne"]) {
      expect((await search(query))[0]?.code, query).toBe("42218");
    }
  });

  it("returns the fields the interface shows", async () => {
    const [saintEtienne] = await search("saint etienne");
    expect(saintEtienne).toMatchObject({
      code: "42218",
      kind: "COMMUNE",
      name: "Saint-Étienne",
      departmentCode: "42",
      departmentName: "Loire",
      epciKind: null,
      epciCode: "244200770",
      epciName: "Saint-Étienne Métropole",
      match: "name",
    });
    expect(saintEtienne!.postcodes).toContain("42000");
    expect(saintEtienne!.population).toBeGreaterThan(150_000);
  });

  it("puts the exact name first, then names that start with the query, then later words", async () => {
    const results = await search("lyon", { limit: 20 });
    expect(results[0]?.code).toBe("69123");
    // Lyons-la-Forêt (756 inhabitants) starts with "lyon": before Sainte-Foy-lès-Lyon (21,000).
    expect(codes(results).indexOf("27377")).toBeLessThan(codes(results).indexOf("69202"));
    expect(codes(results)).toContain("200046977");
  });

  it("finds Paris by name, and by one of its postcodes", async () => {
    expect((await search("paris"))[0]?.code).toBe("75056");
    expect(await search("75001")).toMatchObject([{ code: "75056", match: "postcode" }]);
    expect((await search("75116"))[0]?.code).toBe("75056");
  });

  it("finds a commune by INSEE code, Corsica included", async () => {
    expect(await search("42218")).toMatchObject([{ code: "42218", match: "code" }]);
    expect((await search("2a004"))[0]).toMatchObject({ code: "2A004", name: "Ajaccio", match: "code" });
  });

  it("puts the commune with that INSEE code before the communes with that postcode, largest first", async () => {
    const results = await search("01400", { limit: 20 });
    expect(results[0]).toMatchObject({ code: "01400", match: "code" });
    const byPostcode = results.slice(1);
    expect(byPostcode.length).toBeGreaterThan(5);
    expect(byPostcode.every((result) => result.match === "postcode" && result.postcodes.includes("01400"))).toBe(true);
    const populations = byPostcode.map((result) => result.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("finds a territory by SIREN, EPCI or commune, spaced or not", async () => {
    expect(await search("244200770")).toMatchObject([{ code: "244200770", kind: "EPCI", match: "code" }]);
    expect((await search("244 200 770"))[0]?.code).toBe("244200770");
    expect(await search("214202186")).toMatchObject([{ code: "42218", match: "code" }]);
  });

  it("finds Saint-Étienne by its second word, before Saint-Étienne Métropole", async () => {
    const results = await search("etienne", { limit: 20 });
    expect(results[0]?.code).toBe("42218");
    expect(codes(results)).toContain("244200770");
  });

  it("finds EPCI by their name, also spelled out", async () => {
    expect((await search("metropole de lyon"))[0]).toMatchObject({ code: "200046977", kind: "EPCI", epciKind: "METRO", departmentName: "Rhône" });
    expect((await search("Communauté de communes Faucigny"))[0]?.code).toBe("200000172");
    expect((await search("cc faucigny"))[0]?.code).toBe("200000172");
  });

  it("filters by kind", async () => {
    const epci = await search("saint etienne", { kind: "EPCI" });
    expect(epci[0]?.code).toBe("244200770");
    expect(epci.every((result) => result.kind === "EPCI")).toBe(true);
    const communes = await search("metropole", { kind: "COMMUNE" });
    expect(communes.every((result) => result.kind === "COMMUNE")).toBe(true);
  });

  it("returns 10 results by default, 20 at most", async () => {
    expect(await search("saint")).toHaveLength(10);
    expect(await search("saint", { limit: 500 })).toHaveLength(20);
    expect(await search("saint", { limit: 0 })).toHaveLength(1);
    expect(await search("saint", { limit: 3 })).toHaveLength(3);
  });
});

describe("searchTerritories: queries that find nothing or are refused", () => {
  it("finds nothing for an unknown code or name", async () => {
    expect(await searchTerritories(db, "99999")).toEqual({ ok: true, results: [] });
    expect(await searchTerritories(db, "999999999")).toEqual({ ok: true, results: [] });
    expect(await searchTerritories(db, "zzzzqx")).toEqual({ ok: true, results: [] });
  });

  it("answers a French message instead of throwing", async () => {
    expect(await searchTerritories(db, "x".repeat(10_000))).toEqual({ ok: false, message: "La recherche est limitée à 100 caractères." });
    expect(await searchTerritories(db, "a")).toEqual({ ok: false, message: "Saisissez au moins 2 caractères." });
    expect(await searchTerritories(db, "   ")).toEqual({ ok: false, message: "Saisissez au moins 2 caractères." });
    for (const input of [undefined, null, 42, { q: "paris" }]) {
      const outcome = await searchTerritories(db, input);
      expect(outcome.ok).toBe(false);
    }
  });

  it("treats SQL as text", async () => {
    // Wildcards and backslashes are punctuation to the normalization, never patterns.
    for (const query of [`'; DROP TABLE "Territory"; --`, "pa%", "pa_is", "pa\\ris", "paris' OR '1'='1"]) {
      const outcome = await searchTerritories(db, query);
      expect(outcome.ok, query).toBe(true);
    }
    expect((await search("paris"))[0]?.code).toBe("75056");
  });
});

describe("searchTerritories: query plan", () => {
  it("reads the search keys through their primary key index", async () => {
    for (const query of ["saint et", "etienne", "sa"]) {
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ${territorySearchSql(parseTerritoryQuery(query), { limit: 10, kind: null })}`,
      );
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text, text).toContain("TerritorySearchKey_pkey");
      expect(text, text).not.toMatch(/Seq Scan on "TerritorySearchKey"/);
    }
  });

  it("reads postcodes through their GIN index", async () => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN ${territorySearchSql(parseTerritoryQuery("42100"), { limit: 10, kind: null })}`,
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Territory_postcodes_idx");
  });
});
