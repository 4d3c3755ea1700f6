// For command-line tools: the configured database, or the embedded one started for the
// duration of the command (the same data folder the application uses).
import path from "node:path";
import { env } from "@/lib/config/env";
import { projectRoot } from "@/lib/db/schema-engine";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export async function withDatabaseUrl<T>(work: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  const config = env();
  if (config.DATABASE_URL) return work(config.DATABASE_URL, false);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(projectRoot, config.EMBEDDED_DB_DIR),
    port: config.EMBEDDED_DB_PORT,
  });
  try {
    return await work(embedded.url, true);
  } finally {
    await embedded.stop();
  }
}

/** Runs a command-line entry point, printing French errors without a stack trace. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
}
