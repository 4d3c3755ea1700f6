// The renewal in the browser: Peynier (demo), labelled in 2025, opens its candidacy, sees its
// progression per theme and what it still lacks, completes one action with evidence and sees the
// score change; the mayor submits, a reviewer sees the progression beside the file and approves.
// The administrators' criteria editor refuses contradictory criteria in French and freezes those
// of the open round. axe on each new view.
// The e2e database is shared by every spec and survives runs: the test puts Peynier's file back
// as the demo left it (action under way, file withdrawn for the mayor, invoice issued) first, so
// it can run again.
import { randomBytes } from "node:crypto";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, organizationIdFor, query } from "./support/db";
import { expect, newPerson, test } from "./support/fixtures";
import { snapshot } from "./support/snapshot";

const SECRETARY = "secretaire.peynier@demo.ccd.test";
const MAYOR = "maire.peynier@demo.ccd.test";
const ADMIN = "admin@demo.ccd.test";
const ACTION_TITLE = "Sensibiliser les agents au hameçonnage";
const EVIDENCE_LABEL = "Support de la séance de sensibilisation du 12 mars";

/** Peynier's 2026 file back in the mayor's hands (withdrawn), its invoice issued. */
async function resetPeynierFile(organizationId: string) {
  const [round] = await query<{ id: string }>(`SELECT id FROM "Round" WHERE year = 2026`);
  await query(
    `UPDATE "Candidacy" SET status = 'WITHDRAWN', "withdrawnAt" = now(), "assignedReviewerId" = NULL, "assignedAt" = NULL, "decidedAt" = NULL
      WHERE "organizationId" = $1 AND "roundId" = $2 AND status <> 'DRAFT'`,
    [organizationId, round!.id],
  );
  await query(
    `INSERT INTO "Dues" (id, "organizationId", "roundId", "amountCents", "invoiceNumber", status) VALUES ($1, $2, $3, 10000, $4, 'DUE')
     ON CONFLICT ("organizationId", "roundId") DO NOTHING`,
    [`e2e-dues-${randomBytes(6).toString("hex")}`, organizationId, round!.id, `E2E-PEYNIER-${randomBytes(4).toString("hex")}`],
  );
}

async function resetPeynierAction(organizationId: string) {
  const [action] = await query<{ id: string }>(`SELECT id FROM "Action" WHERE "organizationId" = $1 AND title = $2`, [organizationId, ACTION_TITLE]);
  await query(`DELETE FROM "ActionEvidence" WHERE "actionId" = $1 AND label = $2`, [action!.id, EVIDENCE_LABEL]);
  await query(`UPDATE "Action" SET status = 'IN_PROGRESS', progress = 60, "completedAt" = NULL WHERE id = $1`, [action!.id]);
  return action!.id;
}

test("la commune qui renouvelle voit sa progression, termine une action avec sa preuve, le maire dépose, le relecteur accepte", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const organizationId = await organizationIdFor("13072");
  const actionId = await resetPeynierAction(organizationId);
  await resetPeynierFile(organizationId);
  await forgetSignInRequests(SECRETARY);
  await forgetSignInRequests(MAYOR);
  const candidacyPage = `/espace/organisations/${organizationId}/candidature`;
  await signInByEmail(page, SECRETARY, { retour: candidacyPage });

  const section = page.getByRole("region", { name: "Votre progression depuis votre dernier label" });
  await test.step("la candidature dit le renouvellement : progression par thème et ce qui manque", async () => {
    await expect(section).toBeVisible();
    await expect(section).toContainText("Renouvellement. Votre collectivité a obtenu le label en 2025.");
    await expect(section.getByTestId("progression-score")).toHaveText("80 / 100");
    const execution = section.getByTestId("progression-criteria").getByRole("listitem").first();
    await expect(execution).toContainText("Pas encore rempli : Actions réalisées depuis le dernier label");
    await expect(execution).toContainText("Ce qui manque : Réalisez encore 1 action et joignez-leur une preuve.");
    const table = section.getByRole("table", { name: /Score sur 100 de chaque thème en 2025 et en 2026/ });
    await expect(table.getByRole("row", { name: /Mots de passe/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /Score global/ })).toContainText("41");
    await expect(section.getByText("Questions nouvelles en 2026 (1)")).toBeVisible();
    await expect(section.getByText("Questions retirées depuis 2025 (1)")).toBeVisible();
    await expect(section.getByRole("region", { name: "Les critères de renouvellement de cette campagne" })).toContainText("Actions réalisées depuis le dernier label (40 points)");
    await expect(section.getByTestId("progression-done")).toContainText("Activer la double authentification sur la messagerie — réalisée le 18 septembre 2025");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "1-candidature-progression", [1280, 375]);
  });

  await test.step("une action terminée, avec sa preuve", async () => {
    await page.goto(`/espace/organisations/${organizationId}/plan-d-action/${actionId}`);
    await page.getByLabel("Ce que montre le lien").fill(EVIDENCE_LABEL);
    await page.getByLabel("Adresse du lien").fill("https://www.cybermalveillance.gouv.fr/tous-nos-contenus/kits-de-sensibilisation");
    await page.getByRole("button", { name: "Ajouter le lien" }).click();
    await expect(page.getByTestId("evidences")).toContainText(EVIDENCE_LABEL);
    await page.getByRole("radio", { name: "Fait" }).check();
    await expect(page.getByTestId("save-status")).toHaveText("Enregistré");
  });

  await test.step("« Calculer ma progression » sur les résultats : le critère est rempli, le score monte", async () => {
    await page.goto(`/espace/organisations/${organizationId}/questionnaire/resultats`);
    await expect(section.getByTestId("progression-score")).toHaveText("100 / 100");
    await section.getByRole("button", { name: "Calculer ma progression" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Progression" })).toContainText("Progression recalculée");
    await expect(section.getByTestId("progression-score")).toHaveText("100 / 100");
    await expect(section.getByTestId("progression-criteria").getByRole("listitem").first()).toContainText("Rempli : Actions réalisées depuis le dernier label");
    await expect(section.getByTestId("progression-done")).toContainText(ACTION_TITLE);
    await expectNoAxeViolation(page);
  });

  const reviewer = await newPerson(browser, "relecteur-renouvellement");
  const reviewerId = `e2e-user-${randomBytes(6).toString("hex")}`;
  await query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'Anne Relectrice', now())`, [reviewerId, reviewer.email]);
  await query(`INSERT INTO "AssociationRoleGrant" (id, "userId", role) VALUES ($1, $2, 'REVIEWER')`, [`e2e-grant-${randomBytes(6).toString("hex")}`, reviewerId]);

  await test.step("le maire dépose le renouvellement", async () => {
    const mayor = await newPerson(browser, "maire-peynier");
    await signInByEmail(mayor.page, MAYOR, { retour: candidacyPage });
    const form = mayor.page.getByRole("form", { name: /^Déposer (la candidature|de nouveau)/ });
    await expect(form).toContainText("votre progression depuis votre dernier label");
    await form.getByLabel("J’ai vérifié le dossier et je le dépose au nom de la commune.").check();
    await form.getByRole("button", { name: /^Déposer (la candidature|de nouveau)/ }).click();
    await expect(mayor.page.getByText("Dossier déposé, en attente d’examen")).toBeVisible();
    const [candidacy] = await query<{ isRenewal: boolean; progressionScore: number }>(
      `SELECT "isRenewal", "progressionScore" FROM "Candidacy" c JOIN "Round" r ON r.id = c."roundId" WHERE c."organizationId" = $1 AND r.year = 2026`,
      [organizationId],
    );
    expect(candidacy).toEqual({ isRenewal: true, progressionScore: 100 });
  });

  await test.step("le relecteur voit la progression à côté du dossier, les critères remplis, et accepte", async () => {
    await signInByEmail(reviewer.page, reviewer.email, { retour: `/espace/examen/${organizationId}` });
    await reviewer.page.getByRole("button", { name: "Je prends ce dossier" }).click();
    await expect(reviewer.page.getByText("Dossier pris par vous")).toBeVisible();
    const progression = reviewer.page.getByTestId("review-progression");
    await expect(progression.getByTestId("progression-score")).toHaveText("100 / 100");
    await expect(progression.getByTestId("progression-criteria")).toContainText("Rempli : Aucun thème en net recul");
    await expect(progression.getByTestId("progression-done")).toContainText(ACTION_TITLE);
    await expectNoAxeViolation(reviewer.page);
    await snapshot(reviewer.page, testInfo, "2-examen-progression");
    const decision = reviewer.page.getByRole("region", { name: "Votre décision" });
    await decision.getByLabel("Accepter la candidature").check();
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(reviewer.page.getByText(/Acceptée · version/)).toBeVisible();
  });

  await resetPeynierAction(organizationId);
  await resetPeynierFile(organizationId);
});

test("l'administrateur règle les critères d'une campagne en préparation, pas ceux de la campagne ouverte", async ({ page }, testInfo) => {
  const [draft] = await query<{ id: string }>(
    `INSERT INTO "Round" (id, year, name, status, "opensAt", "closesAt", "labelValidUntil", "updatedAt")
     VALUES ('e2eprogressiondraft', 2095, 'Campagne 2095', 'DRAFT', '2095-01-15', '2095-11-30', '2096-12-31', now())
     ON CONFLICT (year) DO UPDATE SET "progressionCriteria" = '{}' RETURNING id`,
  );
  const [open] = await query<{ id: string }>(`SELECT id FROM "Round" WHERE status = 'OPEN' ORDER BY year DESC LIMIT 1`);
  await forgetSignInRequests(ADMIN);
  await signInByEmail(page, ADMIN, { retour: `/admin/campagnes/${draft!.id}/progression` });

  await test.step("une part au-delà de 100 % est refusée en français, rien n'est enregistré", async () => {
    await page.getByLabel("Part minimale (%)").fill("150");
    await page.getByRole("button", { name: "Enregistrer les critères" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "La part minimale" })).toContainText("La part minimale ne peut pas dépasser 100 %");
    const [row] = await query<{ criteria: unknown }>(`SELECT "progressionCriteria" AS criteria FROM "Round" WHERE id = $1`, [draft!.id]);
    expect(row!.criteria).toEqual({});
    await expectNoAxeViolation(page);
  });

  await test.step("des poids qui font 100 s'enregistrent et se lisent en mots", async () => {
    await page.getByLabel("Part minimale (%)").fill("50");
    await page.getByRole("group", { name: "Progression du score au questionnaire" }).getByLabel("Poids").fill("10");
    await page.getByRole("group", { name: "Aucun thème en net recul" }).getByLabel("Poids").fill("30");
    await page.getByRole("button", { name: "Enregistrer les critères" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Critères" })).toContainText("Critères de progression enregistrés");
    await expect(page.getByText("au moins 50 % des actions de votre plan de la période")).toBeVisible();
    const [row] = await query<{ criteria: { criteria: { actionsCarriedOut: { minSharePercent: number } } } }>(`SELECT "progressionCriteria" AS criteria FROM "Round" WHERE id = $1`, [draft!.id]);
    expect(row!.criteria.criteria.actionsCarriedOut.minSharePercent).toBe(50);
    await snapshot(page, testInfo, "2-editeur", [1280, 375]);
  });

  await test.step("les critères de la campagne ouverte sont figés", async () => {
    await page.goto(`/admin/campagnes/${open!.id}/progression`);
    await expect(page.getByText("Critères figés")).toBeVisible();
    await expect(page.getByRole("button", { name: "Enregistrer les critères" })).toHaveCount(0);
    await expectNoAxeViolation(page);
  });
});
