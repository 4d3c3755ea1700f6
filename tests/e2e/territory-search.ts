import { expect, type Locator, type Page } from "@playwright/test";

/** The territory search combobox of the home page and its list. */
export function territorySearch(page: Page) {
  const combobox = page.getByRole("combobox", { name: "Nom, code postal ou code INSEE" });
  const listbox = page.getByRole("listbox", { name: "Communes et intercommunalités trouvées" });
  return { combobox, listbox };
}

/** Presses Tab from the top of the page until the given element has focus; the keyboard is the only input. */
export async function tabTo(page: Page, target: Locator, maxPresses = 30) {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`L'élément n'a pas reçu le focus après ${maxPresses} appuis sur Tab`);
}

/** Moves the highlight with ArrowDown until the highlighted option matches, and returns it. */
export async function arrowDownTo(page: Page, combobox: Locator, matches: (text: string) => boolean, maxPresses = 20) {
  // Results arrive after the debounce and the request: wait for the list before moving in it.
  await expect(territorySearch(page).listbox).toBeVisible();
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("ArrowDown");
    const activeId = await combobox.getAttribute("aria-activedescendant");
    expect(activeId, "ArrowDown met en évidence une option").toBeTruthy();
    const option = page.locator(`[id="${activeId}"]`);
    await expect(option).toHaveAttribute("aria-selected", "true");
    if (matches(await option.innerText())) return option;
  }
  throw new Error(`Aucune option attendue après ${maxPresses} appuis sur Flèche bas`);
}
