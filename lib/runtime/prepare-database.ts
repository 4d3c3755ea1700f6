// Everything a database needs before the application serves requests: pending migrations,
// the territory of France on an empty database, and demo data when enabled.
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { importTerritories, needsTerritoryImport } from "@/lib/territories/import";
import { seedDemoActivity } from "@/lib/demo/seed-activity";
import { seedDuesDemo } from "@/lib/demo/seed-dues";
import { seedDemoCandidacies } from "@/lib/demo/seed-candidacy";
import { seedDemoCertificates } from "@/lib/demo/seed-certificates";
import { seedDemo, isDemoSeeded } from "@/lib/demo/seed-demo";
import { seedRenewalDemo } from "@/lib/demo/seed-renewal";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";

export type PrepareOptions = { seedDemo: boolean; log?: (line: string) => void };

export async function prepareDatabase(url: string, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const applied = await applyMigrations(url);
  log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Base à jour (aucune migration en attente).");
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (await needsTerritoryImport(db)) {
      log("Import des communes et intercommunalités (COG 2026)…");
      const report = await importTerritories(db);
      log(`  ${report.communes} communes, ${report.epci} EPCI importés en ${(report.ms / 1000).toFixed(1)} s.`);
    }
    const freshDemo = options.seedDemo && !(await isDemoSeeded(db));
    if (freshDemo) {
      await seedDemo(db);
      log("Données de démonstration créées (comptes listés dans le README).");
    }
    // After the demo round exists, so the questionnaire can be tied to it. Cheap when done.
    const questionnaire = await installCurrentQuestionnaire(db);
    if (questionnaire.created) log("Questionnaire IMMUNITE CYBER 2026 installé et publié.");
    // Once the questionnaire is there: the demo commune's file half-way through the year.
    if (freshDemo && (await seedDemoActivity(db))) log("Dossier de démonstration de Saint-Antonin-sur-Bayon rempli à moitié.");
    // Candidacy and review (issue 12): Rognes waiting, Vauvenargues returned, Meyreuil approved.
    if (freshDemo && (await seedDemoCandidacies(db))) log("Candidatures de démonstration : Rognes, Vauvenargues, Meyreuil.");
    // Dues (issue 11), after the candidacies: Saint-Antonin's invoice to pay, Meyreuil paid by
    // transfer — its approved candidacy then gets the label (awardLabelIfEligible).
    if (freshDemo) {
      await seedDuesDemo(db);
      log("Cotisations de démonstration : facture de Saint-Antonin-sur-Bayon, virement de Meyreuil.");
    }
    // Certificates (issue 13), once Meyreuil's label exists: its certificate now (no waiting for
    // the job queue, which starts after), and Puyloubier's revoked one.
    if (freshDemo && (await seedDemoCertificates(db))) log("Certificats de démonstration : Meyreuil délivré, Puyloubier révoqué.");
    // Renewal demo (issue 14): Peynier, labelled in 2025, renews in 2026. Needs the 2026 questionnaire.
    // Idempotent and cheap once done, so a demo database seeded before this feature gets it too.
    if (options.seedDemo && (await seedRenewalDemo(db))) log("Renouvellement de démonstration : Peynier, labellisée en 2025, renouvelle en 2026.");
  } finally {
    await db.$disconnect();
  }
}
