// npm run lighthouse:public — Lighthouse 12 (accessibility and performance; mobile defaults, or
// LIGHTHOUSE_PRESET=desktop for the desktop preset) on
// the home page and the registry of a running server (BENCH_URL, default http://127.0.0.1:5150),
// with the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Targets:
// accessibility 100, performance ≥ 95. Performance is measured with Lighthouse's simulated
// throttling on this machine's CPU: on a loaded machine it reads low.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:5150";
const PAGES = ["/", "/labellisees"];

async function main() {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  let ok = true;
  try {
    for (const path of PAGES) {
      // Once to warm the server's cache, then the measured run.
      await fetch(new URL(path, BASE_URL));
      const result = await lighthouse(
        new URL(path, BASE_URL).href,
        { port: chrome.port, onlyCategories: ["accessibility", "performance"], output: "json", logLevel: "error" },
        process.env.LIGHTHOUSE_PRESET === "desktop" ? desktopConfig : undefined,
      );
      const categories = result!.lhr.categories;
      const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100);
      const performance = Math.round((categories.performance?.score ?? 0) * 100);
      const audits = result!.lhr.audits;
      const metric = (id: string) => audits[id]?.displayValue ?? "?";
      const met = accessibility === 100 && performance >= 95;
      ok &&= met;
      console.log(
        `${path.padEnd(14)} accessibility ${accessibility}  performance ${performance}  (FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}) ${met ? "✓" : "✗"}`,
      );
      for (const audit of Object.values(audits)) {
        if (audit.score !== null && audit.score < 1 && result!.lhr.categories.accessibility?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0)) {
          console.log(`    accessibilité : ${audit.id} — ${audit.title}`);
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
