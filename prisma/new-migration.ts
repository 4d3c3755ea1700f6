// npm run db:migration -- <name> — writes a new migration from the changes in schema.prisma.
// The database is first brought up to date, then the engine diffs it against the schema.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrationDirectoryName } from "@/lib/db/migration-name";
import { applyMigrations, diffDatabaseToSchema, meaningfulSql, migrationsDir } from "@/lib/db/schema-engine";
import { runCli, withDatabaseUrl } from "@/lib/runtime/database-url";

runCli(async () => {
  const name = migrationDirectoryName(process.argv.slice(2).join(" "));
  await withDatabaseUrl(async (url) => {
    await applyMigrations(url);
    const sql = await diffDatabaseToSchema(url);
    if (!meaningfulSql(sql)) {
      console.log("Aucun changement entre schema.prisma et les migrations : rien à écrire.");
      return;
    }
    const dir = path.join(migrationsDir, name);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Migration écrite : prisma/migrations/${name}/migration.sql\nRelisez-la, puis appliquez-la avec npm run db:migrate.`);
  });
});
