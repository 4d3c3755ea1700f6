// The renewal's progression in the browser: Peynier (demo), labelled in 2025, opens its results,
// sees its progression per theme and what it still lacks, completes one action with evidence and
// sees the score change; the administrators' criteria editor refuses contradictory criteria in
// French and freezes those of the open round. axe on each new view.
// The e2e database is shared by every spec and survives runs: the test puts Peynier's action
// back as the demo left it before starting, so it can run again.
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, organizationIdFor, query } from "./support/db";
import { expect, test } from "./support/fixtures";
import { snapshot } from "./support/snapshot";

const SECRETARY = "secretaire.peynier@demo.ccd.test";
const ADMIN = "admin@demo.ccd.test";
const ACTION_TITLE = "Sensibiliser les agents au hameçonnage";
const EVIDENCE_LABEL = "Support de la séance de sensibilisation du 12 mars";

async function resetPeynierAction(organizationId: string) {
  const [action] = await query<{ id: string }>(`SELECT id FROM "Action" WHERE "organizationId" = $1 AND title = $2`, [organizationId, ACTION_TITLE]);
  await query(`DELETE FROM "ActionEvidence" WHERE "actionId" = $1 AND label = $2`, [action!.id, EVIDENCE_LABEL]);
  await query(`UPDATE "Action" SET status = 'IN_PROGRESS', progress = 60, "completedAt" = NULL WHERE id = $1`, [action!.id]);
  return action!.id;
}

test("la commune qui renouvelle voit sa progression, termine une action avec sa preuve et voit son score monter", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const organizationId = await organizationIdFor("13072");
  const actionId = await resetPeynierAction(organizationId);
  await forgetSignInRequests(SECRETARY);
  const results = `/espace/organisations/${organizationId}/questionnaire/resultats`;
  await signInByEmail(page, SECRETARY, { retour: results });

  const section = page.getByRole("region", { name: "Votre progression depuis votre dernier label" });
  await test.step("la progression par thème et ce qui manque", async () => {
    await expect(section).toBeVisible();
    await expect(section.getByTestId("progression-score")).toHaveText("80 / 100");
    const execution = section.getByTestId("progression-criteria").getByRole("listitem").first();
    await expect(execution).toContainText("Pas encore rempli : Actions réalisées depuis le dernier label");
    await expect(execution).toContainText("Ce qui manque : Réalisez encore 1 action et joignez-leur une preuve.");
    const table = section.getByRole("table", { name: /Score sur 100 de chaque thème en 2025 et en 2026/ });
    await expect(table.getByRole("row", { name: /Mots de passe/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /Score global/ })).toContainText("41");
    await expect(section.getByText("Questions nouvelles en 2026 (1)")).toBeVisible();
    await expect(section.getByText("Questions retirées depuis 2025 (1)")).toBeVisible();
    await expect(section.getByTestId("progression-done")).toContainText("Activer la double authentification sur la messagerie — réalisée le 18 septembre 2025");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "1-progression", [1280, 375]);
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

  await test.step("« Calculer ma progression » : le critère est rempli, le score monte", async () => {
    await page.goto(results);
    await section.getByRole("button", { name: "Calculer ma progression" }).click();
    await expect(section.getByRole("status")).toContainText("Progression recalculée");
    await expect(section.getByTestId("progression-score")).toHaveText("100 / 100");
    await expect(section.getByTestId("progression-criteria").getByRole("listitem").first()).toContainText("Rempli : Actions réalisées depuis le dernier label");
    await expect(section.getByTestId("progression-done")).toContainText(ACTION_TITLE);
    await expectNoAxeViolation(page);
  });

  await resetPeynierAction(organizationId);
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
