import { fileURLToPath } from "node:url";
import pg from "pg";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Database tests run on the real PostgreSQL too when one answers; in CI it must. */
async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export default defineConfig(async () => {
  const withPostgres = process.env.CI === "true" || (await postgresAvailable());
  if (!withPostgres) {
    console.warn(`\n⚠ Aucun PostgreSQL à ${testPostgresUrl} : les tests de base de données ne tournent que sur PGlite.\n`);
  }
  const dbProject = (name: string, kind: "pglite" | "postgres") => ({
    extends: true as const,
    test: {
      name,
      include: ["lib/**/*.db.test.ts", "prisma/**/*.db.test.ts", "tests/db/**/*.db.test.ts", "tests/isolation/**/*.db.test.ts"],
      globalSetup: [`tests/support/global-setup-${kind}.ts`],
      setupFiles: ["tests/support/database-per-file.ts"],
      testTimeout: 60_000,
      hookTimeout: 180_000,
      // As Playwright does in CI: one retry for a database test that lost a race with the 2-core
      // machine's load; a real failure still fails twice, and Vitest lists what it retried. The
      // one case seen failing (openRoundAction) was not load but two arranges sharing a year,
      // fixed in tests/isolation/cases-dues.ts.
      retry: process.env.CI === "true" ? 1 : 0,
    },
  });
  return {
    resolve: {
      alias: {
        "@/": `${root}`,
        // Modules marked server-only are plain modules under test.
        "server-only": `${root}tests/support/server-only.ts`,
      },
    },
    test: {
      environment: "node",
      projects: [
        {
          extends: true as const,
          test: {
            name: "unit",
            include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
            exclude: ["**/*.db.test.ts", "**/node_modules/**"],
            // PDF rendering and the embedded database start take seconds on a busy 2-core machine.
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        dbProject("db-pglite", "pglite"),
        ...(withPostgres ? [dbProject("db-postgres", "postgres")] : []),
      ],
    },
  };
});
