// The label's criteria on the organization page and the rounds page of the administrators.
// The e2e database is shared by every spec and survives runs: nothing here opens or closes a
// round (the 2026 round must stay open for the others); lib/rounds/manage.db.test.ts covers that.
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, organizationIdFor } from "./support/db";
import { expect, test } from "./support/fixtures";

const MAYOR = "maire@demo.ccd.test";
const ADMIN = "admin@demo.ccd.test";

test("le maire voit où en est chaque critère et où agir", async ({ page }) => {
  await forgetSignInRequests(MAYOR);
  const organizationId = await organizationIdFor("13090");
  await signInByEmail(page, MAYOR, { retour: `/espace/organisations/${organizationId}` });

  const file = page.getByRole("region", { name: "Dossier de candidature 2026" });
  await expect(file).toBeVisible();
  await expect(file).toContainText(/critères? remplis? sur 4/);
  for (const [criterion, link] of [
    ["Questionnaire IMMUNITE CYBER", /Ouvrir le questionnaire|Voir les résultats/],
    ["Plan d’action", /Ouvrir le plan d’action/],
    ["Cyber Champion", /Désigner le Cyber Champion|Voir le Cyber Champion/],
    ["Cotisation", /Régler la cotisation|Voir la cotisation/],
  ] as const) {
    const item = file.getByRole("listitem").filter({ has: page.getByRole("heading", { name: criterion }) });
    await expect(item).toContainText(/Rempli|À compléter/);
    await expect(item.getByRole("link", { name: link })).toBeVisible();
  }
  await expectNoAxeViolation(page);
});

test("l'administratrice voit les campagnes et leurs règles", async ({ page }) => {
  await forgetSignInRequests(ADMIN);
  await signInByEmail(page, ADMIN, { retour: "/espace" });
  await page.getByRole("link", { name: "Campagnes annuelles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campagnes annuelles");
  const round = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Campagne 2026/ }) });
  await expect(round).toContainText("Ouverte");
  await expect(round).toContainText("au moins 2 actions sur 2 critères du questionnaire");
  await expect(round.getByRole("button", { name: "Reporter les plans d’action" })).toBeVisible();
  await expectNoAxeViolation(page);
});
