// The Cyber Champion (criterion 3), end to end: a secretary designates a person, the rule of the
// round refuses the mayor before anything is sent, the designated person receives the link by
// the real SMTP server, signs in with that address and accepts (or declines), and the champion
// page then shows the criterion met (or the refusal) and the history. Each test works on its own
// commune, created active in the database, so runs and tests never share a Champion.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { signInByEmail, expectSignedIn } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { query, unclaimedCommune, type Commune } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { magicLinkIn, messagesFor, SIGN_IN_SUBJECT, waitForMessage, type ReceivedMessage } from "./support/mailbox";
import { APP_URL } from "./support/stack-config";
import { snapshot } from "./support/snapshot";

const DESIGNATION_SUBJECT = /^Vous êtes désigné\(e\) Cyber Champion/;
const RULE = "Le Cyber Champion ne peut être ni le maire ni le directeur des systèmes d'information (règle de la campagne)";

/** A commune validated by the association, with a secretary and a mayor (accounts not signed in yet). */
async function activeCommune(): Promise<Commune & { organizationId: string; secretary: string; mayor: string }> {
  const commune = await unclaimedCommune();
  const tag = randomBytes(6).toString("hex");
  const organizationId = `e2e-champion-${tag}`;
  const secretary = uniqueEmail("secretaire");
  const mayor = uniqueEmail("maire");
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [
    organizationId,
    commune.code,
    commune.name,
  ]);
  for (const [email, role, title] of [
    [secretary, "SECRETARY", "Secrétaire de mairie"],
    [mayor, "MAYOR", "Maire"],
  ] as const) {
    const userId = `e2e-user-${randomBytes(6).toString("hex")}`;
    await query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [userId, email, title]);
    await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role, title) VALUES ($1, $2, $3, $4, $5)`, [
      `e2e-membership-${randomBytes(6).toString("hex")}`,
      userId,
      organizationId,
      role,
      title,
    ]);
  }
  return { ...commune, organizationId, secretary, mayor };
}

async function designationsOf(organizationId: string) {
  return query<{ email: string; status: string }>(`SELECT email, status FROM "ChampionDesignation" WHERE "organizationId" = $1 ORDER BY "createdAt"`, [
    organizationId,
  ]);
}

function championLinkIn(message: ReceivedMessage): string {
  const match = new RegExp(`${APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/champion/[A-Za-z0-9_-]+`).exec(message.text);
  if (!match) throw new Error(`Aucun lien /champion/… dans le courriel :\n${message.text}`);
  return match[0];
}

/** Fills the designation form as a person would. */
async function fillDesignation(page: Page, values: { name: string; fn: string; email: string; phone?: string; elected: boolean }) {
  const form = page.getByRole("region", { name: /Désigner/ });
  // The choice first: an error appearing under a field as it is left moves what lies below.
  await form.getByRole("radio", { name: values.elected ? /^élue ou élu/ : /^agent de la collectivité/ }).check();
  await form.getByLabel("Prénom et nom").fill(values.name);
  await form.getByLabel("Fonction").fill(values.fn);
  await form.getByLabel("Adresse électronique").fill(values.email);
  if (values.phone !== undefined) await form.getByLabel("Téléphone (facultatif)").fill(values.phone);
  return form;
}

test("la secrétaire désigne le Cyber Champion, qui accepte : le critère 3 est rempli", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const commune = await activeCommune();
  const championPage = `/espace/organisations/${commune.organizationId}/champion`;
  const champion = await newPerson(browser, "champion");

  await test.step("la page du Cyber Champion, vide", async () => {
    await signInByEmail(page, commune.secretary, { retour: championPage });
    await expect(page).toHaveURL(`${APP_URL}${championPage}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cyber Champion");
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("Personne n’est Cyber Champion pour l’instant : le critère 3 du label n’est pas rempli.");
    await expect(page.getByRole("region", { name: "Historique" })).toContainText("Aucun ancien Cyber Champion");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-1-vide");
  });

  await test.step("désigner la maire est refusé dans le navigateur, avec le message de la règle, et rien n'est envoyé", async () => {
    const form = await fillDesignation(page, { name: "Jeanne Dubois", fn: "Maire", email: commune.mayor, elected: true });
    // The rule is applied as soon as the function is left, before any submission.
    await expect(form.getByLabel("Fonction")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Fonction")).toHaveAccessibleDescription(new RegExp(RULE.replace(/[()]/g, "\\$&")));
    await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
    await expect(form.getByLabel("Fonction")).toBeFocused();
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-2-erreur-maire");

    // A harmless function does not hide the mayor's address.
    await form.getByLabel("Fonction").fill("Conseillère municipale");
    await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
    await expect(form.getByLabel("Fonction")).not.toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Adresse électronique")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Adresse électronique")).toHaveAccessibleDescription(/Cette adresse est celle du maire, qui ne peut pas être Cyber Champion/);
    // Nothing typed is lost, nothing was recorded or sent.
    await expect(form.getByLabel("Prénom et nom")).toHaveValue("Jeanne Dubois");
    expect(await designationsOf(commune.organizationId)).toEqual([]);
    expect(await messagesFor(commune.mayor)).toEqual([]);
  });

  await test.step("désigner une adjointe : la désignation part, en attente de réponse", async () => {
    const form = await fillDesignation(page, { name: "Claire Champion", fn: "Adjointe au numérique", email: champion.email, phone: "04 42 00 00 00", elected: true });
    await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
    await expect(form.getByRole("status")).toHaveText("Désignation envoyée : la personne a reçu un courriel pour accepter ou refuser.");
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("En attente de réponse");
    await expect(status).toContainText(`Désignation de Claire Champion (Adjointe au numérique) envoyée le`);
    await expect(status).toContainText(champion.email);
    await expect(status.getByRole("button", { name: "Renvoyer le lien" })).toBeVisible();
    await expect(status.getByRole("button", { name: "Annuler la désignation" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Désigner une autre personne" })).toBeVisible();
    // The form is empty again for a next time.
    await expect(page.getByLabel("Prénom et nom")).toHaveValue("");
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-3-en-attente");
  });

  let link = "";
  await test.step("la personne désignée reçoit le lien et se connecte avec son adresse", async () => {
    const message = await waitForMessage(champion.email, { subject: DESIGNATION_SUBJECT });
    expect(message.subject).toBe(`Vous êtes désigné(e) Cyber Champion de ${commune.name} — Label Commune Cyber Dynamique`);
    link = championLinkIn(message);

    await champion.page.goto(link);
    await expect(champion.page.getByRole("heading", { level: 1 })).toHaveText("Désignation de Cyber Champion");
    const main = champion.page.getByRole("main");
    await expect(main).toContainText(`${commune.name} désigne Claire Champion comme Cyber Champion.`);
    await expect(main).toContainText("Fonction indiquée : Adjointe au numérique");
    await expect(main.getByRole("heading", { name: "Être Cyber Champion, qu’est-ce que c’est ?" })).toBeVisible();
    await expect(main.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(champion.page);
    await snapshot(champion.page, testInfo, "acceptation-1-non-connecte");

    await main.getByRole("link", { name: "Se connecter" }).click();
    await expect(champion.page).toHaveURL(`${APP_URL}/connexion?retour=${encodeURIComponent(new URL(link).pathname)}`);
    const since = Date.now();
    await champion.page.getByLabel("Adresse électronique").fill(champion.email);
    await champion.page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(champion.page).toHaveURL(/\/connexion\/verification\?/);
    await champion.page.goto(magicLinkIn(await waitForMessage(champion.email, { since, subject: SIGN_IN_SUBJECT })));
    await expect(champion.page).toHaveURL(link);
    await expectSignedIn(champion.page);
    await expectNoAxeViolation(champion.page);
    await snapshot(champion.page, testInfo, "acceptation-2-connecte");
  });

  await test.step("elle accepte, et rejoint l'organisation", async () => {
    await champion.page.getByRole("button", { name: "Accepter" }).click();
    const main = champion.page.getByRole("main");
    await expect(main).toContainText(`Vous êtes le Cyber Champion de ${commune.name}.`);
    await expect(main.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(champion.page);
    await snapshot(champion.page, testInfo, "acceptation-3-acceptee");
    await main.getByRole("link", { name: `Ouvrir la page de ${commune.name}` }).click();
    await expect(champion.page.getByRole("heading", { level: 1 })).toHaveText(commune.name);

    // The Champion reads the criterion, without the form.
    await champion.page.goto(championPage);
    await expect(champion.page.getByRole("region", { name: "Où en êtes-vous ?" })).toContainText("Critère 3 rempli");
    await expect(champion.page.getByRole("heading", { name: /Désigner/ })).toHaveCount(0);
    await expect(champion.page.getByRole("button", { name: "Mettre fin à son rôle" })).toHaveCount(0);
  });

  await test.step("la page du Cyber Champion montre le critère 3 rempli", async () => {
    await page.reload();
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("Critère 3 rempli");
    await expect(status).toContainText(`Claire Champion a accepté d’être le Cyber Champion de ${commune.name} le`);
    await expect(status).toContainText(`Adjointe au numérique (élu) · ${champion.email} · 04 42 00 00 00`);
    expect(await designationsOf(commune.organizationId)).toEqual([{ email: champion.email, status: "ACCEPTED" }]);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-4-accepte");
    // With a Champion in place, designating someone else is one click away, not in the way.
    await expect(page.getByLabel("Prénom et nom")).toBeHidden();
    await page.getByText("Afficher le formulaire de désignation").click();
    await expect(page.getByLabel("Prénom et nom")).toBeVisible();
    await expectNoAxeViolation(page);
  });

  await champion.context.close();
});

test("une désignation refusée, un lien falsifié, une autre adresse : rien ne change à tort", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const commune = await activeCommune();
  const championPage = `/espace/organisations/${commune.organizationId}/champion`;
  const designated = await newPerson(browser, "agent");

  await signInByEmail(page, commune.secretary, { retour: championPage });
  const form = await fillDesignation(page, { name: "Paul Agent", fn: "Agent d’accueil", email: designated.email, elected: false });
  await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
  await expect(page.getByRole("region", { name: "Où en êtes-vous ?" })).toContainText("En attente de réponse");
  const link = championLinkIn(await waitForMessage(designated.email, { subject: DESIGNATION_SUBJECT }));

  await test.step("un lien falsifié : message clair, rien ne change", async () => {
    await page.goto(`/champion/${randomBytes(32).toString("base64url")}`);
    await expect(page.getByRole("main")).toContainText("Ce lien de désignation n’est pas valide.");
    await expect(page.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "acceptation-lien-invalide");
  });

  await test.step("connecté avec une autre adresse : la désignation ne s'accepte pas", async () => {
    await page.goto(link);
    await expect(page.getByRole("main")).toContainText(`Vous êtes connecté avec ${commune.secretary}. Cette désignation est adressée à ${designated.email}`);
    await expect(page.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "acceptation-autre-adresse");
    expect(await designationsOf(commune.organizationId)).toEqual([{ email: designated.email, status: "PENDING" }]);
  });

  await test.step("la personne désignée refuse", async () => {
    await signInByEmail(designated.page, designated.email, { retour: new URL(link).pathname });
    await expect(designated.page).toHaveURL(link);
    designated.page.once("dialog", (dialog) => void dialog.accept());
    await designated.page.getByRole("button", { name: "Refuser" }).click();
    await expect(designated.page.getByRole("main")).toContainText("Cette désignation a été refusée");
    await expect(designated.page.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(designated.page);
    expect(await designationsOf(commune.organizationId)).toEqual([{ email: designated.email, status: "DECLINED" }]);
    // Declining joins nothing.
    expect(await query(`SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [designated.email])).toEqual([]);
  });

  await test.step("la secrétaire voit le refus et l'historique, et peut désigner quelqu'un d'autre", async () => {
    await page.goto(championPage);
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("Désignation refusée");
    await expect(status).toContainText("Paul Agent a refusé d’être Cyber Champion le");
    const history = page.getByRole("region", { name: "Historique" });
    await expect(history.getByRole("row").nth(1)).toContainText("Paul Agent");
    await expect(history.getByRole("row").nth(1)).toContainText("A refusé la désignation");
    await expect(page.getByRole("heading", { level: 2, name: "Désigner le Cyber Champion" })).toBeVisible();
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-5-refus");
  });

  await test.step("une désignation en attente : renvoyer le lien (l'ancien ne sert plus), puis l'annuler", async () => {
    const second = uniqueEmail("second");
    const form = await fillDesignation(page, { name: "Lucie Seconde", fn: "Conseillère municipale", email: second, elected: true });
    await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("Désignation de Lucie Seconde (Conseillère municipale) envoyée le");
    const firstLink = championLinkIn(await waitForMessage(second, { subject: DESIGNATION_SUBJECT }));

    await status.getByRole("button", { name: "Renvoyer le lien" }).click();
    await expect(status.getByRole("status")).toHaveText("Un nouveau lien est parti : l’ancien ne fonctionne plus.");
    const resent = await waitForMessage(second, { subject: /^Rappel : vous êtes désigné\(e\) Cyber Champion/ });
    expect(championLinkIn(resent)).not.toBe(firstLink);
    await designated.page.goto(firstLink);
    await expect(designated.page.getByRole("main")).toContainText("Ce lien de désignation n’est pas valide.");

    page.once("dialog", (dialog) => void dialog.accept());
    await status.getByRole("button", { name: "Annuler la désignation" }).click();
    await expect(status).toContainText("Personne n’est Cyber Champion pour l’instant");
    const rows = page.getByRole("region", { name: "Historique" }).getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("Lucie Seconde");
    await expect(rows.nth(1)).toContainText("Désignation annulée avant réponse");
    await expect(rows.nth(2)).toContainText("A refusé la désignation");
    // The form's "sent" message was about the designation just cancelled: it is gone.
    await expect(page.getByText("Désignation envoyée")).toHaveCount(0);
    expect(await designationsOf(commune.organizationId)).toEqual([
      { email: designated.email, status: "DECLINED" },
      { email: second, status: "CANCELLED" },
    ]);
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-6-historique");
  });

  await designated.context.close();
});

test("un lien expiré : la page le dit, la mairie le renvoie", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const commune = await activeCommune();
  const championPage = `/espace/organisations/${commune.organizationId}/champion`;
  const designated = await newPerson(browser, "expire");

  await signInByEmail(page, commune.secretary, { retour: championPage });
  const form = await fillDesignation(page, { name: "Marc Tardif", fn: "Adjoint aux travaux", email: designated.email, elected: true });
  await form.getByRole("button", { name: "Désigner et envoyer le lien" }).click();
  await expect(page.getByRole("region", { name: "Où en êtes-vous ?" })).toContainText("En attente de réponse");
  const link = championLinkIn(await waitForMessage(designated.email, { subject: DESIGNATION_SUBJECT }));
  // Fourteen days later, without an answer.
  await query(`UPDATE "ChampionDesignation" SET "tokenExpiresAt" = now() - interval '1 minute' WHERE email = $1`, [designated.email]);

  await test.step("la personne désignée : lien expiré, rien à accepter", async () => {
    await designated.page.goto(link);
    await expect(designated.page.getByRole("main")).toContainText(`Ce lien a expiré le`);
    await expect(designated.page.getByRole("main")).toContainText(`Demandez à ${commune.name} de vous renvoyer le lien`);
    await expect(designated.page.getByRole("button", { name: "Accepter" })).toHaveCount(0);
    await expectNoAxeViolation(designated.page);
    await snapshot(designated.page, testInfo, "acceptation-lien-expire");
  });

  await test.step("la secrétaire voit le lien expiré et le renvoie", async () => {
    await page.reload();
    const status = page.getByRole("region", { name: "Où en êtes-vous ?" });
    await expect(status).toContainText("Lien expiré, sans réponse");
    await expect(status).toContainText("sans réponse : renvoyez-le.");
    await expectNoAxeViolation(page);
    await snapshot(page, testInfo, "champion-7-lien-expire");
    await status.getByRole("button", { name: "Renvoyer le lien" }).click();
    await expect(status).toContainText("En attente de réponse");
    const fresh = championLinkIn(await waitForMessage(designated.email, { subject: /^Rappel : vous êtes désigné\(e\) Cyber Champion/ }));
    await designated.page.goto(fresh);
    await expect(designated.page.getByRole("main")).toContainText("Marc Tardif comme Cyber Champion");
  });

  await designated.context.close();
});
