// The stack the browser tests run against (playwright.config.ts → webServer.command):
//   1. a real SMTP server, with an HTTP endpoint to read what it received (mail-server.ts);
//   2. a real OpenID Connect provider standing in for ProConnect (oidc-server.ts);
//   3. the application itself, `npm start`, told to send e-mail to (1) and to offer (2).
// Signals are forwarded to the application; the servers are closed and their ports freed
// when it exits, whatever the reason.
import { spawn } from "node:child_process";
import { FakeStripe } from "../../support/fake-stripe";
import { startMailServer } from "./mail-server";
import { startOidcServer } from "./oidc-server";
import {
  MAILBOX_PORT,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  OIDC_PORT,
  OIDC_REDIRECT_URI,
  SMTP_PORT,
  APP_URL,
  STRIPE_PORT,
} from "./stack-config";

const log = (line: string) => console.log(`[e2e-stack] ${line}`);

async function main() {
  const mail = await startMailServer({ smtpPort: SMTP_PORT, httpPort: MAILBOX_PORT });
  log(`SMTP smtp://127.0.0.1:${SMTP_PORT}, boîte lisible sur http://127.0.0.1:${MAILBOX_PORT}/messages`);
  const oidc = await startOidcServer({
    port: OIDC_PORT,
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUri: OIDC_REDIRECT_URI,
  }).catch(async (error: unknown) => {
    await mail.close();
    throw error;
  });
  log(`OpenID Connect ${OIDC_ISSUER}`);
  // Card payments: the real Stripe SDK talks to a local fake, which signs its webhooks.
  const stripe = await new FakeStripe(STRIPE_PORT, `${APP_URL}/api/stripe/webhook`).start();
  log(`Stripe (factice) ${stripe.baseUrl}`);

  const app = spawn("npm", ["start"], {
    stdio: "inherit",
    env: {
      ...process.env,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      OIDC_ISSUER,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      // The tests stand where a reverse proxy would: each browser context announces its own
      // client address in X-Forwarded-For (fixtures.ts), believed as one trusted hop.
      TRUSTED_PROXY_HOPS: "1",
      // The outbox worker runs inside `npm start`; tests read its mail within a second or so.
      OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? "300",
      ...stripe.env,
    },
  });

  let closing: Promise<void> | undefined;
  const closeServers = () => (closing ??= Promise.all([mail.close(), oidc.close(), stripe.stop()]).then(() => undefined));

  const exited = new Promise<number>((resolve) => {
    app.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    app.on("error", (error) => {
      console.error(`[e2e-stack] npm start : ${error.message}`);
      resolve(1);
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    log(`${signal} reçu : arrêt de l'application`);
    if (app.exitCode === null && app.signalCode === null) app.kill(signal);
    // The application stops its embedded database before exiting; do not wait forever.
    setTimeout(() => {
      if (app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
    }, 15_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const code = await exited;
  await closeServers();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`[e2e-stack] ✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
