// Issue 9: deployment modes that fail closed, at start. Starts `npm start` itself, beside the
// stack the other tests use, on ports of its own (E2E_STARTUP_PORT, +1 for its database).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "./support/fixtures";

const PORT = Number(process.env.E2E_STARTUP_PORT ?? 27090);
const DB_PORT = PORT + 1;
const PUBLIC_URL = "https://label.example.fr";

/** `npm start` with only these variables (plus PATH and HOME): nothing of the test stack leaks in. */
function start(variables: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  let output = "";
  const child = spawn("npm", ["start"], {
    detached: true,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...variables },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { child, output: () => output, exited };
}

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

test("une adresse publique sans SMTP_URL ni APP_ENV=demo refuse de démarrer, en nommant les variables", async () => {
  const app = start({ APP_URL: PUBLIC_URL, PORT: String(PORT), EMBEDDED_DB_PORT: String(DB_PORT), EMBEDDED_DB_DIR: ".data/e2e-startup-refused" });
  try {
    expect(await app.exited).toBe(1);
  } finally {
    stop(app.child);
  }
  const output = app.output();
  expect(output).toContain("Configuration invalide");
  expect(output).toMatch(/la variable APP_ENV vaut local alors que APP_URL \(https:\/\/label\.example\.fr\) n'est pas une adresse de cette machine/);
  expect(output).toContain("SMTP_URL");
  expect(output).toContain("APP_ENV=demo");
  // Refused before anything else: no database was started.
  expect(output).not.toContain("Base embarquée");
});

test("APP_ENV=demo : bandeau sur chaque page, boîte mail limitée aux adresses de démonstration", async () => {
  test.setTimeout(300_000);
  const base = `http://127.0.0.1:${PORT}`;
  const app = start({ APP_ENV: "demo", APP_URL: `http://demo.label.example.fr:${PORT}`, PORT: String(PORT), EMBEDDED_DB_PORT: String(DB_PORT), EMBEDDED_DB_DIR: ".data/e2e-startup-demo" });
  try {
    await expect
      .poll(async () => (await fetch(`${base}/`).then((response) => response.status, () => 0)), { timeout: 240_000, intervals: [1000] })
      .toBe(200);

    // Pages rendered per request show the mode they run in. Static public pages (issue 15) carry
    // the mode of the build: this test reuses the suite's local-mode build, so it reads the
    // dynamic ones; a demo instance is built by its own `npm start` with APP_ENV=demo.
    for (const path of ["/connexion", "/connexion/verification"]) {
      const html = await (await fetch(`${base}${path}`)).text();
      expect.soft(html, path).toContain("<strong>Démonstration</strong>");
    }

    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${DB_PORT}/postgres` });
    await client.connect();
    const tag = randomBytes(4).toString("hex");
    try {
      for (const to of [`maire.${tag}@demo.ccd.test`, `vraie.personne.${tag}@mairie-exemple.fr`]) {
        await client.query(`INSERT INTO "DevMailboxMessage" (id, "to", subject, text) VALUES ($1, $2, $3, $4)`, [`m${randomBytes(10).toString("hex")}`, to, `Message ${tag}`, `Lien secret pour ${to}`]);
      }
    } finally {
      await client.end();
    }
    const mailbox = await (await fetch(`${base}/dev/boite-mail`)).text();
    expect(mailbox).toContain(`maire.${tag}@demo.ccd.test`);
    expect(mailbox).not.toContain(`vraie.personne.${tag}@mairie-exemple.fr`);
  } finally {
    stop(app.child);
    await app.exited;
  }
});
