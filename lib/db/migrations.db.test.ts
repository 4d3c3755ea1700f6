import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationFailedError, applyMigrations, diffDatabaseToSchema, meaningfulSql, migrationsDir } from "./schema-engine";

const url = process.env.DATABASE_URL!;
const client = new pg.Client({ connectionString: url });

beforeAll(() => client.connect());
afterAll(() => client.end());

async function tables(): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe("migrations", () => {
  it("migrating an empty database gives exactly what schema.prisma describes", async () => {
    // This file's database was migrated from empty by the test set-up.
    expect(meaningfulSql(await diffDatabaseToSchema(url))).toBe("");
  });

  it("records _prisma_migrations as prisma migrate deploy does", async () => {
    const names = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing when the database is up to date", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  describe("a failing migration", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "ccd-migrations-"));
      await cp(migrationsDir, dir, { recursive: true });
      await mkdir(path.join(dir, "20990101000000_broken"));
      // The first statement succeeds, the second fails: neither may remain.
      await writeFile(
        path.join(dir, "20990101000000_broken", "migration.sql"),
        `CREATE TABLE "Trophy" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`,
      );
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("leaves the database as it was and says so in French", async () => {
      const before = await tables();
      const failure = await applyMigrations(url, dir).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationFailedError);
      expect((failure as Error).message).toContain("20990101000000_broken a échoué et a été annulée");
      expect(await tables()).toEqual(before);
      expect(meaningfulSql(await diffDatabaseToSchema(url))).toBe("");
    });

    it("can be corrected and applied by the next run", async () => {
      await writeFile(path.join(dir, "20990101000000_broken", "migration.sql"), `CREATE TABLE "Trophy" ("id" TEXT PRIMARY KEY);\n`);
      expect(await applyMigrations(url, dir)).toEqual(["20990101000000_broken"]);
      expect(await tables()).toContain("Trophy");
      await client.query(`DROP TABLE "Trophy"`);
      await client.query(`DELETE FROM _prisma_migrations WHERE migration_name = '20990101000000_broken'`);
    });
  });

  describe("check constraints", () => {
    it("refuses a commune with an SIREN-shaped code and an EPCI with an INSEE code", async () => {
      await expect(
        client.query(`INSERT INTO "Territory" (code, kind, name, "searchName", "cogYear") VALUES ('123456789', 'COMMUNE', 'X', 'x', 2026)`),
      ).rejects.toThrow(/Territory_code_format_check/);
      await expect(
        client.query(`INSERT INTO "Territory" (code, kind, name, "searchName", "cogYear") VALUES ('42218', 'EPCI', 'X', 'x', 2026)`),
      ).rejects.toThrow(/Territory_code_format_check/);
      await client.query(`INSERT INTO "Territory" (code, kind, name, "searchName", "cogYear") VALUES ('2A004', 'COMMUNE', 'Ajaccio', 'ajaccio', 2026)`);
      await client.query(`DELETE FROM "Territory" WHERE code = '2A004'`);
    });

    it("refuses a round whose deadline precedes its opening", async () => {
      await expect(
        client.query(
          `INSERT INTO "Round" (id, year, name, "opensAt", "closesAt", "labelValidUntil", "updatedAt")
           VALUES ('r1', 2030, 'Campagne 2030', '2030-06-01', '2030-01-01', '2031-01-01', now())`,
        ),
      ).rejects.toThrow(/Round_dates_check/);
    });
  });
});
