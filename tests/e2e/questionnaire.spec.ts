// The IMMUNITE CYBER questionnaire in the browser: answers saved as they are given, kept through
// a reload, kept while offline and sent once back online, two colleagues answering at once
// losing nothing, and the results page. The e2e data survives runs: every step reads a
// question's current answer and picks another one, so it works whatever an earlier run left.
import type { Locator, Page } from "@playwright/test";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, organizationIdFor } from "./support/db";
import { expect, newPerson, test } from "./support/fixtures";
import { snapshot } from "./support/snapshot";

const SECRETARY = "secretaire@demo.ccd.test";
const MAYOR = "maire@demo.ccd.test";
/** Saint-Antonin-sur-Bayon: the demo commune, with the 2026 round and its questionnaire. */
const DEMO_COMMUNE_CODE = "13090";

// One after the other: each signs in as the same demo people, and a new sign-in link cancels
// the previous one.
test.describe.configure({ mode: "default" });

async function openQuestionnaire(page: Page, email: string) {
  await forgetSignInRequests(email);
  const organizationId = await organizationIdFor(DEMO_COMMUNE_CODE);
  await signInByEmail(page, email, { retour: `/espace/organisations/${organizationId}/questionnaire` });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questionnaire IMMUNITE CYBER");
  return organizationId;
}

const status = (page: Page) => page.getByTestId("save-status");
const questions = (page: Page) => page.locator("li[data-question]");

async function showTheme(page: Page, index: number) {
  await page.getByRole("navigation", { name: "Thèmes du questionnaire" }).getByRole("button").nth(index).click();
}

/** Chooses, in one question, the first option that is not its current answer; returns its value. */
async function answerDifferently(question: Locator): Promise<string> {
  const radios = question.getByRole("radio");
  const count = await radios.count();
  for (let index = 0; index < count; index++) {
    const radio = radios.nth(index);
    if (!(await radio.isChecked())) {
      const value = (await radio.getAttribute("value"))!;
      await radio.check();
      return value;
    }
  }
  throw new Error("aucune autre réponse possible");
}

async function expectAnswer(page: Page, questionKey: string, value: string) {
  await expect(page.locator(`li[data-question="${questionKey}"] input[type=radio][value="${value}"]`)).toBeChecked();
}

test("la secrétaire remplit, recharge, perd la connexion : aucune réponse n'est perdue", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const organizationId = await openQuestionnaire(page, SECRETARY);
  const chosen = new Map<string, string>();

  await test.step("chaque réponse s'enregistre dès qu'elle est donnée", async () => {
    await showTheme(page, 0);
    const count = await questions(page).count();
    for (let index = 0; index < Math.min(count, 2); index++) {
      const question = questions(page).nth(index);
      chosen.set((await question.getAttribute("data-question"))!, await answerDifferently(question));
    }
    const comment = questions(page).first().getByLabel(/Commentaire/);
    await comment.fill(`Vu avec le prestataire le ${new Date().toISOString()}`);
    await comment.blur();
    await expect(status(page)).toHaveText("Enregistré");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "questionnaire", [1280, 375]);
  });

  await test.step("après rechargement, chaque réponse est là", async () => {
    await page.reload();
    await showTheme(page, 0);
    for (const [key, value] of chosen) await expectAnswer(page, key, value);
  });

  await test.step("hors ligne, trois réponses attendent dans le navigateur, puis partent au retour de la connexion", async () => {
    await showTheme(page, 1);
    await expect(questions(page).first()).toBeVisible();
    const offline = new Map<string, string>();
    await context.setOffline(true);
    const count = await questions(page).count();
    for (let index = 0; offline.size < 3 && index < count; index++) {
      const question = questions(page).nth(index);
      offline.set((await question.getAttribute("data-question"))!, await answerDifferently(question));
    }
    // A theme with fewer than three questions: complete with the next one.
    if (offline.size < 3) {
      await showTheme(page, 2);
      for (let index = 0; offline.size < 3; index++) {
        const question = questions(page).nth(index);
        offline.set((await question.getAttribute("data-question"))!, await answerDifferently(question));
      }
    }
    await expect(status(page)).toHaveText("Hors ligne : 3 réponses en attente");
    await context.setOffline(false);
    await expect(status(page)).toHaveText("Enregistré", { timeout: 15_000 });
    await page.goto(`/espace/organisations/${organizationId}/questionnaire`);
    for (const [key, value] of offline) {
      await showThemeOf(page, key);
      await expectAnswer(page, key, value);
    }
  });
});

/** Opens the theme holding a question (keys are "<theme>.<name>"). */
async function showThemeOf(page: Page, questionKey: string) {
  const themeKey = questionKey.split(".")[0]!;
  const nav = page.getByRole("navigation", { name: "Thèmes du questionnaire" }).getByRole("button");
  const count = await nav.count();
  for (let index = 0; index < count; index++) {
    await nav.nth(index).click();
    if ((await page.locator(`li[data-question^="${themeKey}."]`).count()) > 0) return;
  }
  throw new Error(`thème de ${questionKey} introuvable`);
}

test("la secrétaire et le maire répondent en même temps à des questions différentes : rien n'est perdu", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const mayor = await newPerson(browser, "maire");
  await openQuestionnaire(page, SECRETARY);
  await openQuestionnaire(mayor.page, MAYOR);
  await showTheme(page, 3);
  await showTheme(mayor.page, 3);
  const count = await questions(page).count();
  expect(count).toBeGreaterThanOrEqual(2);

  const [secretaryKey, mayorKey] = [await questions(page).nth(0).getAttribute("data-question"), await questions(mayor.page).nth(1).getAttribute("data-question")];
  const [secretaryValue, mayorValue] = await Promise.all([answerDifferently(questions(page).nth(0)), answerDifferently(questions(mayor.page).nth(1))]);
  await Promise.all([expect(status(page)).toHaveText("Enregistré"), expect(status(mayor.page)).toHaveText("Enregistré")]);

  for (const who of [page, mayor.page]) {
    await who.reload();
    await showTheme(who, 3);
    await expectAnswer(who, secretaryKey!, secretaryValue);
    await expectAnswer(who, mayorKey!, mayorValue);
  }
  await mayor.context.close();
});

test("la page de résultats montre les scores et les mesures", async ({ page }, testInfo) => {
  const organizationId = await openQuestionnaire(page, SECRETARY);
  // At least one answer, so there is a score.
  await showTheme(page, 0);
  await answerDifferently(questions(page).first());
  await expect(status(page)).toHaveText("Enregistré");

  await page.goto(`/espace/organisations/${organizationId}/questionnaire/resultats`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats du questionnaire IMMUNITE CYBER");
  await expect(page.getByTestId("overall-score")).toHaveText(/^\d{1,3} \/ 100$/);
  await expect(page.getByRole("table", { name: "Score sur 100 et niveau de chaque thème" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mesures recommandées, par priorité" })).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "resultats", [1280, 375]);
});

test("les résultats se téléchargent en PDF, et la synthèse Diagonal s'enregistre si c'est bien un PDF", async ({ page }, testInfo) => {
  const organizationId = await openQuestionnaire(page, SECRETARY);

  const pdf = await page.request.get(`/espace/organisations/${organizationId}/questionnaire/resultats/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await testInfo.attach("resultats.pdf", { body: bytes, contentType: "application/pdf" });

  const section = page.getByRole("region", { name: "Diagnostic Diagonal avec la Gendarmerie" });
  await section.getByLabel("Date du diagnostic").fill("2026-02-10");
  await section.getByLabel("Synthèse écrite remise par la Gendarmerie").setInputFiles({
    name: "synthese.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("Ceci est un document texte renommé en .pdf"),
  });
  await section.getByRole("button", { name: "Enregistrer le diagnostic" }).click();
  await expect(section.getByRole("alert")).toContainText("n'est pas un PDF lisible");

  const { PDFDocument } = await import("pdf-lib");
  const summary = await PDFDocument.create();
  summary.addPage().drawText("Synthese Diagonal");
  await section.getByLabel("Synthèse écrite remise par la Gendarmerie").setInputFiles({
    name: "synthèse diagonal.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(await summary.save()),
  });
  await section.getByRole("button", { name: "Enregistrer le diagnostic" }).click();
  await expect(section.getByRole("status")).toContainText("Le diagnostic Diagonal est enregistré.");
  await expect(page.getByTestId("diagonal-recorded")).toContainText("Diagnostic du 10 février 2026 enregistré");
  const download = await page.request.get((await page.getByTestId("diagonal-recorded").getByRole("link").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expectNoAxeViolation(page);
});

test("deux personnes sur la même question : la dernière réponse l'emporte et dit qui l'avait changée", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const mayor = await newPerson(browser, "maire");
  await openQuestionnaire(page, SECRETARY);
  await openQuestionnaire(mayor.page, MAYOR);
  await showTheme(page, 4);
  await showTheme(mayor.page, 4);
  const question = questions(page).first();
  const key = (await question.getAttribute("data-question"))!;

  // The mayor changes it while the secretary still sees the old answer.
  await answerDifferently(questions(mayor.page).first());
  await expect(status(mayor.page)).toHaveText("Enregistré");
  const mine = await answerDifferently(question);
  await expect(status(page)).toHaveText("Enregistré");
  await expect(question.getByTestId("question-state")).toContainText(/Modifié par Jean Dupont à \d{2}:\d{2}/);

  await mayor.page.reload();
  await showTheme(mayor.page, 4);
  await expectAnswer(mayor.page, key, mine);
  await mayor.context.close();
});
