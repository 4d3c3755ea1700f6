// npm run db:migrate — applies pending migrations (same effect as `prisma migrate deploy`).
import { applyMigrations } from "@/lib/db/schema-engine";
import { runCli, withDatabaseUrl } from "@/lib/runtime/database-url";

runCli(() =>
  withDatabaseUrl(async (url, embedded) => {
    const applied = await applyMigrations(url);
    console.log(`${embedded ? "Base embarquée" : "Base"} : ${applied.length ? `migrations appliquées : ${applied.join(", ")}` : "déjà à jour."}`);
  }),
);
