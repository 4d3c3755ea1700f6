// Reads what the application sent to the test SMTP server (see mail-server.ts).
import { expect } from "@playwright/test";
import type { ReceivedMessage } from "./mail-server";
import { APP_URL, MAILBOX_URL } from "./stack-config";

export type { ReceivedMessage };

/** Every message received for `to` since `since` (epoch milliseconds), oldest first. */
export async function messagesFor(to: string, since = 0): Promise<ReceivedMessage[]> {
  const url = `${MAILBOX_URL}/messages?to=${encodeURIComponent(to)}&since=${since}`;
  const response = await fetch(url).catch((error: unknown) => {
    throw new Error(
      `La boîte de test (${MAILBOX_URL}) ne répond pas : l'application doit être lancée par tests/e2e/support/start-stack.ts ` +
        `(arrêtez tout serveur déjà ouvert sur le port de l'application). ${String(error)}`,
    );
  });
  if (!response.ok) throw new Error(`La boîte de test répond ${response.status}`);
  return (await response.json()) as ReceivedMessage[];
}

/** Waits for the `count`-th message to `to` received since `since` whose subject matches, and returns it. */
export async function waitForMessage(
  to: string,
  { since = 0, subject, timeout = 15_000, count = 1 }: { since?: number; subject?: RegExp; timeout?: number; count?: number } = {},
): Promise<ReceivedMessage> {
  let found: ReceivedMessage[] = [];
  await expect
    .poll(
      async () => {
        found = (await messagesFor(to, since)).filter((message) => !subject || subject.test(message.subject));
        return found.length;
      },
      { message: `courriel${subject ? ` « ${subject.source} »` : ""} pour ${to}`, timeout, intervals: [100, 200, 250, 500] },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

function linkIn(message: ReceivedMessage, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}[^\\s"<>]+`).exec(message.text);
  if (!match) throw new Error(`Aucun lien ${prefix}… dans le courriel « ${message.subject} » :\n${message.text}`);
  return match[0];
}

/** The sign-in link of a magic-link e-mail. */
export const magicLinkIn = (message: ReceivedMessage) => linkIn(message, `${APP_URL}/api/auth/callback/email?`);

/** The /invitation/<token> link of an invitation e-mail. */
export const invitationLinkIn = (message: ReceivedMessage) => linkIn(message, `${APP_URL}/invitation/`);

export const SIGN_IN_SUBJECT = /^Votre lien de connexion/;
export const INVITATION_SUBJECT = /^Invitation à rejoindre/;
