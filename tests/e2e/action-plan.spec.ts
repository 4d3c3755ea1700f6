// The action plan in the browser (criterion 2 of the label): built from the questionnaire's
// recommended measures until the label's rule is met, an action marked done with a file as
// evidence and the change in its history, refusals in French that change nothing, and the CSV
// and PDF exports. Each test signs in a new person, secretary of a commune of its own (written
// in the database: the association's validation is organization-flow.spec.ts's subject), so the
// tests share nothing and run in parallel.
//
// Against the embedded database, run the application with DATABASE_POOL_MAX=1: pglite-socket
// 0.2.17 mixes up queries sent at once on several connections (electric-sql/pglite#1046), and
// these parallel tests then fail at random with « bind message supplies N parameters… ».
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { CSV_HEADER } from "@/lib/action-plan/csv";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { query, unclaimedCommune, usersWithEmail } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { snapshot } from "./support/snapshot";

/** A new person, secretary of an active commune nobody else uses; returns the plan's address. */
async function secretaryOfNewCommune(page: Page): Promise<{ organizationId: string; plan: string }> {
  const email = uniqueEmail("plan");
  await signInByEmail(page, email);
  const [user] = await usersWithEmail(email);
  const commune = await unclaimedCommune();
  const organizationId = `e2eplan${randomBytes(8).toString("hex")}`;
  await query(`UPDATE "User" SET name = 'Claire Secrétaire' WHERE id = $1`, [user!.id]);
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [
    organizationId,
    commune.code,
    commune.name,
  ]);
  await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'SECRETARY')`, [
    `e2emember${randomBytes(8).toString("hex")}`,
    user!.id,
    organizationId,
  ]);
  return { organizationId, plan: `/espace/organisations/${organizationId}/plan-d-action` };
}

const saveStatus = (page: Page) => page.getByTestId("save-status");
const banner = (page: Page) => page.getByTestId("plan-completeness");

/** Writes a free action from the plan page (title and the first `criteria` questions); ends on its page. */
async function writeAction(page: Page, plan: string, title: string, criteria = 1) {
  await page.goto(plan);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Créer l’action" }) });
  await form.getByLabel("Titre de l’action").fill(title);
  await form.locator("details summary").first().click();
  const boxes = form.locator("details").first().getByRole("checkbox");
  for (let index = 0; index < criteria; index++) await boxes.nth(index).check();
  await form.getByRole("button", { name: "Créer l’action" }).click();
  await expect(page).toHaveURL(new RegExp(`${plan}/[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().split("/").pop()!;
}

async function smallPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText(text, { x: 30, y: 100, size: 14, font });
  return Buffer.from(await doc.save());
}

test("la secrétaire construit son plan à partir de deux mesures recommandées et le voit devenir complet", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { organizationId, plan } = await secretaryOfNewCommune(page);

  await test.step("deux réponses « Je ne sais pas » au questionnaire recommandent des mesures", async () => {
    await page.goto(`/espace/organisations/${organizationId}/questionnaire`);
    const questions = page.locator("li[data-question]");
    for (const index of [0, 1]) await questions.nth(index).getByRole("radio", { name: "Je ne sais pas" }).check();
    await expect(saveStatus(page)).toHaveText("Enregistré");
  });

  await test.step("le plan vide dit ce qui manque", async () => {
    await page.goto(plan);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan d’action");
    await expect(banner(page)).toContainText("Plan pas encore complet pour la candidature");
    await expect(banner(page)).toContainText("Ajoutez au moins 2 actions à votre plan.");
    await expect(page.getByText("Le plan ne contient encore aucune action.")).toBeVisible();
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "1-plan-vide", [1280, 375]);
  });

  const measures = page.locator("li[data-measure]");
  await test.step("une première mesure en un clic : encore incomplet", async () => {
    const first = measures.nth(0);
    const title = (await first.getByRole("heading").textContent())!.replace(/^\d+\.\s*/, "");
    await first.getByRole("button", { name: /Ajouter au plan/ }).click();
    await expect(first.getByText("Dans le plan")).toBeVisible();
    await expect(page.getByTestId("plan-actions").getByRole("link", { name: title })).toBeVisible();
    await expect(banner(page)).toContainText("Ajoutez encore 1 action à votre plan");
  });

  await test.step("une seconde : le plan est complet pour la candidature", async () => {
    await measures.nth(1).getByRole("button", { name: /Ajouter au plan/ }).click();
    await expect(measures.nth(1).getByText("Dans le plan")).toBeVisible();
    await expect(banner(page)).toContainText("Plan complet pour la candidature");
    await expect(page.getByTestId("plan-actions").locator("li")).toHaveCount(2);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "2-plan-complet", [1280, 375]);
  });

  await test.step("une action créée d'une mesure est préremplie et son historique le dit", async () => {
    await page.getByTestId("plan-actions").getByRole("link").first().click();
    await expect(page.getByLabel("Description")).not.toHaveValue("");
    await expect(page.getByTestId("history")).toContainText("Action créée à partir d'une mesure recommandée");
    await expectNoAxeViolation(page);
  });
});

test("une action marquée faite avec une preuve en PDF, visible dans l'historique", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { plan } = await secretaryOfNewCommune(page);
  const actionId = await writeAction(page, plan, "Faire signer la charte informatique aux agents", 2);

  await test.step("les champs s'enregistrent au fil de la saisie", async () => {
    await page.getByLabel("Responsable").selectOption({ label: "Une autre personne (prestataire, élu…)" });
    await page.getByLabel("Nom de cette personne").fill("Informatique Services Provence");
    await page.getByLabel(/^Échéance/).fill("30/06/2026");
    await page.getByLabel(/^Échéance/).blur();
    await page.getByLabel("Priorité").selectOption("HIGH");
    await expect(saveStatus(page)).toHaveText("Enregistré");
  });

  await test.step("une charte signée en PDF comme preuve", async () => {
    await page.getByLabel("Ce que montre le fichier").fill("Charte signée");
    await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "charte-signée.pdf", mimeType: "application/pdf", buffer: await smallPdf("Charte signee") });
    await page.getByRole("button", { name: "Joindre le fichier" }).click();
    await expect(page.getByText("Le fichier est ajouté aux preuves.")).toBeVisible();
    await expect(page.getByTestId("evidences")).toContainText("charte-signée.pdf");
  });

  await test.step("l'action est faite : avancement 100 %, historique à jour", async () => {
    await page.getByRole("radio", { name: "Fait" }).check();
    await expect(saveStatus(page)).toHaveText("Enregistré");
    await expect(page.getByLabel("Avancement")).toHaveValue("100");
    const history = page.getByTestId("history");
    await expect(history).toContainText("Statut : à lancer → fait");
    await expect(history).toContainText("Avancement : 0 % → 100 %");
    await expect(history).toContainText("Preuve ajoutée");
    await expect(history).toContainText("Échéance : aucune → 30/06/2026");
    await expect(history).toContainText("Claire Secrétaire");
  });

  await test.step("la preuve se télécharge telle quelle", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /télécharger charte-signée\.pdf/ }).click()]);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  await test.step("après rechargement, tout est là", async () => {
    await page.reload();
    await expect(page.getByRole("radio", { name: "Fait" })).toBeChecked();
    await expect(page.getByLabel("Nom de cette personne")).toHaveValue("Informatique Services Provence");
    await expect(page.getByLabel(/^Échéance/)).toHaveValue("30/06/2026");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "3-action-faite", [1280, 375]);
  });

  const rows = await query<{ status: string; progress: number }>(`SELECT status, progress FROM "Action" WHERE id = $1`, [actionId]);
  expect(rows[0]).toEqual({ status: "DONE", progress: 100 });
});

test("une échéance qui n'est pas une date : message en français, rien n'est changé ni perdu", async ({ page }) => {
  test.setTimeout(90_000);
  const { plan } = await secretaryOfNewCommune(page);
  const actionId = await writeAction(page, plan, "Sauvegarder les postes chaque semaine");
  const field = page.getByLabel(/^Échéance/);

  await field.fill("31/02/2026");
  await field.blur();
  await expect(page.getByText("L'échéance doit être une date réelle, au format jour/mois/année (par exemple 31/03/2026).")).toBeVisible();
  await expect(field).toHaveValue("31/02/2026");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(saveStatus(page)).toHaveText("Non enregistré : un champ est à corriger");

  await field.fill("demain");
  await field.press("Enter");
  await expect(page.getByText("L'échéance doit être une date réelle", { exact: false })).toBeVisible();
  await expect(field).toHaveValue("demain");
  await expectNoAxeViolation(page);

  const [action] = await query<{ dueOn: Date | null }>(`SELECT "dueOn" FROM "Action" WHERE id = $1`, [actionId]);
  expect(action!.dueOn).toBeNull();
  const events = await query<{ kind: string }>(`SELECT kind FROM "ActionEvent" WHERE "actionId" = $1`, [actionId]);
  expect(events.map((event) => event.kind)).toEqual(["created"]);

  await test.step("corrigée, elle s'enregistre", async () => {
    await field.fill("31/03/2026");
    await field.blur();
    await expect(saveStatus(page)).toHaveText("Enregistré");
    await expect(page.getByText("L'échéance doit être une date réelle", { exact: false })).toHaveCount(0);
    await expect(page.getByTestId("history")).toContainText("Échéance : aucune → 31/03/2026");
  });
});

test("hors ligne, les modifications attendent dans le navigateur et partent au retour de la connexion", async ({ page, context }) => {
  test.setTimeout(90_000);
  const { plan } = await secretaryOfNewCommune(page);
  const actionId = await writeAction(page, plan, "Mettre à jour les postes chaque mois");

  await context.setOffline(true);
  await page.getByLabel("Priorité").selectOption("HIGH");
  await page.getByLabel("Titre de l’action").fill("Mettre à jour les postes et la box chaque mois");
  await page.getByLabel("Titre de l’action").blur();
  await expect(saveStatus(page)).toContainText("Hors ligne : 2 modifications en attente");
  // Kept in the browser too, for a closed tab or a reload.
  const kept = await page.evaluate((id) => Object.keys(localStorage).filter((key) => key.startsWith(`ccd-plan-action:${id}:`)).sort(), actionId);
  expect(kept).toEqual([`ccd-plan-action:${actionId}:priority`, `ccd-plan-action:${actionId}:title`]);
  const [before] = await query<{ priority: string; title: string }>(`SELECT priority, title FROM "Action" WHERE id = $1`, [actionId]);
  expect(before).toEqual({ priority: "MEDIUM", title: "Mettre à jour les postes chaque mois" });

  await context.setOffline(false);
  await expect(saveStatus(page)).toHaveText("Enregistré");
  await expect(page.getByTestId("history")).toContainText("Priorité : moyenne → haute");
  const [after] = await query<{ priority: string; title: string }>(`SELECT priority, title FROM "Action" WHERE id = $1`, [actionId]);
  expect(after).toEqual({ priority: "HIGH", title: "Mettre à jour les postes et la box chaque mois" });
  await page.reload();
  await expect(page.getByLabel("Titre de l’action")).toHaveValue("Mettre à jour les postes et la box chaque mois");
});

test("une preuve d'un type interdit est refusée clairement", async ({ page }) => {
  test.setTimeout(90_000);
  const { plan } = await secretaryOfNewCommune(page);
  const actionId = await writeAction(page, plan, "Installer un antivirus sur chaque poste");
  const refusal = "Ce type de fichier n'est pas accepté comme preuve. Joignez un PDF ou une image (PNG, JPEG) ; pour un document Word ou un tableur, enregistrez-le d'abord en PDF.";

  await page.getByLabel("Ce que montre le fichier").fill("Facture de l'antivirus");
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "facture.pdf", mimeType: "application/pdf", buffer: Buffer.from("Ceci est un texte, pas un PDF.\n") });
  await page.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByLabel("Ce que montre le fichier")).toHaveValue("Facture de l'antivirus");

  await page.getByLabel("Fichier", { exact: true }).setInputFiles({
    name: "installeur.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]),
  });
  await page.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expectNoAxeViolation(page);

  const evidences = await query(`SELECT id FROM "ActionEvidence" WHERE "actionId" = $1`, [actionId]);
  expect(evidences).toEqual([]);
  await expect(page.getByText("Aucune preuve pour l’instant", { exact: false })).toBeVisible();
});

test("le plan s'exporte en CSV (accents intacts) et en PDF", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { plan } = await secretaryOfNewCommune(page);
  const title = "Sensibiliser les élus à l’hameçonnage ; « exercice » de printemps";
  await writeAction(page, plan, title, 2);
  await page.goto(plan);

  await test.step("un brouillon d'action survit à un rechargement", async () => {
    await page.getByLabel("Titre de l’action").fill("Brouillon : faire le point avec le prestataire");
    await page.reload();
    await expect(page.getByLabel("Titre de l’action")).toHaveValue("Brouillon : faire le point avec le prestataire");
  });

  await test.step("CSV : BOM, ';', colonnes attendues, accents intacts", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le tableau (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^plan-d-action-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const [header, row] = text.split("\r\n");
    expect(header!.split(";")).toEqual([...CSV_HEADER]);
    // The title holds the separator: quoted, accents and quotes kept.
    expect(row!.startsWith(`"${title}";`)).toBe(true);
    expect(row).toContain("À lancer");
  });

  await test.step("PDF", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le plan (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = testInfo.outputPath("plan-d-action.pdf");
    await download.saveAs(path);
    expect((await readFile(path)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  await test.step("une personne sans droit sur le plan obtient 404", async () => {
    const response = await page.request.get(`/espace/organisations/nexistepas/plan-d-action/csv`);
    expect(response.status()).toBe(404);
  });
});

test("un relecteur de l'association lit tout le plan, sans rien pouvoir modifier", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const { plan } = await secretaryOfNewCommune(page);
  const actionId = await writeAction(page, plan, "Activer la double authentification sur la messagerie", 2);
  await page.getByLabel("Votre commentaire").fill("Le prestataire passe jeudi.");
  await page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByText("Votre commentaire est enregistré.")).toBeVisible();

  const reviewer = await newPerson(browser, "relecteur");
  try {
    await signInByEmail(reviewer.page, reviewer.email);
    const [user] = await usersWithEmail(reviewer.email);
    await query(`INSERT INTO "AssociationRoleGrant" (id, "userId", role) VALUES ($1, $2, 'REVIEWER')`, [`e2egrant${randomBytes(8).toString("hex")}`, user!.id]);

    await reviewer.page.goto(plan);
    await expect(reviewer.page.getByText("Vous pouvez consulter le plan et le télécharger, pas le modifier.")).toBeVisible();
    await expect(reviewer.page.getByRole("link", { name: "Activer la double authentification sur la messagerie" })).toBeVisible();
    await expect(reviewer.page.getByRole("button", { name: "Créer l’action" })).toHaveCount(0);
    await expectNoAxeViolation(reviewer.page);

    await reviewer.page.goto(`${plan}/${actionId}`);
    await expect(reviewer.page.getByText("Le prestataire passe jeudi.")).toBeVisible();
    await expect(reviewer.page.getByTestId("history")).toContainText("Commentaire ajouté");
    await expect(reviewer.page.getByRole("textbox")).toHaveCount(0);
    await expect(reviewer.page.getByRole("button", { name: /Joindre|Publier|Ajouter/ })).toHaveCount(0);
    await expectNoAxeViolation(reviewer.page);
    await snapshot(reviewer.page, testInfo, "4-action-en-lecture", [1280, 375]);
  } finally {
    await reviewer.context.close();
  }
});
