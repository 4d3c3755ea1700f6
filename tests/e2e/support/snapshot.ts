// Full-page screenshots kept with a test's results, to look at what a person sees.
import type { Page, TestInfo } from "@playwright/test";

/** At the page's current width, or at each of `widths` (a computer and a phone: [1280, 375]). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string, widths?: number[]) {
  if (!widths) {
    const path = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: "image/png" });
    return;
  }
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${width}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
