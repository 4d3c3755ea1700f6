// npm run db:seed — demo round and one account per role (listed in README); idempotent.
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { seedDemo } from "@/lib/demo/seed-demo";
import { seedRenewalDemo } from "@/lib/demo/seed-renewal";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { runCli, withDatabaseUrl } from "@/lib/runtime/database-url";

runCli(() =>
  withDatabaseUrl(async (url) => {
    await applyMigrations(url);
    const db = createPrismaClient(url, { max: 2 });
    try {
      const report = await seedDemo(db);
      await installCurrentQuestionnaire(db);
      // Renewal demo (issue 14): after the 2026 questionnaire, which its answers need.
      await seedRenewalDemo(db);
      console.log(`Démo prête : campagne ${report.roundYear}, ${report.accounts.length} comptes.`);
    } finally {
      await db.$disconnect();
    }
  }),
);
