import { defineConfig, devices } from "@playwright/test";

// Browser tests run against the real application started by `npm start` (embedded
// PostgreSQL, migrations, territory import, production build on first run), with Debian's
// Chromium: no browser is downloaded.
const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const serverEnv: Record<string, string> = {
  PORT: String(PORT),
  APP_URL: baseURL,
  EMBEDDED_DB_PORT: "54339",
  EMBEDDED_DB_DIR: ".data/e2e-pglite",
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
    command: "npm start",
    url: `${baseURL}/`,
    env: serverEnv,
    reuseExistingServer: !process.env.CI,
    // First run: production build, territory import and demo seed.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
