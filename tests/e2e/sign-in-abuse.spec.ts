// Issue 9: what an outsider tried against the running demo, replayed over HTTP against the
// built server (and, for redirects, in Chromium). The stack runs with TRUSTED_PROXY_HOPS=1:
// the rightmost X-Forwarded-For entry is the client, as behind one reverse proxy.
import type { APIRequestContext, Page } from "@playwright/test";
import { signInByEmail } from "./support/auth";
import { expect, randomClientIp, test, uniqueEmail } from "./support/fixtures";
import { magicLinkIn, messagesFor, SIGN_IN_SUBJECT, waitForMessage } from "./support/mailbox";
import { APP_URL } from "./support/stack-config";

const SIGN_IN = "/api/auth/signin/email";
const TOO_MANY = `${APP_URL}/connexion?error=TropDeDemandes`;
const INVALID = `${APP_URL}/connexion?error=EmailInvalide`;

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A sign-in request as next-auth's client sends it, body written by hand. */
async function askLink(request: APIRequestContext, body: string, headers: Record<string, string> = {}) {
  const response = await request.post(SIGN_IN, {
    data: body,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: APP_URL, ...headers },
  });
  return { status: response.status(), url: ((await response.json().catch(() => ({}))) as { url?: string }).url, response };
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Where the server sends a signed-in person for this ?retour= (raw query string value). */
async function locationFor(page: Page, rawRetour: string) {
  const response = await page.request.get(`/connexion?retour=${rawRetour}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  return response.headers()["location"];
}

test.describe("retour après connexion", () => {
  // Raw, as typed in a link: each decodes to something a browser reads as another host.
  const VARIANTS = [
    "%2F%09%2Fevil.example", // the report: Chromium strips the tab, lands on evil.example
    "%2F%09%5Cevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5C%5Cevil.example",
    "%2F.%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
    "http%3A%2F%2F127.0.0.1.evil.example%2F",
  ];

  test("chaque variante renvoie vers /espace, et un chemin de l'application est gardé", async ({ page }) => {
    await signInByEmail(page, uniqueEmail("retour"));
    for (const variant of VARIANTS) expect.soft(await locationFor(page, variant), variant).toBe("/espace");
    expect(await locationFor(page, "%2Fespace%2Fadhesion%3Fetape%3D2")).toBe("/espace/adhesion?etape=2");

    // In Chromium itself: the reported link stays on the application.
    await page.goto("/connexion?retour=%2F%09%2Fevil.example");
    await expect(page).toHaveURL(`${APP_URL}/espace`);
  });

  test("un lien de connexion demandé pour la victime avec un callbackUrl piégé ramène dans l'application", async ({ page, request }) => {
    const victim = uniqueEmail("victime-callback");
    const since = Date.now();
    const token = await csrfToken(request);
    const asked = await askLink(request, form({ email: victim, csrfToken: token, json: "true", callbackUrl: "/connexion?retour=%2F%09%2Fevil.example" }));
    expect(asked.status).toBe(200);
    const message = await waitForMessage(victim, { since, subject: SIGN_IN_SUBJECT });
    await page.goto(magicLinkIn(message));
    await expect(page).toHaveURL(`${APP_URL}/espace`);
  });
});

test.describe("budgets des liens de connexion", () => {
  test("un formulaire portant deux adresses est refusé et n'envoie rien", async ({ request }) => {
    const decoy = uniqueEmail("leurre");
    const victim = uniqueEmail("victime-double");
    const token = await csrfToken(request);
    const asked = await askLink(request, `${form({ csrfToken: token, json: "true" })}&email=${encodeURIComponent(decoy)}&email=${encodeURIComponent(victim)}`);
    expect(asked.url).toBe(INVALID);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await messagesFor(victim)).toEqual([]);
    expect(await messagesFor(decoy)).toEqual([]);
  });

  test("casse et +étiquette comptent pour la même boîte : la 6e demande est refusée", async ({ request }) => {
    const [local, domain] = uniqueEmail("etiquette").split("@");
    const variants = [`${local}+1@${domain}`, `${local!.toUpperCase()}+2@${domain}`, `${local}@${domain!.toUpperCase()}`, `${local}+x@${domain}`, ` ${local}+y@${domain} `];
    for (const email of variants) {
      const token = await csrfToken(request);
      // Each from its own client: only the mailbox's budget is at stake.
      expect((await askLink(request, form({ email, csrfToken: token, json: "true" }), { "x-forwarded-for": randomClientIp() })).url).not.toBe(TOO_MANY);
    }
    const token = await csrfToken(request);
    expect((await askLink(request, form({ email: `${local}@${domain}`, csrfToken: token, json: "true" }), { "x-forwarded-for": randomClientIp() })).url).toBe(TOO_MANY);
  });

  test("un X-Forwarded-For inventé ne change pas de client : la 31e demande est refusée", async ({ request }) => {
    const client = randomClientIp();
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 31; i++) {
      const token = await csrfToken(request);
      // What the client writes stands left of what the proxy (here, the test) appends.
      const headers = { "x-forwarded-for": `${randomClientIp()}, ${randomClientIp()}, ${client}` };
      answers.push((await askLink(request, form({ email: uniqueEmail(`xff${i}`), csrfToken: token, json: "true" }), headers)).url);
    }
    expect(answers.slice(0, 30).filter((url) => url === TOO_MANY)).toEqual([]);
    expect(answers[30]).toBe(TOO_MANY);
  });

  test("des demandes sans jeton CSRF ne dépensent pas le budget de la personne", async ({ page, request }) => {
    const victim = uniqueEmail("verrou");
    for (let i = 0; i < 6; i++) await askLink(request, form({ email: victim, json: "true" }), { "x-forwarded-for": randomClientIp() });
    expect(await messagesFor(victim)).toEqual([]);
    // The person's own request, from the page, still goes through.
    const since = Date.now();
    await page.goto("/connexion");
    await page.getByLabel("Adresse électronique").fill(victim);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(page).toHaveURL(/\/connexion\/verification\?/);
    await waitForMessage(victim, { since, subject: SIGN_IN_SUBJECT });
  });
});

test.describe("routes qui modifient des données", () => {
  test("un corps trop gros est refusé avant d'être lu (413, en français)", async ({ page, request }) => {
    const big = await askLink(request, `email=${"a".repeat(100_000)}%40exemple.fr`);
    expect(big.status).toBe(413);
    expect(await big.response.json()).toMatchObject({ ok: false, message: expect.stringMatching(/trop volumineuse/) });

    // The autosave route: the session first (401 without reading), then a few KB at most.
    const anonymous = await request.post("/api/questionnaire/answers", { data: { note: "x".repeat(100_000) } });
    expect(anonymous.status()).toBe(401);
    await signInByEmail(page, uniqueEmail("gros-corps"));
    const signedIn = await page.request.post("/api/questionnaire/answers", { data: { note: "x".repeat(100_000) }, headers: { origin: APP_URL } });
    expect(signedIn.status()).toBe(413);
  });

  test("une requête venue d'un autre site est refusée (403, en français), session ou non", async ({ page, request }) => {
    await signInByEmail(page, uniqueEmail("autre-site"));
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of crossSite) {
      const answer = await page.request.post("/api/questionnaire/answers", { data: { assessmentId: "x", questionKey: "y", value: "oui" }, headers });
      expect.soft(answer.status(), JSON.stringify(headers)).toBe(403);
      expect.soft(await answer.json()).toMatchObject({ ok: false, message: expect.stringMatching(/autre site/) });
    }
    const token = await csrfToken(request);
    const signIn = await askLink(request, form({ email: uniqueEmail("csrf"), csrfToken: token, json: "true" }), { origin: "https://evil.example" });
    expect(signIn.status).toBe(403);
  });
});
