// The public face of the label, as an inhabitant and as a commune use it: the registry by name
// and by département with the keyboard only, the territory page and its verification link, the
// map and its table, the badge; the organization's badge snippet and poster; axe everywhere.
// Demo data: Meyreuil labelled with a certificate, Puyloubier revoked (the certificate demo,
// lib/demo/seed-certificates.ts). The serial is read from the open data;
// while no certificate demo is merged (candidacy demo only: a label, no certificate yet), the
// steps that need it check what the pages say instead ("en cours d'émission").
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { snapshot } from "./support/snapshot";

const MEYREUIL = "13060";
const PUYLOUBIER = "13079";

/** Meyreuil's current certificate serial, "" while none is issued. */
async function meyreuilSerial(page: Page): Promise<string> {
  const response = await page.request.get("/donnees/labellisees.json");
  const body = (await response.json()) as { territoires: { code: string; numero_certificat: string }[] };
  const row = body.territoires.find((territory) => territory.code === MEYREUIL);
  expect(row, "Meyreuil figure dans les données ouvertes").toBeTruthy();
  if (!row!.numero_certificat) test.info().annotations.push({ type: "note", description: "Meyreuil n’a pas encore de certificat : étapes du certificat vérifiées par leur message d’attente." });
  return row!.numero_certificat;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (element: { id: string; text: string; label: string; tag: string }) => boolean, max = 150) {
  for (let index = 0; index < max; index++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { id: element?.id ?? "", text: (element?.textContent ?? "").trim(), label: element?.getAttribute("aria-label") ?? "", tag: element?.tagName.toLowerCase() ?? "" };
    });
    if (matches(focused)) return focused;
  }
  throw new Error("élément jamais atteint au clavier");
}

test("un habitant trouve une commune labellisée par son nom et par son département, au clavier, et vérifie son certificat", async ({ page }, testInfo) => {
  // Walking the page with Tab, one key at a time, takes a while on a loaded machine.
  test.setTimeout(120_000);
  const serial = await meyreuilSerial(page);

  await page.goto("/labellisees");
  await expect(page.getByRole("heading", { level: 1, name: "Territoires labellisés" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Meyreuil" })).toBeVisible();
  // Revoked or never labelled: not listed.
  await expect(page.getByRole("link", { name: "Puyloubier" })).toHaveCount(0);
  await snapshot(page, testInfo, "registre", [1280, 375]);

  // By name.
  await tabTo(page, (element) => element.id === "registre-q");
  await page.keyboard.type("meyreuil");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/labellisees\/recherche\?q=meyreuil/);
  await expect(page.getByRole("heading", { level: 2, name: /1 territoire trouvé/ })).toBeVisible();
  await expectNoAxeViolation(page);

  // By département.
  await page.goto("/labellisees");
  await tabTo(page, (element) => element.id === "registre-departement");
  await page.keyboard.type("Bouches");
  await tabTo(page, (element) => element.tag === "button" && element.text === "Rechercher");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/departement=13/);
  await expect(page.getByRole("row").filter({ hasText: "Meyreuil" })).toBeVisible();
  await snapshot(page, testInfo, "registre-departement");

  // The territory page, then its verification link.
  await tabTo(page, (element) => element.tag === "a" && element.text === "Meyreuil");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/territoires/${MEYREUIL}`);
  await expect(page.getByRole("heading", { level: 1, name: "Meyreuil" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Label Commune Cyber Dynamique 20\d\d/ })).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "territoire");
  if (!serial) {
    await expect(page.getByText("Le certificat est en cours d’émission.")).toBeVisible();
    return;
  }
  await tabTo(page, (element) => element.text === `Vérifier le certificat n° ${serial}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/verifier/${serial}`);
});

test("la carte : un département atteint au clavier donne le même nombre que le tableau", async ({ page }, testInfo) => {
  // About a hundred Tab presses to reach the overseas départements.
  test.setTimeout(120_000);
  await page.goto("/labellisees/carte");
  const focused = await tabTo(page, (element) => element.label.startsWith("Bouches-du-Rhône (13)"));
  const mapCount = Number(/: (\d+) territoire/.exec(focused.label)?.[1] ?? "0");
  expect(mapCount).toBeGreaterThan(0);
  await expect(page.getByText(`${focused.label} — cliquez pour voir la liste.`)).toBeVisible();
  const tableCount = await page.locator('tr[data-departement-code="13"] td').innerText();
  expect(Number(tableCount)).toBe(mapCount);
  await expect(page.getByText("CC-BY-4.0")).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "carte");
  // Overseas départements are reachable the same way.
  await tabTo(page, (element) => element.label.startsWith("La Réunion (974)"));
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, (element) => element.label.startsWith("La Réunion (974)"), 3);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/departement=974/);
});

test("le badge : le label et son année tant qu’il est valide, neutre sinon, et jamais d’erreur", async ({ page }, testInfo) => {
  const valid = await page.request.get(`/badge/${MEYREUIL}.svg`);
  expect(valid.status()).toBe(200);
  expect(await valid.text()).toMatch(/Label 20\d\d/);
  const etag = valid.headers()["etag"]!;
  expect((await page.request.get(`/badge/${MEYREUIL}.svg`, { headers: { "if-none-match": etag } })).status()).toBe(304);
  expect(await (await page.request.get(`/badge/${PUYLOUBIER}.svg`)).text()).toContain("label non valide");
  const absurd = await page.request.get(`/badge/${"9".repeat(10_000)}.svg`);
  expect(absurd.status()).toBe(404);
  expect(await absurd.text()).toContain("label non valide");
  const png = await page.request.get(`/badge/${MEYREUIL}.png?taille=grand`);
  expect(png.headers()["content-type"]).toBe("image/png");

  await page.goto(`/territoires/${PUYLOUBIER}`);
  await expect(page.getByText("Pas de label valide aujourd’hui")).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "territoire-retire");
  for (const name of [`${MEYREUIL}.svg?taille=grand`, `${MEYREUIL}.png`, `${PUYLOUBIER}.svg`]) {
    await page.goto(`/badge/${name}`);
    await page.screenshot({ path: testInfo.outputPath(`badge-${name.replace(/[^a-z0-9.]/gi, "_")}.png`) });
  }
});

test("une page de territoire inconnue ou absurde est une page introuvable en français", async ({ page }) => {
  for (const code of ["99999", "x".repeat(10_000), "%27%3B"]) {
    const response = await page.goto(`/territoires/${code}`);
    expect(response?.status(), code.slice(0, 20)).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
  await expectNoAxeViolation(page);
});

for (const path of ["/", "/labellisees", "/labellisees/recherche?departement=13&type=premier", "/donnees", "/mentions-legales", "/accessibilite", "/donnees-personnelles", "/plan-du-site"]) {
  test(`page publique sans violation axe : ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expectNoAxeViolation(page);
  });
}

test("la commune copie le code de son badge et télécharge son affiche", async ({ page, context }, testInfo) => {
  const serial = await meyreuilSerial(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInByEmail(page, "secretaire.meyreuil@demo.ccd.test", { retour: "/espace" });
  // Public pages are served from cache, yet the header still knows who is signed in.
  for (const path of ["/", "/labellisees", `/territoires/${MEYREUIL}`]) {
    await page.goto(path);
    await expectSignedIn(page);
  }
  await page.goto("/espace");
  await page.getByRole("link", { name: /Meyreuil/ }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Le badge du label pour votre site internet" })).toBeVisible();
  const panel = page.getByRole("region", { name: "Le badge du label pour votre site internet" });
  if (!serial) {
    await expect(panel.getByText("Le code à coller sera prêt dès que le certificat sera émis.")).toBeVisible();
    await panel.getByRole("link", { name: /Tout le kit de communication/ }).click();
    await expect(page.getByText("L’affiche sera prête dès que le certificat sera émis.")).toBeVisible();
    await expectNoAxeViolation(page);
    return;
  }
  await panel.getByRole("button", { name: "Copier" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Copié/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`/badge/${MEYREUIL}.svg`);
  expect(copied).toContain(`/verifier/${serial}`);

  await panel.getByRole("link", { name: /Tout le kit de communication/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kit de communication" })).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "kit");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger l’affiche (PDF, A4)" }).click();
  const poster = await downloading;
  const file = testInfo.outputPath("affiche.pdf");
  await poster.saveAs(file);
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  expect(text).toContain("Meyreuil");
  expect(text).toContain(serial);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-singlefile", file, testInfo.outputPath("affiche")]);
});
