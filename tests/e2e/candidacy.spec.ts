// The candidacy and its review, end to end: the secretary asks the mayor to submit, the mayor
// submits after the confirmation, a reviewer who belongs to the commune cannot take the file,
// the reviewer takes it and returns it with a comment on the plan, the secretary reads it and
// adds an action, the mayor submits again, the reviewer sees the change and approves. Each run
// works on its own commune, with its file (questionnaire, plan, Champion, dues invoiced) written
// in the database. The e-mails go through the outbox and its worker: they are read from the
// real SMTP server.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { query, unclaimedCommune } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { waitForMessage } from "./support/mailbox";
import { APP_URL } from "./support/stack-config";
import { snapshot } from "./support/snapshot";

const id = (prefix: string) => `e2e-${prefix}-${randomBytes(6).toString("hex")}`;

async function user(email: string, name: string) {
  const userId = id("user");
  await query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [userId, email, name]);
  return userId;
}

/** An active commune with a secretary and a mayor, its four criteria met (dues invoiced). */
async function communeWithFile() {
  const commune = await unclaimedCommune();
  const organizationId = id("candidacy");
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [organizationId, commune.code, commune.name]);
  const people = { secretary: uniqueEmail("secretaire"), mayor: uniqueEmail("maire") };
  for (const [email, role, name] of [
    [people.secretary, "SECRETARY", "Sophie Secrétaire"],
    [people.mayor, "MAYOR", "Jean Maire"],
  ] as const) {
    await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, $4)`, [id("membership"), await user(email, name), organizationId, role]);
  }
  const [round] = await query<{ id: string; questionnaireVersionId: string }>(`SELECT id, "questionnaireVersionId" FROM "Round" WHERE year = 2026`);
  await query(
    `INSERT INTO "Assessment" (id, "organizationId", "roundId", "versionId", status, "sizeBand", "territoryKind", "completedAt", score, "updatedAt")
     VALUES ($1, $2, $3, $4, 'COMPLETED', 'UNDER_1000', 'COMMUNE', now(), 48, now())`,
    [id("assessment"), organizationId, round!.id, round!.questionnaireVersionId],
  );
  const planId = id("plan");
  await query(`INSERT INTO "ActionPlan" (id, "organizationId", "updatedAt") VALUES ($1, $2, now())`, [planId, organizationId]);
  const keys = await query<{ key: string }>(`SELECT key FROM "Question" WHERE "versionId" = $1 ORDER BY position LIMIT 2`, [round!.questionnaireVersionId]);
  for (const [index, title] of ["Inventorier les postes et les logiciels", "Activer la double authentification"].entries()) {
    const actionId = id("action");
    await query(`INSERT INTO "Action" (id, "planId", "organizationId", title, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [actionId, planId, organizationId, title]);
    await query(`INSERT INTO "ActionCriterion" ("actionId", "questionKey") VALUES ($1, $2)`, [actionId, keys[index]!.key]);
  }
  await query(
    `INSERT INTO "ChampionDesignation" (id, "organizationId", name, function, email, "isElected", status, "tokenHash", "tokenExpiresAt", "respondedAt")
     VALUES ($1, $2, 'Claire Bernard', 'Conseillère municipale', $3, true, 'ACCEPTED', $4, now(), now())`,
    [id("champion"), organizationId, uniqueEmail("champion"), randomBytes(16).toString("hex")],
  );
  await query(`INSERT INTO "Dues" (id, "organizationId", "roundId", "amountCents", "invoiceNumber", status) VALUES ($1, $2, $3, 5000, $4, 'DUE')`, [id("dues"), organizationId, round!.id, `E2E-${randomBytes(5).toString("hex")}`]);
  return { ...commune, organizationId, ...people };
}

async function reviewerAccount(email: string, organizationId?: string) {
  const userId = await user(email, organizationId ? "Relectrice de la commune" : "Anne Relectrice");
  await query(`INSERT INTO "AssociationRoleGrant" (id, "userId", role) VALUES ($1, $2, 'REVIEWER')`, [id("grant"), userId]);
  if (organizationId) await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'CYBER_CHAMPION')`, [id("membership"), userId, organizationId]);
}

async function submit(page: Page, label: RegExp) {
  const form = page.getByRole("form", { name: label });
  await expect(form.getByText("le plan d’action")).toBeVisible();
  await expect(form.getByRole("button", { name: label })).toBeDisabled();
  await form.getByLabel("J’ai vérifié le dossier et je le dépose au nom de la commune.").check();
  await form.getByRole("button", { name: label }).click();
  // The form gives way to the file's new state once the server accepted it.
  await expect(page.getByText("Dossier déposé, en attente d’examen")).toBeVisible();
}

test("la secrétaire demande, le maire dépose, le relecteur renvoie puis accepte après compléments", async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  const commune = await communeWithFile();
  const candidacyPage = `/espace/organisations/${commune.organizationId}/candidature`;
  const reviewPage = `/espace/examen/${commune.organizationId}`;
  const mayor = await newPerson(browser, "maire");
  const reviewer = await newPerson(browser, "relecteur");
  const insider = await newPerson(browser, "relectrice-membre");
  await reviewerAccount(reviewer.email);
  await reviewerAccount(insider.email, commune.organizationId);

  await test.step("la secrétaire voit les quatre critères et demande au maire de déposer", async () => {
    await signInByEmail(page, commune.secretary, { retour: candidacyPage });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidature au label 2026");
    await expect(page.getByText("3 critères remplis sur 4")).toBeVisible();
    await expect(page.getByText(/Facture n° E2E-.* émise, en attente du paiement/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Cotisation" })).toBeVisible();
    await expect(page.getByText("Seul le maire dépose la candidature (Jean Maire)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Déposer la candidature" })).toHaveCount(0);
    const since = Date.now();
    await page.getByRole("button", { name: "Demander au maire de déposer" }).click();
    await expect(page.getByRole("status")).toContainText("Le maire a reçu un courriel");
    const ask = await waitForMessage(commune.mayor, { since, subject: /le dossier est prêt à être déposé/ });
    expect(ask.text).toContain("Sophie Secrétaire a préparé le dossier");
    expect(ask.text).toContain(`${APP_URL}${candidacyPage}`);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "candidature-secretaire");
  });

  await test.step("le maire dépose après la confirmation", async () => {
    await signInByEmail(mayor.page, commune.mayor, { retour: candidacyPage });
    await expectNoAxeViolation(mayor.page);
    const since = Date.now();
    await submit(mayor.page, /^Déposer la candidature$/);
    await waitForMessage(commune.secretary, { since, subject: /Candidature au label 2026 de .* déposée/ });
    await waitForMessage(commune.mayor, { since, subject: /Candidature au label 2026 de .* déposée/ });
    await expectNoAxeViolation(mayor.page);
  });

  await test.step("une relectrice membre de la commune ne peut pas prendre le dossier", async () => {
    await signInByEmail(insider.page, insider.email, { retour: reviewPage });
    await expect(insider.page.getByText("Vous êtes membre de cette organisation : vous ne pouvez ni prendre ni décider ce dossier.")).toBeVisible();
    await expect(insider.page.getByRole("button", { name: "Je prends ce dossier" })).toHaveCount(0);
    await expect(insider.page.getByRole("heading", { name: "Votre décision" })).toHaveCount(0);
    await expectNoAxeViolation(insider.page);
  });

  await test.step("le relecteur trouve le dossier dans la file, le prend et le renvoie avec un commentaire sur le plan", async () => {
    await signInByEmail(reviewer.page, reviewer.email, { retour: "/espace/examen" });
    await expect(reviewer.page.getByRole("banner").getByRole("link", { name: "Dossiers à examiner" })).toBeVisible();
    await reviewer.page.getByLabel("Département").selectOption(commune.departmentCode);
    // Earlier runs leave files in the same database: the newest first.
    await reviewer.page.getByLabel("Ordre").selectOption("recents");
    await reviewer.page.getByRole("button", { name: "Filtrer" }).click();
    await expect(reviewer.page).toHaveURL(new RegExp(`departement=${commune.departmentCode}`));
    await expectNoAxeViolation(reviewer.page);
    await snapshot(reviewer.page, testInfo, "file-d-attente");
    await reviewer.page.getByRole("link", { name: commune.name, exact: true }).click();
    await expect(reviewer.page).toHaveURL(new RegExp(`${reviewPage}$`));
    await reviewer.page.getByRole("button", { name: "Je prends ce dossier" }).click();
    await expect(reviewer.page.getByText("Dossier pris par vous")).toBeVisible();
    await expectNoAxeViolation(reviewer.page);

    const decision = reviewer.page.getByRole("region", { name: "Votre décision" });
    await decision.getByLabel("Renvoyer pour compléments").check();
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(decision.getByRole("alert")).toContainText("écrivez au moins un commentaire");
    await decision.getByRole("group", { name: "Plan d’action" }).getByLabel(/^Commentaire pour la commune/).fill("Ajoutez une action sur la sauvegarde hors ligne.");
    await decision.getByRole("group", { name: "Plan d’action" }).getByLabel("Critère rempli").uncheck();
    const since = Date.now();
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(reviewer.page.getByRole("region", { name: "Décisions précédentes" })).toContainText("Renvoyée pour compléments");
    const returned = await waitForMessage(commune.secretary, { since, subject: /des compléments sont demandés/ });
    expect(returned.text).toContain("Plan d’action : Ajoutez une action sur la sauvegarde hors ligne.");
    await waitForMessage(commune.mayor, { since, subject: /des compléments sont demandés/ });
    await snapshot(reviewer.page, testInfo, "examen-renvoye");
  });

  await test.step("la secrétaire lit le commentaire et ajoute une action", async () => {
    await page.goto(candidacyPage);
    await expect(page.getByText("Ajoutez une action sur la sauvegarde hors ligne.")).toBeVisible();
    await expectNoAxeViolation(page);
    await page.goto(`/espace/organisations/${commune.organizationId}/plan-d-action`);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Créer l’action" }) });
    await form.getByLabel("Titre de l’action").fill("Sauvegarder hors ligne chaque semaine");
    await form.locator("details summary").first().click();
    await form.locator("details").first().getByRole("checkbox").nth(2).check();
    await form.getByRole("button", { name: "Créer l’action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sauvegarder hors ligne chaque semaine");
  });

  await test.step("le maire dépose de nouveau", async () => {
    await mayor.page.goto(candidacyPage);
    await expect(mayor.page.getByText("Le relecteur demande des compléments")).toBeVisible();
    await submit(mayor.page, /^Déposer de nouveau/);
    await expect(mayor.page.getByText("(version 2)")).toBeVisible();
  });

  await test.step("le relecteur voit ce qui a changé et accepte", async () => {
    await reviewer.page.goto(reviewPage);
    const plan = reviewer.page.getByRole("region", { name: /^Plan d’action · / });
    await expect(plan).toContainText("Changé depuis la version 1");
    await expect(plan).toContainText("Action ajoutée : « Sauvegarder hors ligne chaque semaine » (à lancer).");
    await expectNoAxeViolation(reviewer.page);
    await snapshot(reviewer.page, testInfo, "examen-version-2");
    const decision = reviewer.page.getByRole("region", { name: "Votre décision" });
    await decision.getByLabel("Accepter la candidature").check();
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(reviewer.page.getByRole("heading", { level: 1 })).toHaveText(`Candidature de ${commune.name}`);
    await expect(reviewer.page.getByText(/Acceptée · version 2/)).toBeVisible();
  });

  await test.step("la commune voit la candidature acceptée ; le label attend la cotisation", async () => {
    await mayor.page.goto(`/espace/organisations/${commune.organizationId}`);
    await expect(mayor.page.getByText("Candidature 2026 : Acceptée")).toBeVisible();
    await expect(mayor.page.getByText("le label sera obtenu à réception du paiement de la cotisation")).toBeVisible();
    await expectNoAxeViolation(mayor.page);
    await snapshot(mayor.page, testInfo, "organisation-acceptee");
  });
});
