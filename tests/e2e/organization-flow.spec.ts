// A commune joins the label, end to end, with four people in four browsers: a new user claims
// a commune, the association's administrator validates it, the user invites a colleague who
// joins through the e-mailed link, and a fourth person asks to join. Every e-mail goes through
// the real SMTP server; every private page is checked with axe in the state the flow leaves it.
import { arrowDownTo, territorySearch } from "./territory-search";
import { expectSignedIn, signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, invitationsFor, organizationIdFor, unclaimedCommune } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { INVITATION_SUBJECT, invitationLinkIn, magicLinkIn, messagesFor, SIGN_IN_SUBJECT, waitForMessage } from "./support/mailbox";
import { APP_URL } from "./support/stack-config";
import { snapshot } from "./support/snapshot";

const ADMIN = "admin@demo.ccd.test";
/** Saint-Antonin-sur-Bayon, claimed by the demo data: an organization the new user has nothing to do with. */
const DEMO_COMMUNE_CODE = "13090";
const ACCESS_DENIED = "Vous n'avez pas accès à cette ressource, ou elle n'existe pas.";

test("une commune adhère, est validée, invite un collègue qui la rejoint", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const commune = await unclaimedCommune();
  const user = { page, email: uniqueEmail("maire") };
  let organizationId = "";

  await test.step("une nouvelle personne se connecte : espace vide", async () => {
    await signInByEmail(user.page, user.email);
    await expect(user.page).toHaveURL(`${APP_URL}/espace`);
    await expect(user.page.getByText("Vous n’êtes rattaché à aucune commune ni intercommunalité")).toBeVisible();
    await expectNoAxeViolation(user.page);
  });

  await test.step(`elle demande l'adhésion de ${commune.name} (${commune.departmentCode}) comme maire`, async () => {
    await user.page.getByRole("link", { name: "Rejoindre une commune ou une intercommunalité" }).click();
    await expect(user.page).toHaveURL(`${APP_URL}/espace/rejoindre`);
    await expect(user.page.getByRole("heading", { level: 1 })).toHaveText("Rejoindre une commune ou une intercommunalité");
    await expectNoAxeViolation(user.page);

    const { combobox, listbox } = territorySearch(user.page);
    await combobox.fill(commune.name);
    await expect(listbox).toBeVisible();
    await expectNoAxeViolation(user.page);
    const sameName = new RegExp(`^${commune.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`);
    await arrowDownTo(user.page, combobox, (text) => sameName.test(text) && text.includes(`(${commune.departmentCode})`));
    await user.page.keyboard.press("Enter");

    const chosen = user.page.getByRole("region", { name: commune.name });
    await expect(chosen).toContainText(commune.code);
    await chosen.getByRole("radio", { name: "Maire / élu" }).check();
    await chosen.getByLabel("Votre fonction").fill("Maire");
    await chosen.getByLabel("Un mot pour l’association ou vos collègues").fill("Test de bout en bout.");
    await expectNoAxeViolation(user.page);
    await snapshot(user.page, testInfo, "1-rejoindre-formulaire");
    await chosen.getByRole("button", { name: "Envoyer ma demande" }).click();

    await expect(user.page.getByText(`Demande d’adhésion envoyée pour ${commune.name}.`)).toBeVisible();
    await expect(user.page.getByText("L’association vérifie que vous agissez bien pour ce territoire, puis vous prévient par courriel.")).toBeVisible();
    await snapshot(user.page, testInfo, "2-rejoindre-confirmation");
  });

  await test.step("la redemander dit « déjà membre », et rien ne change", async () => {
    await user.page.goto(`/espace/rejoindre?territoire=${commune.code}`);
    const chosen = user.page.getByRole("region", { name: commune.name });
    await chosen.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(chosen.getByRole("alert")).toHaveText(`Vous êtes déjà membre de ${commune.name}.`);
    await expectNoAxeViolation(user.page);
  });

  await test.step("son espace montre l'adhésion en attente", async () => {
    await user.page.goto("/espace");
    const card = user.page.getByRole("listitem").filter({ has: user.page.getByRole("heading", { name: commune.name }) });
    await expect(card).toContainText("En attente de validation");
    await expect(card).toContainText("Votre rôle : Maire / élu");
    await card.getByRole("link", { name: commune.name }).click();
    await expect(user.page).toHaveURL(/\/espace\/organisations\/[a-z0-9]+$/);
    organizationId = new URL(user.page.url()).pathname.split("/").pop()!;
    await expect(user.page.getByRole("heading", { level: 1 })).toHaveText(commune.name);
    await expect(user.page.getByText("Adhésion en cours de vérification")).toBeVisible();
    // No inviting before the association has validated.
    await expect(user.page.getByRole("heading", { name: "Inviter un collègue" })).toHaveCount(0);
    await expectNoAxeViolation(user.page);
  });

  const admin = await newPerson(browser, "admin");
  await test.step("l'administrateur de l'association valide l'adhésion", async () => {
    await forgetSignInRequests(ADMIN);
    await signInByEmail(admin.page, ADMIN, { retour: "/admin/organisations" });
    await expect(admin.page).toHaveURL(`${APP_URL}/admin/organisations`);
    await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText("Adhésions à valider");
    const card = admin.page.getByRole("listitem").filter({ has: admin.page.getByRole("heading", { level: 2, name: commune.name }) });
    await expect(card).toContainText(`${user.email} : Maire / élu (Maire)`);
    await expect(card).toContainText("Domaine de l’adresse : e2e.ccd.test");
    await expect(card.getByRole("region", { name: `Données officielles de ${commune.name}` })).toContainText(commune.code);
    await expectNoAxeViolation(admin.page);
    await snapshot(admin.page, testInfo, "3-admin-a-valider");

    const since = Date.now();
    await card.getByRole("button", { name: `Valider l’adhésion de ${commune.name}` }).click();
    await expect(card).toHaveCount(0);
    await expectNoAxeViolation(admin.page);
    await snapshot(admin.page, testInfo, "4-admin-apres-validation");

    const notice = await waitForMessage(user.email, { since, subject: /^Adhésion validée/ });
    expect(notice.subject).toBe(`Adhésion validée : ${commune.name} — Label Commune Cyber Dynamique`);
    expect(notice.text).toContain(`${APP_URL}/espace`);
  });

  const colleague = await newPerson(browser, "secretaire");
  await test.step("la maire invite un collègue", async () => {
    await user.page.goto(`/espace/organisations/${organizationId}`);
    await expect(user.page.getByText("Adhésion validée", { exact: true })).toBeVisible();
    const invite = user.page.getByRole("region", { name: "Inviter un collègue" });
    await invite.getByLabel("Adresse électronique de votre collègue").fill(colleague.email);
    await expect(invite.getByLabel("Rôle")).toHaveValue("SECRETARY");
    await invite.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(invite.getByRole("status")).toHaveText("Invitation envoyée.");
    await expect(invite.getByRole("listitem").filter({ hasText: colleague.email })).toContainText("Secrétaire / agent");
    await expect(invite.getByLabel("Adresse électronique de votre collègue")).toHaveValue("");
    await expectNoAxeViolation(user.page);
  });

  await test.step("une invitation au nom d'une autre organisation (identifiant modifié) est refusée, et rien ne change", async () => {
    const otherOrganizationId = await organizationIdFor(DEMO_COMMUNE_CODE);
    const stranger = uniqueEmail("intrus");
    const invite = user.page.getByRole("region", { name: "Inviter un collègue" });
    await invite.getByLabel("Adresse électronique de votre collègue").fill(stranger);
    // What someone would do in the developer tools: change the hidden field react-hook-form reads.
    await invite.locator('input[name="organizationId"]').evaluate((input: HTMLInputElement, forged) => {
      input.type = "text";
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, forged);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.type = "hidden";
    }, otherOrganizationId);

    const [action] = await Promise.all([
      user.page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
      invite.getByRole("button", { name: "Envoyer l’invitation" }).click(),
    ]);
    // The forged identifier did reach the server…
    expect(action.postData()).toContain(otherOrganizationId);
    expect(action.postData()).not.toContain(organizationId);
    // …which refused it in French, and neither recorded nor sent anything.
    await expect(invite.getByRole("alert")).toHaveText(ACCESS_DENIED);
    expect(await invitationsFor(stranger)).toEqual([]);
    await user.page.waitForTimeout(500);
    expect(await messagesFor(stranger)).toEqual([]);
    await user.page.reload();
    await expect(user.page.getByRole("region", { name: "Inviter un collègue" }).getByRole("listitem")).toHaveCount(1);
  });

  await test.step("le collègue reçoit l'invitation, se connecte avec son adresse et l'accepte", async () => {
    const message = await waitForMessage(colleague.email, { subject: INVITATION_SUBJECT });
    expect(message.subject).toBe(`Invitation à rejoindre ${commune.name} — Label Commune Cyber Dynamique`);
    expect(message.text).toContain(`vous invite à rejoindre ${commune.name}`);
    const link = invitationLinkIn(message);

    await colleague.page.goto(link);
    await expect(colleague.page.getByRole("heading", { level: 1 })).toHaveText("Invitation");
    await expect(colleague.page.getByRole("main")).toContainText(
      `Vous êtes invité à rejoindre ${commune.name} avec le rôle Secrétaire / agent, à l’adresse ${colleague.email}.`,
    );
    await expectNoAxeViolation(colleague.page);
    await snapshot(colleague.page, testInfo, "5-invitation-non-connecte");

    await colleague.page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
    await expect(colleague.page).toHaveURL(`${APP_URL}/connexion?retour=${encodeURIComponent(new URL(link).pathname)}`);
    const since = Date.now();
    await colleague.page.getByLabel("Adresse électronique").fill(colleague.email);
    await colleague.page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(colleague.page).toHaveURL(/\/connexion\/verification\?/);
    const signIn = await waitForMessage(colleague.email, { since, subject: SIGN_IN_SUBJECT });
    await colleague.page.goto(magicLinkIn(signIn));

    // Back on the invitation, signed in.
    await expect(colleague.page).toHaveURL(link);
    await expectSignedIn(colleague.page);
    await expectNoAxeViolation(colleague.page);
    await colleague.page.getByRole("button", { name: "Accepter l’invitation" }).click();
    // The page then shows the invitation as used (its "Bienvenue !" message only flashes before
    // the refresh replaces it: reported); what counts is the membership, checked below.
    await expect(colleague.page.getByRole("button", { name: "Accepter l’invitation" })).toHaveCount(0);
    await expect(colleague.page.getByRole("main").getByRole("alert")).toHaveCount(0);
    await expectNoAxeViolation(colleague.page);
    await snapshot(colleague.page, testInfo, "6-invitation-acceptee");

    await colleague.page.goto("/espace");
    const card = colleague.page.getByRole("listitem").filter({ has: colleague.page.getByRole("heading", { name: commune.name }) });
    await expect(card).toContainText("Adhésion validée");
    await expect(card).toContainText("Votre rôle : Secrétaire / agent");
    await expectNoAxeViolation(colleague.page);
  });

  await test.step("le collègue, déjà membre, ne peut pas la rejoindre une seconde fois", async () => {
    await colleague.page.goto(`/espace/rejoindre?territoire=${commune.code}`);
    const chosen = colleague.page.getByRole("region", { name: commune.name });
    await chosen.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(chosen.getByRole("alert")).toHaveText(`Vous êtes déjà membre de ${commune.name}.`);
  });

  const newcomer = await newPerson(browser, "agent");
  await test.step("une quatrième personne demande à rejoindre : une fois, pas deux", async () => {
    await signInByEmail(newcomer.page, newcomer.email, { retour: `/espace/rejoindre?territoire=${commune.code}` });
    const chosen = newcomer.page.getByRole("region", { name: commune.name });
    await chosen.getByRole("radio", { name: "Cyber Champion" }).check();
    await chosen.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(newcomer.page.getByText(`${commune.name} participe déjà au label : votre demande pour la rejoindre est envoyée.`)).toBeVisible();

    await newcomer.page.goto(`/espace/rejoindre?territoire=${commune.code}`);
    await newcomer.page.getByRole("region", { name: commune.name }).getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(newcomer.page.getByRole("region", { name: commune.name }).getByRole("alert")).toHaveText(
      `Votre demande pour rejoindre ${commune.name} est déjà en attente de réponse.`,
    );

    await newcomer.page.goto("/espace");
    await expect(newcomer.page.getByRole("region", { name: "Vos demandes en attente" })).toContainText(`${commune.name}, comme cyber champion`);
    await expectNoAxeViolation(newcomer.page);
  });

  await test.step("la page de l'organisation montre les membres, la demande et le journal", async () => {
    await user.page.goto(`/espace/organisations/${organizationId}`);
    const members = user.page.getByRole("region", { name: "Membres" });
    await expect(members.getByRole("listitem")).toHaveCount(2);
    await expect(members).toContainText(`${user.email} · Maire / élu · Maire`);
    await expect(members).toContainText(`${colleague.email} · Secrétaire / agent`);
    const requests = user.page.getByRole("region", { name: "Demandes pour rejoindre l’organisation" });
    await expect(requests.getByRole("listitem")).toHaveCount(1);
    await expect(requests).toContainText(`(${newcomer.email}) demande à rejoindre l’organisation comme cyber champion`);
    await expect(user.page.getByRole("region", { name: "Inviter un collègue" }).getByText("Invitations en attente")).toHaveCount(0);
    await expectNoAxeViolation(user.page);
    await snapshot(user.page, testInfo, "7-organisation");
  });

  await Promise.all([admin.context.close(), colleague.context.close(), newcomer.context.close()]);
});
