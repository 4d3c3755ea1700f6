// E-mails sent in the background (issue 10): an administrator sees a failed message, sends it
// again, and sees it sent (read from the real SMTP server); a person who turned reminders off
// receives no deadline reminder while the mayor of the same commune does.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { jobSqlBuilder } from "@/lib/jobs/boss";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { query, unclaimedCommune } from "./support/db";
import { expect, test, uniqueEmail } from "./support/fixtures";
import { messagesFor, waitForMessage } from "./support/mailbox";
import { DATABASE_URL } from "./support/stack-config";

const tag = () => randomBytes(6).toString("hex");

async function newUser(email: string, name: string): Promise<string> {
  const userId = `e2e-user-${tag()}`;
  await query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [userId, email, name]);
  return userId;
}

/** Runs a background job now, as its daily schedule would (pg-boss's own INSERT). */
async function runJobNow(name: string) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const id = await jobSqlBuilder().send(name, {}, { db: { executeSql: (text, values) => client.query(text, values) } });
    expect(id, `la file ${name} existe`).toBeTruthy();
  } finally {
    await client.end();
  }
}

test("l'administrateur voit un courriel en échec, le renvoie, et le voit envoyé", async ({ page }) => {
  const admin = uniqueEmail("admin-courriels");
  const adminId = await newUser(admin, "Administratrice des courriels");
  await query(`INSERT INTO "AssociationRoleGrant" (id, "userId", role) VALUES ($1, $2, 'ADMINISTRATOR')`, [`e2e-grant-${tag()}`, adminId]);
  const recipient = uniqueEmail("destinataire");
  const organizationName = `Commune en échec ${tag()}`;
  await query(
    `INSERT INTO "OutboxMessage" (id, "idempotencyKey", "to", template, data, status, attempts, "lastError", subject)
     VALUES ($1, $2, $3, 'organization.validated', $4, 'FAILED', 8, '550 5.1.1 boîte aux lettres inconnue', $5)`,
    [`e2e-msg-${tag()}`, `e2e:${tag()}`, recipient, JSON.stringify({ organizationName }), `Adhésion validée : ${organizationName} — Label Commune Cyber Dynamique`],
  );

  await signInByEmail(page, admin, { retour: "/admin/messages?statut=FAILED" });
  await expect(page.getByRole("heading", { level: 1, name: "Courriels et tâches de fond" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: recipient });
  await expect(item).toContainText("Échec");
  await expect(item).toContainText("550 5.1.1 boîte aux lettres inconnue");
  await expect(item).toContainText("Essais8");
  await expectNoAxeViolation(page);

  const since = Date.now();
  await item.getByRole("button", { name: "Renvoyer ce message" }).click();
  await expect(page.getByText("Le message est de nouveau en attente")).toBeVisible();
  const mail = await waitForMessage(recipient, { since, subject: /^Adhésion validée/ });
  expect(mail.text).toContain(`L'association a validé l'adhésion de ${organizationName}.`);
  expect(mail.text).toContain("Association des Communes Cyber Dynamiques");

  await page.goto("/admin/messages?statut=SENT");
  const sent = page.getByRole("listitem").filter({ hasText: recipient });
  await expect(sent).toContainText("Envoyé");
  await expect(sent).toContainText("Envoyé le");
  await expect(sent.getByRole("button", { name: "Renvoyer ce message" })).toHaveCount(0);
  await expectNoAxeViolation(page);
});

test("une secrétaire coupe les rappels : elle n'en reçoit aucun, le maire reçoit le sien", async ({ page }) => {
  const commune = await unclaimedCommune();
  const organizationId = `e2e-rappels-${tag()}`;
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [
    organizationId,
    commune.code,
    commune.name,
  ]);
  const secretary = uniqueEmail("secretaire-rappels");
  const mayor = uniqueEmail("maire-rappels");
  for (const [email, role] of [
    [secretary, "SECRETARY"],
    [mayor, "MAYOR"],
  ] as const) {
    const userId = await newUser(email, role === "MAYOR" ? "Maire" : "Secrétaire de mairie");
    await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, $4)`, [`e2e-membership-${tag()}`, userId, organizationId, role]);
  }

  await signInByEmail(page, secretary, { retour: "/espace/preferences" });
  await expect(page.getByRole("heading", { level: 1, name: "Mes courriels" })).toBeVisible();
  await expect(page.getByText("Vous recevez les rappels.")).toBeVisible();
  await expectNoAxeViolation(page);
  await page.getByRole("button", { name: "Ne plus recevoir les rappels" }).click();
  await expect(page.getByText("C’est noté : vous ne recevrez plus de rappels.")).toBeVisible();
  await expect(page.getByText("Vous ne recevez plus les rappels.")).toBeVisible();

  // The demo round closes on 31 December: from 1 December on, the 30-day reminder is due.
  const since = Date.now();
  await runJobNow("notifications.deadline-reminders");
  const reminder = await waitForMessage(mayor, { since, subject: /^Plus que (30|7) jours pour compléter le dossier/, timeout: 30_000 });
  expect(reminder.text).toContain(commune.name);
  expect(reminder.text).toContain("Cyber Champion : désignez une personne");
  expect(reminder.text).toMatch(/\/espace\/preferences/);
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status FROM "OutboxMessage" WHERE "to" = $1 AND template = 'reminder.deadline'`, [secretary])).map((row) => row.status))
    .toEqual(["SKIPPED"]);
  expect((await messagesFor(secretary, since)).filter((message) => /^Plus que/.test(message.subject))).toEqual([]);
});
