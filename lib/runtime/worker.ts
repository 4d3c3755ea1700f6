// `npm run worker`: the background work alone (job queue and e-mail sender), for a deployment
// that runs N web processes and M workers, on any machines reaching the same DATABASE_URL.
// Stops gracefully on SIGTERM/SIGINT: running jobs finish, unfinished ones return to the queue.
import { env, EnvError } from "@/lib/config/env";
import { startConfiguredWorkers } from "./workers";

const log = (line: string) => console.log(`[ccd-worker] ${line}`);

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
  if (!config.DATABASE_URL) {
    console.error(
      "✖ DATABASE_URL n'est pas définie : un worker séparé se connecte à la base de l'application.\n" +
        "  Avec la base embarquée, `npm start` fait déjà tourner les workers ; sinon définissez DATABASE_URL.",
    );
    process.exit(1);
  }
  const workers = await startConfiguredWorkers(config.DATABASE_URL, log);
  log(`Worker démarré (file de tâches pg-boss, envoi des courriels ${config.SMTP_URL ? "par SMTP" : "vers la boîte de développement"}).`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} reçu : fin des tâches en cours, puis arrêt.`);
    await workers.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
