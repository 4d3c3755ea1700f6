import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { territorySearch } from "./territory-search";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolation(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // A readable failure: rule, impact and the offending elements.
  const summary = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary).toEqual([]);
}

for (const path of ["/", "/mentions-legales", "/accessibilite", "/donnees-personnelles", "/plan-du-site"]) {
  test(`aucune violation axe sur ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expectNoAxeViolation(page);
  });
}

test("aucune violation axe sur une page introuvable", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expectNoAxeViolation(page);
});

test("aucune violation axe avec la liste de résultats ouverte", async ({ page }) => {
  await page.goto("/");
  const { combobox, listbox } = territorySearch(page);
  await combobox.fill("saint");
  await expect(listbox).toBeVisible();
  await combobox.press("ArrowDown");
  await expect(combobox).toHaveAttribute("aria-activedescendant", /.+/);
  await expectNoAxeViolation(page);
});

test("aucune violation axe avec un territoire choisi et avec un message d'erreur", async ({ page }) => {
  await page.goto("/");
  const { combobox, listbox } = territorySearch(page);
  await combobox.fill("42000");
  await expect(listbox).toBeVisible();
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await expect(page.getByRole("region", { name: "Saint-Étienne" })).toBeVisible();
  await expectNoAxeViolation(page);

  await combobox.fill("x".repeat(200));
  await expect(combobox).toHaveAccessibleDescription(/limitée à 100 caractères/);
  await expectNoAxeViolation(page);
});
