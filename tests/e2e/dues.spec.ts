// The dues, as people go through them: the secretary fills the billing details (a wrong SIRET is
// refused in French), asks for the invoice and downloads it, pays by card on (fake) Stripe's page
// and sees the dues paid once the webhook came; the treasurer records a transfer and imports a
// bank statement. axe on every new page.
import { randomBytes } from "node:crypto";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { query, unclaimedCommune } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";

/** An active organization for a free commune, with a secretary who can sign in. */
async function communeWithSecretary(label: string) {
  const commune = await unclaimedCommune();
  const email = uniqueEmail(label);
  const id = (prefix: string) => `${prefix}-e2e-${randomBytes(8).toString("hex")}`;
  const userId = id("user");
  const organizationId = id("org");
  await query(`INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt") VALUES ($1, $2, $3, now(), now())`, [userId, email, `Secrétariat ${commune.name}`]);
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [organizationId, commune.code, commune.name]);
  await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'SECRETARY')`, [id("membership"), userId, organizationId]);
  return { commune, email, organizationId };
}

test("the secretary fills the billing details, downloads the invoice and pays by card; the webhook marks the dues paid", async ({ page }) => {
  test.setTimeout(120_000);
  const { email, organizationId } = await communeWithSecretary("secretaire-cotisation");
  await signInByEmail(page, email, { retour: `/espace/organisations/${organizationId}/cotisation` });
  await expect(page.getByRole("heading", { level: 1, name: "Cotisation" })).toBeVisible();
  await expectNoAxeViolation(page);

  const siret = page.getByLabel("SIRET de la mairie");
  await page.getByLabel("Adresse", { exact: true }).fill("Place de la Mairie");
  await page.getByLabel("Adresse électronique de facturation").fill("comptabilite@mairie-e2e.test");
  await siret.fill("211300901 00000");
  await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(page.getByText("Ce SIRET n'est pas valide (sa clé de contrôle ne correspond pas)", { exact: false })).toBeVisible();
  await expect(siret).toBeFocused();
  await siret.fill("211 300 901 00009");
  await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(page.getByRole("status").getByText("Coordonnées de facturation enregistrées.")).toBeVisible();

  await page.getByRole("button", { name: "Demander la facture" }).click();
  const invoiceLink = page.getByRole("link", { name: /^Facture CCD-\d{4}-\d{6} \(PDF\)$/ });
  await expect(invoiceLink).toBeVisible();
  const pdf = await page.request.get((await invoiceLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoAxeViolation(page);

  await page.getByRole("button", { name: "Payer par carte" }).click();
  await expect(page.getByRole("heading", { name: "Paiement de test" })).toBeVisible();
  await page.getByRole("button", { name: /^Payer/ }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/organisations/${organizationId}/cotisation/retour\\?session_id=cs_test_`));
  await expect(page.getByRole("status")).toContainText(/Paiement confirmé|en cours de confirmation/);
  await expectNoAxeViolation(page);

  await page.getByRole("link", { name: "Retour à la cotisation" }).click();
  await expect(page.getByText("Cotisation réglée", { exact: true })).toBeVisible();
  await expect(page.getByText(/Rempli · Cotisation réglée le/)).toBeVisible();
  expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Payment" p JOIN "Dues" d ON d.id = p."duesId" WHERE d."organizationId" = $1`, [organizationId]))[0]!.n).toBe(1);
  const receipt = await page.request.get((await page.getByRole("link", { name: "Télécharger l’acquit (PDF)" }).getAttribute("href"))!);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
});

test("the treasurer records a transfer and imports a bank statement", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { email, organizationId, commune } = await communeWithSecretary("secretaire-virement");
  await signInByEmail(page, email, { retour: `/espace/organisations/${organizationId}/cotisation` });
  await page.getByLabel("SIRET de la mairie").fill("21130090100009");
  await page.getByLabel("Adresse", { exact: true }).fill("1 rue de la Mairie");
  await page.getByLabel("Adresse électronique de facturation").fill("mairie@virement-e2e.test");
  await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(page.getByRole("status").getByText("Coordonnées de facturation enregistrées.")).toBeVisible();
  await page.getByRole("button", { name: "Demander la facture" }).click();
  const number = (await page.getByRole("link", { name: /^Facture CCD-/ }).textContent())!.match(/CCD-\d{4}-\d{6}/)![0];
  const amount = (await query<{ amount: number }>(`SELECT "amountCents" AS amount FROM "Dues" WHERE "organizationId" = $1`, [organizationId]))[0]!.amount;

  const treasurer = await newPerson(browser, "tresorier");
  await query(`DELETE FROM "RateLimitBucket" WHERE key = $1`, ["sign-in:email:tresorier@demo.ccd.test"]);
  await signInByEmail(treasurer.page, "tresorier@demo.ccd.test", { retour: "/admin/tresorerie" });
  await expect(treasurer.page.getByRole("heading", { level: 1, name: "Trésorerie" })).toBeVisible();
  await expectNoAxeViolation(treasurer.page);

  await treasurer.page.getByRole("link", { name: commune.name, exact: true }).click();
  await expect(treasurer.page.getByRole("heading", { level: 1, name: commune.name })).toBeVisible();
  await expectNoAxeViolation(treasurer.page);
  await treasurer.page.getByLabel("Montant reçu (€)").fill("-10");
  await treasurer.page.getByLabel("Référence bancaire").fill("VIR TRESORERIE PARTIEL");
  await treasurer.page.getByRole("button", { name: "Enregistrer le virement" }).click();
  // Next's route announcer is an alert too: find ours by its words.
  await expect(treasurer.page.getByRole("alert").filter({ hasText: "Le montant doit être positif." })).toBeVisible();
  await treasurer.page.getByLabel("Montant reçu (€)").fill("20,00");
  await treasurer.page.getByRole("button", { name: "Enregistrer le virement" }).click();
  await expect(treasurer.page.getByRole("status").filter({ hasText: "reste à payer" })).toBeVisible();

  await treasurer.page.goto("/admin/tresorerie/releves");
  await expectNoAxeViolation(treasurer.page);
  const rest = ((amount - 2000) / 100).toFixed(2).replace(".", ",");
  const csv = `Date;Libellé;Débit;Crédit\r\n02/04/2026;VIR DGFIP MANDAT 2026-77 ${number};;${rest}\r\n03/04/2026;Frais bancaires;4,20;\r\n`;
  await treasurer.page.getByLabel("Relevé bancaire (CSV)").setInputFiles({ name: "releve.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await treasurer.page.getByRole("button", { name: "Importer le relevé" }).click();
  await expect(treasurer.page.getByRole("status").filter({ hasText: "Rien n’est enregistré avant votre confirmation" })).toBeVisible();
  await treasurer.page.getByRole("button", { name: new RegExp(`Confirmer.*${number}`) }).click();
  await expect(treasurer.page.getByRole("status").filter({ hasText: "la cotisation est réglée" })).toBeVisible();
  await treasurer.page.getByLabel("Relevé bancaire (CSV)").setInputFiles({ name: "releve.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await treasurer.page.getByRole("button", { name: "Importer le relevé" }).click();
  await expect(treasurer.page.getByRole("status").filter({ hasText: "déjà été importé" })).toBeVisible();
  expect((await query<{ status: string }>(`SELECT status::text FROM "Dues" WHERE "organizationId" = $1`, [organizationId]))[0]!.status).toBe("PAID");
  await treasurer.context.close();
});

test("the public calculator gives a territory's amount", async ({ page }) => {
  await page.goto("/cotisation");
  await expect(page.getByRole("heading", { level: 1, name: "Calculer sa cotisation" })).toBeVisible();
  await page.getByRole("combobox").fill("Saint-Antonin-sur-Bayon");
  await page.getByRole("option", { name: /Saint-Antonin-sur-Bayon/ }).first().click();
  await expect(page.getByText(/Cotisation 2026 : 50,00/)).toBeVisible();
  await expectNoAxeViolation(page);
});
