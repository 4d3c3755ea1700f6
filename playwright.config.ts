import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, APP_URL, EMBEDDED_DB_DIR, EMBEDDED_DB_PORT } from "./tests/e2e/support/stack-config";

// Browser tests run against the real application started by `npm start` (embedded
// PostgreSQL, migrations, territory import, production build on first run), with Debian's
// Chromium: no browser is downloaded. tests/e2e/support/start-stack.ts starts it together with
// a real SMTP server and a real OpenID Connect provider (see stack-config.ts for the ports).
const baseURL = APP_URL;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const serverEnv: Record<string, string> = {
  PORT: String(APP_PORT),
  APP_URL,
  EMBEDDED_DB_PORT: String(EMBEDDED_DB_PORT),
  EMBEDDED_DB_DIR,
};
// A real PostgreSQL when given (CI, or a developer's scratch database).
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores: one worker for the browser, the other for the server and its database.
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx tests/e2e/support/start-stack.ts",
    url: `${baseURL}/`,
    env: serverEnv,
    reuseExistingServer: !process.env.CI,
    // First run: production build, territory import and demo seed.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM first, so the application closes its embedded database and the stack frees its ports.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
