// `npm start` / `npm run dev`: one command from a fresh clone to a running application.
// Without DATABASE_URL it starts the embedded PostgreSQL (data under .data/), then applies
// migrations, imports the territories and seeds the demo on an empty database, builds if
// needed, and runs Next with DATABASE_URL pointing at the database it prepared. The background
// work (job queue, e-mail sender) runs in this process unless JOB_WORKERS=false.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env, shouldSeedDemo, EnvError } from "@/lib/config/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { projectRoot } from "@/lib/db/schema-engine";
import { ensureJobSchema } from "@/lib/jobs/worker";
import { prepareDatabase } from "./prepare-database";
import { startConfiguredWorkers } from "./workers";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[ccd] ${line}`);

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}\nVoir .env.example pour la liste des variables.`);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedPostgres | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(projectRoot, config.EMBEDDED_DB_DIR);
    log(`Base embarquée (PGlite) : ${path.relative(projectRoot, dataDir)}, port ${config.EMBEDDED_DB_PORT}`);
    embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_DB_PORT });
    url = embedded.url;
  }

  await prepareDatabase(url, { seedDemo: shouldSeedDemo(config), log });
  // The job queue's tables live in the same database (schema "pgboss"); a web-only process
  // still creates them, so the first enqueued job has somewhere to go.
  const workers = config.JOB_WORKERS === false ? undefined : await startConfiguredWorkers(url, log);
  if (workers) log("Tâches de fond et envoi des courriels : dans ce processus (JOB_WORKERS=false pour les séparer).");
  else {
    await ensureJobSchema(url);
    log("Tâches de fond : lancez `npm run worker` (JOB_WORKERS=false).");
  }

  const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(config.PORT),
    AUTH_SECRET: config.AUTH_SECRET ?? (await localAuthSecret()),
    // This machine may be offline; nothing leaves it unasked.
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev && !existsSync(path.join(projectRoot, ".next/BUILD_ID"))) {
    log("Première exécution : construction de l'application (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, env: childEnv, stdio: "inherit" });
    if (build.status !== 0) throw new Error("La construction de l'application a échoué (voir ci-dessus).");
  }

  const args = dev ? ["dev", "-p", String(config.PORT)] : ["start", "-p", String(config.PORT)];
  const next = spawn(process.execPath, [nextBin, ...args], { cwd: projectRoot, env: childEnv, stdio: "inherit" });
  log(`Application : ${config.APP_URL}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    // Running jobs finish (or return to the queue) before the database goes away.
    await workers?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
}

/** Outside production a secret is generated once and kept under .data/, so sessions survive restarts. */
async function localAuthSecret(): Promise<string> {
  const file = path.join(projectRoot, ".data/auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
