// Gives each database test file its own migrated, empty database, and sets DATABASE_URL
// before the file is imported. Files never see each other's rows.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { databaseUrl, uniqueDatabaseName } from "./database-names";

if (inject("dbKind") === "pglite") {
  const dump = await readFile(inject("pgliteDumpPath"));
  const embedded = await startEmbeddedPostgres({ loadDataDir: new Blob([dump]) });
  process.env.DATABASE_URL = embedded.url;
  afterAll(() => embedded.stop());
} else {
  const serverUrl = inject("postgresUrl");
  const name = uniqueDatabaseName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl(serverUrl, name);
  afterAll(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
}
