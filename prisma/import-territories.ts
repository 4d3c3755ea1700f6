// npm run db:import-territories — (re)imports communes and EPCI; safe to run again.
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { runCli, withDatabaseUrl } from "@/lib/runtime/database-url";
import { importTerritories } from "@/lib/territories/import";

runCli(() =>
  withDatabaseUrl(async (url) => {
    await applyMigrations(url);
    const db = createPrismaClient(url, { max: 2 });
    try {
      const report = await importTerritories(db, { log: (line) => console.log(line) });
      console.log(`${report.communes} communes, ${report.epci} EPCI, ${report.memberships} adhésions en ${(report.ms / 1000).toFixed(1)} s.`);
    } finally {
      await db.$disconnect();
    }
  }),
);
