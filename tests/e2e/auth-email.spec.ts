// Signing in by magic link, with the e-mail read from a real SMTP server (support/start-stack.ts).
import type { Page } from "@playwright/test";
import { expectSignedIn, expectSignedOut, header, receiveSignInEmail, requestSignInLink, signOut } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { expireSignInLinks, forgetSignInRequests } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { magicLinkIn, messagesFor, SIGN_IN_SUBJECT, waitForMessage } from "./support/mailbox";
import { APP_URL } from "./support/stack-config";

const EXPIRED_OR_USED = "Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau ci-dessous : il arrive en quelques secondes.";

const alert = (page: Page) => page.getByRole("main").getByRole("alert");

test.describe("connexion par lien reçu par courriel", () => {
  test("une nouvelle personne reçoit le lien, l'ouvre et arrive dans son espace", async ({ page }) => {
    const email = uniqueEmail("nouvelle");
    const message = await receiveSignInEmail(page, email);

    // The page after asking, and the e-mail itself: French, one link, its validity.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultez votre messagerie");
    await expect(page.getByRole("main")).toContainText(`Si l’adresse ${email} est valide, un lien de connexion vient d’y être envoyé.`);
    expect(message.to).toEqual([email]);
    expect(message.subject).toBe("Votre lien de connexion — Label Commune Cyber Dynamique");
    expect(message.text).toContain("Il est valable 15 minutes et ne sert qu'une fois.");
    const link = magicLinkIn(message);
    expect(new URL(link).searchParams.get("email")).toBe(email);
    expect(message.html).toContain(link.replaceAll("&", "&amp;"));

    await page.goto(link);
    await expect(page).toHaveURL(`${APP_URL}/espace`);
    await expectSignedIn(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour");
    await expect(page.getByText("Vous n’êtes rattaché à aucune commune ni intercommunalité")).toBeVisible();

    await signOut(page);
    await expectSignedOut(page);
  });

  test("un lien expiré affiche un message en français et n'ouvre pas de session", async ({ page }) => {
    const email = uniqueEmail("expire");
    const message = await receiveSignInEmail(page, email);
    // 15 minutes later, as far as the server is concerned.
    expect(await expireSignInLinks(email)).toBe(1);

    await page.goto(magicLinkIn(message));
    await expect(page).toHaveURL(/\/connexion\?error=Verification$/);
    await expect(alert(page)).toHaveText(EXPIRED_OR_USED);
    // The form is right there to ask for a new one.
    await expect(page.getByLabel("Adresse électronique")).toBeVisible();
    await expectSignedOut(page);
  });

  test("un lien déjà utilisé affiche le même message et n'ouvre pas de session", async ({ page, browser }) => {
    const email = uniqueEmail("reutilise");
    const message = await receiveSignInEmail(page, email);
    const link = magicLinkIn(message);
    await page.goto(link);
    await expectSignedIn(page);

    // The same link opened again, elsewhere (forwarded, or copied from the inbox).
    const other = await newPerson(browser, "autre");
    await other.page.goto(link);
    await expect(other.page).toHaveURL(/\/connexion\?error=Verification$/);
    await expect(alert(other.page)).toHaveText(EXPIRED_OR_USED);
    await expectSignedOut(other.page);
    await other.context.close();

    // Nor in the first browser once signed out.
    await signOut(page);
    await page.goto(link);
    await expect(alert(page)).toHaveText(EXPIRED_OR_USED);
    await expectSignedOut(page);
  });

  test("une adresse mal formée est signalée sur le champ et rien n'est envoyé", async ({ page }) => {
    const signInRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/auth/signin")) signInRequests.push(request.url());
    });
    await page.goto("/connexion");
    const field = page.getByLabel("Adresse électronique");

    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(field).toHaveAccessibleDescription(/Saisissez votre adresse électronique\./);

    const malformed = "marie.dupont.mairie-exemple.fr";
    await field.fill(malformed);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(
      /Cette adresse électronique n'est pas valide \(exemple : prenom\.nom@mairie-exemple\.fr\)\./,
    );
    await expectNoAxeViolation(page);
    await expect(page).toHaveURL(`${APP_URL}/connexion`);
    expect(signInRequests).toEqual([]);

    // The server refuses it too, whatever the browser lets through, before next-auth sends anything.
    const response = await page.request.post("/api/auth/signin/email", { form: { email: malformed } });
    expect(await response.json()).toEqual({ url: `${APP_URL}/connexion?error=EmailInvalide` });
    await page.goto("/connexion?error=EmailInvalide");
    await expect(alert(page)).toHaveText("Cette adresse électronique n'est pas valide (exemple : prenom.nom@mairie-exemple.fr).");
    expect(await messagesFor(malformed)).toEqual([]);
  });

  test("la 6e demande pour la même adresse en 15 minutes est refusée : « Trop de demandes… »", async ({ page }) => {
    const email = uniqueEmail("limite");
    const since = Date.now();
    for (let request = 1; request <= 5; request++) await requestSignInLink(page, email);

    await page.goto("/connexion");
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(alert(page)).toHaveText("Trop de demandes de lien pour cette adresse ou depuis ce réseau. Réessayez dans un quart d'heure.");
    await expect(page).toHaveURL(`${APP_URL}/connexion`);

    // Five e-mails, not six.
    await expect.poll(async () => (await messagesFor(email, since)).length).toBe(5);
    await page.waitForTimeout(500);
    expect(await messagesFor(email, since)).toHaveLength(5);
  });

  test("la réponse est la même pour une adresse inconnue et pour un compte existant", async ({ page }) => {
    const known = "tresorier@demo.ccd.test";
    const unknown = uniqueEmail("inconnue");
    await forgetSignInRequests(known);

    // What the server answers, what the page shows, what the inbox receives: the address aside, identical.
    async function answerFor(email: string) {
      const since = Date.now();
      await page.goto("/connexion");
      await page.getByLabel("Adresse électronique").fill(email);
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith("/api/auth/signin/email") && candidate.request().method() === "POST"),
        page.getByRole("button", { name: "Recevoir un lien de connexion" }).click(),
      ]);
      await expect(page).toHaveURL(/\/connexion\/verification\?/);
      await expect(page).toHaveTitle(/^Consultez votre messagerie/);
      const mask = (text: string) => text.replaceAll(email, "<adresse>").replaceAll(encodeURIComponent(email), "<adresse>");
      const message = await waitForMessage(email, { since, subject: SIGN_IN_SUBJECT });
      return {
        status: response.status(),
        body: mask(await response.text()),
        url: mask(page.url()),
        title: await page.title(),
        main: mask(await page.getByRole("main").innerText()),
        header: await header(page).innerText(),
        subject: message.subject,
        text: mask(message.text).replace(/token=[^&\s]+/, "token=<jeton>"),
      };
    }

    const forKnown = await answerFor(known);
    const forUnknown = await answerFor(unknown);
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.status).toBe(200);
    expect(forKnown.main).toContain("Si l’adresse <adresse> est valide");
  });

  test("aucune violation axe sur /connexion et /connexion/verification", async ({ page }) => {
    await page.goto("/connexion");
    await expect(page.getByRole("button", { name: "S’identifier avec ProConnect" })).toBeVisible();
    await expectNoAxeViolation(page);

    await page.goto("/connexion?error=Verification");
    await expect(alert(page)).toHaveText(EXPIRED_OR_USED);
    await expectNoAxeViolation(page);

    await requestSignInLink(page, uniqueEmail("axe"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultez votre messagerie");
    await expectNoAxeViolation(page);
  });
});
