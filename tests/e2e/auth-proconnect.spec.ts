// Signing in through ProConnect, played by a real OpenID Connect provider (oidc-provider)
// started with the application (support/oidc-server.ts): authorization code, PKCE, state,
// nonce, ID token signed by the provider and checked by the application.
import type { Page } from "@playwright/test";
import { expectSignedIn, expectSignedOut, signInByEmail, signOut } from "./support/auth";
import { accountsOf, usersWithEmail } from "./support/db";
import { expect, test, uniqueEmail } from "./support/fixtures";
import { APP_URL, OIDC_ISSUER } from "./support/stack-config";

type Identity = { email: string; givenName?: string; usualName?: string; siret?: string };

/** From the sign-in page: the ProConnect button, the provider's page, back in the application. */
async function signInWithProConnect(page: Page, identity: Identity, { retour, expectAccepted = true }: { retour?: string; expectAccepted?: boolean } = {}) {
  await page.goto(retour ? `/connexion?retour=${encodeURIComponent(retour)}` : "/connexion");
  await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();

  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.getByLabel("Adresse électronique").fill(identity.email);
  if (identity.givenName !== undefined) await page.getByLabel("Prénom").fill(identity.givenName);
  if (identity.usualName !== undefined) await page.getByLabel("Nom d'usage").fill(identity.usualName);
  if (identity.siret !== undefined) await page.getByLabel("SIRET").fill(identity.siret);
  await page.getByRole("button", { name: "Se connecter au fournisseur" }).click();

  await expect(page).toHaveURL(new RegExp(`^${APP_URL}/`));
  if (expectAccepted) await expectSignedIn(page);
}

test.describe("connexion avec ProConnect", () => {
  test("une nouvelle personne se connecte avec ProConnect et arrive dans son espace", async ({ page }) => {
    const email = uniqueEmail("agent");
    // What the application asks the provider for: the ProConnect scopes, PKCE, state and nonce.
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${OIDC_ISSUER}/auth?`));
    await signInWithProConnect(page, { email, givenName: "Camille", usualName: "Martin", siret: "21130090900015" });
    const params = new URL((await authorization).url()).searchParams;
    expect(params.get("scope")).toBe("openid email given_name usual_name siret");
    expect(params.get("redirect_uri")).toBe(`${APP_URL}/api/auth/callback/proconnect`);
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toBeTruthy();
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();

    await expect(page).toHaveURL(`${APP_URL}/espace`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Camille Martin");

    const users = await usersWithEmail(email);
    expect(users).toEqual([{ id: expect.any(String), name: "Camille Martin" }]);
    expect(await accountsOf(users[0]!.id)).toEqual([{ provider: "proconnect", providerAccountId: expect.stringMatching(/^pc-/) }]);
  });

  test("ProConnect ramène à la page demandée avant la connexion", async ({ page }) => {
    await signInWithProConnect(page, { email: uniqueEmail("agent-retour") }, { retour: "/espace/rejoindre" });
    await expect(page).toHaveURL(`${APP_URL}/espace/rejoindre`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rejoindre une commune ou une intercommunalité");
  });

  test("une adresse déjà connue par lien de connexion retrouve le même compte avec ProConnect", async ({ page }) => {
    const email = uniqueEmail("deja-connue");
    await signInByEmail(page, email);
    const [before] = await usersWithEmail(email);
    expect(before).toBeDefined();
    await signOut(page);

    // The provider spells the address with capitals: still the same person.
    await signInWithProConnect(page, { email: email.toUpperCase(), givenName: "Dominique", usualName: "Bernard" });
    await expect(page).toHaveURL(`${APP_URL}/espace`);

    const after = await usersWithEmail(email);
    expect(after.map((user) => user.id)).toEqual([before!.id]);
    expect(await accountsOf(before!.id)).toEqual([{ provider: "proconnect", providerAccountId: expect.stringMatching(/^pc-/) }]);

    // And again by e-mail, still that one account.
    await signOut(page);
    await signInByEmail(page, email);
    expect((await usersWithEmail(email)).map((user) => user.id)).toEqual([before!.id]);
  });

  // Issue 9: linking by address only when the provider vouches for it (email_verified).
  test("sans adresse vérifiée par le fournisseur, ProConnect n'ouvre pas un compte existant", async ({ page }) => {
    // The test provider answers email_verified: false for an address containing "non-verifiee".
    const email = uniqueEmail("non-verifiee");
    await signInByEmail(page, email);
    const [user] = await usersWithEmail(email);
    await signOut(page);

    await signInWithProConnect(page, { email, givenName: "Eve", usualName: "Intruse" }, { expectAccepted: false });
    await expect(page).toHaveURL(`${APP_URL}/connexion?error=AdresseNonVerifiee`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "ProConnect n'a pas confirmé que cette adresse électronique est la vôtre : recevez plutôt un lien de connexion par courriel.",
    );
    expect(await accountsOf(user!.id)).toEqual([]);
    await expectSignedOut(page);
  });
});
