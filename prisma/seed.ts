// npm run db:seed — demo round and one account per role (listed in README); idempotent.
// Obeys the deployment rule (lib/config/deployment.ts): never on the real service, never on a
// public address unless it is a declared demonstration (APP_ENV=demo).
import { deployment } from "@/lib/config/deployment";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { seedDemo } from "@/lib/demo/seed-demo";
import { seedRenewalDemo } from "@/lib/demo/seed-renewal";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { runCli, withDatabaseUrl } from "@/lib/runtime/database-url";

runCli(async () => {
  const current = deployment();
  if (!current.demoSeeding) {
    throw new Error(
      current.mode === "production"
        ? "Pas de données de démonstration sur le service réel (APP_ENV=production) : rien n'a été créé."
        : current.publicAddress
          ? "APP_URL est une adresse publique : les comptes de démonstration (dont un administrateur) n'y sont créés que pour une démonstration déclarée (APP_ENV=demo). Rien n'a été créé."
          : "SEED_DEMO=false : rien n'a été créé.",
    );
  }
  await withDatabaseUrl(async (url) => {
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
  });
});
