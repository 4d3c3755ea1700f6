import { expect, test } from "@playwright/test";
import { arrowDownTo, tabTo, territorySearch } from "./territory-search";

test.describe("page d'accueil", () => {
  test("est en français et présente le label", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveTitle("Label Commune Cyber Dynamique");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le label Commune Cyber Dynamique");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 2, name: "Trouvez votre commune ou intercommunalité" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "La première année : quatre conditions" })).toBeVisible();
    for (const criterion of [
      "Répondre au questionnaire IMMUNITE CYBER",
      "Établir un plan d’action",
      "Désigner un « Cyber Champion »",
      "Régler la cotisation à l’association",
    ]) {
      await expect(page.getByRole("heading", { level: 3, name: criterion })).toBeVisible();
    }
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
    const footer = page.getByRole("contentinfo");
    for (const name of ["Mentions légales", "Accessibilité : non conforme", "Données personnelles", "Plan du site"]) {
      await expect(footer.getByRole("link", { name })).toBeVisible();
    }
  });

  test("le lien d'évitement est le premier élément focalisable et mène au contenu", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Aller au contenu principal" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#contenu$/);
    await expect(page.locator("main#contenu")).toBeFocused();
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("contenu");
  });
});

test.describe("recherche d'un territoire au clavier", () => {
  test("trouve une commune par son nom", async ({ page }) => {
    await page.goto("/");
    const { combobox, listbox } = territorySearch(page);
    await expect(combobox).toHaveAttribute("aria-expanded", "false");

    await tabTo(page, combobox);
    await page.keyboard.type("saint etienne");
    await expect(listbox).toBeVisible();
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("status").filter({ hasText: /\d+ résultats?/ })).toHaveCount(1);

    await arrowDownTo(page, combobox, (text) => /^Saint-Étienne\s/.test(text) && text.includes("Loire (42)"));
    await page.keyboard.press("Enter");

    await expect(listbox).toBeHidden();
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(combobox).toHaveValue("Saint-Étienne");
    await expect(combobox).toBeFocused();
    const summary = page.getByRole("region", { name: "Saint-Étienne" });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("Commune");
    await expect(summary).toContainText("Loire (42)");
    await expect(summary).toContainText("42000");
    await expect(summary.getByRole("link", { name: "Se connecter pour adhérer" })).toBeVisible();
  });

  test("trouve une commune par son code postal", async ({ page }) => {
    await page.goto("/");
    const { combobox } = territorySearch(page);
    await tabTo(page, combobox);
    await page.keyboard.type("75001");
    await arrowDownTo(page, combobox, (text) => /^Paris\s/.test(text));
    await page.keyboard.press("Enter");
    await expect(combobox).toHaveValue("Paris");
    const summary = page.getByRole("region", { name: "Paris" });
    await expect(summary).toContainText("75001");
  });

  test("Échap ferme la liste, puis efface la saisie", async ({ page }) => {
    await page.goto("/");
    const { combobox, listbox } = territorySearch(page);
    await tabTo(page, combobox);
    await page.keyboard.type("lyon");
    await expect(listbox).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(combobox).toHaveAttribute("aria-activedescendant", /.+/);

    await page.keyboard.press("Escape");
    await expect(listbox).toBeHidden();
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(combobox).not.toHaveAttribute("aria-activedescendant", /.+/);
    await expect(combobox).toHaveValue("lyon");
    await expect(combobox).toBeFocused();

    // ArrowDown reopens the same results; Home and End jump to the first and last option.
    await page.keyboard.press("ArrowDown");
    await expect(listbox).toBeVisible();
    const options = listbox.getByRole("option");
    await page.keyboard.press("End");
    await expect(combobox).toHaveAttribute("aria-activedescendant", (await options.last().getAttribute("id"))!);
    await page.keyboard.press("Home");
    await expect(combobox).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);

    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(combobox).toHaveValue("");
  });

  test("annonce l'absence de résultat", async ({ page }) => {
    await page.goto("/");
    const { combobox, listbox } = territorySearch(page);
    await combobox.fill("zzzqqqxx");
    await expect(page.getByText("Aucune commune ni intercommunalité ne correspond à « zzzqqqxx »")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Aucun résultat pour « zzzqqqxx ».");
    await expect(listbox).toBeHidden();
  });

  test("une saisie de 10 000 caractères affiche un message en français, pas une page d'erreur", async ({ page }) => {
    await page.goto("/");
    const { combobox } = territorySearch(page);
    await combobox.fill("a".repeat(10_000));
    await expect(combobox).toHaveAccessibleDescription(/limitée à 100 caractères/);
    await expect(combobox).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le label Commune Cyber Dynamique");

    // Back to a normal search, the message goes away.
    await combobox.fill("saint etienne");
    await expect(combobox).not.toHaveAccessibleDescription(/limitée à 100 caractères/);
    await expect(territorySearch(page).listbox).toBeVisible();
  });
});
