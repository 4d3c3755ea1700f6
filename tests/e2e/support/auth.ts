// Signing in the way a person does: the sign-in page, then the link from the e-mail.
import { expect, type Page } from "@playwright/test";
import { magicLinkIn, SIGN_IN_SUBJECT, waitForMessage, type ReceivedMessage } from "./mailbox";

export const header = (page: Page) => page.getByRole("banner");

/** Asks for a link on /connexion and waits for the "check your inbox" page. */
export async function requestSignInLink(page: Page, email: string, { retour }: { retour?: string } = {}) {
  await page.goto(retour ? `/connexion?retour=${encodeURIComponent(retour)}` : "/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion\/verification\?/);
}

/** Asks for a link and returns the e-mail that carried it. */
export async function receiveSignInEmail(page: Page, email: string, options: { retour?: string } = {}): Promise<ReceivedMessage> {
  const since = Date.now();
  await requestSignInLink(page, email, options);
  return waitForMessage(email, { since, subject: SIGN_IN_SUBJECT });
}

/** Signs in by magic link; ends on the page the link leads to, signed in. */
export async function signInByEmail(page: Page, email: string, options: { retour?: string } = {}): Promise<void> {
  const message = await receiveSignInEmail(page, email, options);
  await page.goto(magicLinkIn(message));
  await expectSignedIn(page);
}

export async function expectSignedIn(page: Page) {
  await expect(header(page).getByRole("link", { name: "Mon espace" })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

/** No session: the header offers to sign in and the private area sends back to /connexion. */
export async function expectSignedOut(page: Page) {
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("ccd.session-token");
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fespace$/);
}

export async function signOut(page: Page) {
  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
}
