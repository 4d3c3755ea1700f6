// The validated environment for a command-line process: a bad variable stops it with the
// French message that names it (npm start, npm run worker).
import { env, EnvError, type Env } from "@/lib/config/env";

export function configOrExit(): Env {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}\nVoir .env.example pour la liste des variables.`);
      process.exit(1);
    }
    throw error;
  }
}
