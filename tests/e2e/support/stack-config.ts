// Where the pieces of the browser-test stack listen. Shared by playwright.config.ts, the stack
// script (start-stack.ts) and the tests, so a port is written down once.
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const APP_PORT = port("E2E_APP_PORT", 3100);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;

/** The embedded PostgreSQL the application starts for the tests (unless E2E_DATABASE_URL is given). */
export const EMBEDDED_DB_PORT = port("E2E_EMBEDDED_DB_PORT", 54339);
export const EMBEDDED_DB_DIR = ".data/e2e-pglite";
export const DATABASE_URL = process.env.E2E_DATABASE_URL || `postgresql://postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres`;

/** A real SMTP server receiving what the application sends, and the HTTP window the tests read it through. */
export const SMTP_PORT = port("E2E_SMTP_PORT", 2525);
export const MAILBOX_PORT = port("E2E_MAILBOX_PORT", 2526);
export const MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;

/** A real OpenID Connect provider standing in for ProConnect. */
export const OIDC_PORT = port("E2E_OIDC_PORT", 3900);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "ccd-e2e";
export const OIDC_CLIENT_SECRET = "e2e-client-secret-not-used-anywhere-else";
export const OIDC_REDIRECT_URI = `${APP_URL}/api/auth/callback/proconnect`;

/** A local fake of Stripe (tests/support/fake-stripe.ts): the card payment's API, page and webhook. */
export const STRIPE_PORT = port("E2E_STRIPE_PORT", APP_PORT + 23_000);
export const STRIPE_URL = `http://127.0.0.1:${STRIPE_PORT}`;
