import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./create-client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});
afterAll(() => embedded.stop());

describe("the embedded PostgreSQL under concurrent connections", () => {
  it("keeps each connection's extended-protocol messages together", async () => {
    // Ten connections sending parameterised queries with different parameter counts at once:
    // interleaved Parse/Bind messages fail with "bind message supplies N parameters…".
    const pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
    try {
      const queries = Array.from({ length: 300 }, (_, index) => {
        const count = (index % 4) + 1;
        const params = Array.from({ length: count }, (_, position) => position + index);
        const sql = `SELECT ${params.map((_, position) => `$${position + 1}::int`).join(" + ")} AS total`;
        return pool.query<{ total: number }>(sql, params).then((result) => result.rows[0]!.total);
      });
      const totals = await Promise.all(queries);
      expect(totals).toEqual(Array.from({ length: 300 }, (_, index) => Array.from({ length: (index % 4) + 1 }, (_, position) => position + index).reduce((a, b) => a + b, 0)));

      // Transactions of several connections still see only their own work.
      // Prisma's driver adapter describes a statement, then binds it, in separate round trips.
      const prisma = createPrismaClient(embedded.url, { max: 10 });
      try {
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, index) =>
            index % 2 === 0
              ? prisma.$queryRawUnsafe<{ total: number }[]>("SELECT $1::int + $2::int AS total", index, 1)
              : prisma.$queryRawUnsafe<{ total: number }[]>("SELECT $1::int + $2::int + $3::int AS total", index, 1, 1),
          ),
        );
        expect(results.map((rows) => rows[0]!.total)).toEqual(Array.from({ length: 200 }, (_, index) => index + (index % 2 === 0 ? 1 : 2)));
      } finally {
        await prisma.$disconnect();
      }

      // Transactions interleaved with plain parameterised queries of other connections: a
      // transaction starting between another connection's Parse and Bind used to replace its
      // unnamed statement.
      await pool.query("CREATE TABLE counter (id int primary key, value int)");
      await pool.query("INSERT INTO counter VALUES (1, 0)");
      const transactions = Array.from({ length: 20 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ value: number }>("SELECT value FROM counter WHERE id = $1 FOR UPDATE", [1]);
          await client.query("UPDATE counter SET value = $1 WHERE id = $2", [rows[0]!.value + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      });
      const prismaTransactions = createPrismaClient(embedded.url, { max: 5 });
      try {
        const mixed = await Promise.all([
          ...transactions,
          ...Array.from({ length: 100 }, (_, index) =>
            prismaTransactions.$transaction(async (tx) => {
              const [row] = await tx.$queryRawUnsafe<{ total: number }[]>("SELECT $1::int + $2::int + $3::int AS total", index, 1, 1);
              return row!.total;
            }),
          ),
          ...Array.from({ length: 100 }, (_, index) =>
            prismaTransactions.$queryRawUnsafe<{ total: number }[]>("SELECT $1::int + $2::int AS total", index, 1).then((rows) => rows[0]!.total),
          ),
        ]);
        expect(mixed.slice(20)).toEqual([...Array.from({ length: 100 }, (_, index) => index + 2), ...Array.from({ length: 100 }, (_, index) => index + 1)]);
      } finally {
        await prismaTransactions.$disconnect();
      }
      expect((await pool.query("SELECT value FROM counter")).rows[0].value).toBe(20);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
