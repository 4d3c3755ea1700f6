// Migrates one in-memory PGlite, dumps it; each test file then starts its own copy.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/schema-engine";

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ccd-pglite-"));
  const embedded = await startEmbeddedPostgres();
  await applyMigrations(embedded.url);
  const dump = await embedded.db.dumpDataDir("none");
  await embedded.stop();
  const dumpPath = path.join(dir, "migrated.tar");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbKind", "pglite");
  project.provide("pgliteDumpPath", dumpPath);
  return async () => rm(dir, { recursive: true, force: true });
}
