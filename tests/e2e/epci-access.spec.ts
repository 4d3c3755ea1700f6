// Issue 9: a commune controls its intercommunality's access to its file. The demo's secretary of
// Saint-Antonin-sur-Bayon sees the Métropole's referent, switches the access off (the referent
// loses the file at once), then on again. The state is restored at the end: other tests use
// the demo commune.
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, organizationIdFor, query } from "./support/db";
import { expect, newPerson, test } from "./support/fixtures";

const SECRETARY = "secretaire@demo.ccd.test";
const REFERENT = "referent@demo.ccd.test";
const SAINT_ANTONIN = "13090";

test("la secrétaire coupe puis rouvre l'accès de la Métropole à son dossier", async ({ page, browser }) => {
  // Two sign-ins, two axe runs, four page loads: more than the default 30 s on two cores.
  test.setTimeout(120_000);
  const organizationId = await organizationIdFor(SAINT_ANTONIN);
  await query(`DELETE FROM "EpciAccessRefusal" WHERE "organizationId" = $1`, [organizationId]);
  await forgetSignInRequests(SECRETARY);
  await forgetSignInRequests(REFERENT);

  const referent = await newPerson(browser, "referent");
  await signInByEmail(referent.page, REFERENT);
  await referent.page.goto(`/espace/organisations/${organizationId}/questionnaire`);
  await expect(referent.page.getByRole("heading", { level: 1 })).not.toHaveText(/introuvable/i);

  await signInByEmail(page, SECRETARY, { retour: `/espace/organisations/${organizationId}` });
  const section = page.getByRole("region", { name: /Mutualisation avec Métropole d'Aix-Marseille-Provence/ });
  await expect(section).toBeVisible();
  await expect(section.getByRole("listitem")).toContainText([REFERENT]);
  await expect(section).toContainText("Accès ouvert");
  await expectNoAxeViolation(page);

  page.once("dialog", (dialog) => void dialog.accept());
  await section.getByRole("button", { name: "Couper l’accès de l’intercommunalité" }).click();
  await expect(section.getByRole("status")).toHaveText("Accès de Métropole d'Aix-Marseille-Provence coupé.");
  await expect(section).toContainText("Accès coupé");
  await expect(section.getByRole("table")).toContainText("Accès de l'intercommunalité au dossier coupé");
  await expectNoAxeViolation(page);
  await page.screenshot({ path: "test-results/epci-access-coupe.png", fullPage: true });

  // The referent has lost the file at once: same answer as for a file that does not exist.
  const refused = await referent.page.goto(`/espace/organisations/${organizationId}/questionnaire`);
  expect(refused?.status()).toBe(404);

  await section.getByRole("button", { name: "Rouvrir l’accès de l’intercommunalité" }).click();
  await expect(section.getByRole("status")).toHaveText("Accès de Métropole d'Aix-Marseille-Provence rouvert.");
  await expect(section).toContainText("Accès ouvert");
  const reopened = await referent.page.goto(`/espace/organisations/${organizationId}/questionnaire`);
  expect(reopened?.status()).toBe(200);
  await referent.context.close();
});
