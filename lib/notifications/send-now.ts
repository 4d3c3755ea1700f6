// The one e-mail that cannot wait for the outbox: the sign-in link (next-auth sends it while
// the person waits). It goes through the same layout, and leaves the same trace in the outbox
// table (sent or failed, subject, error), without the link itself: the link is a key.
import { randomUUID } from "node:crypto";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/create-client";
import { renderLayout } from "./layout";
import { configuredTransport, type MailTransport } from "./mailer";
import type { EmailCategory, RenderedEmail } from "./templates";

/** Template name of the trace rows; not in EMAIL_TEMPLATES, so such a row is never re-sent. */
export const SIGN_IN_TEMPLATE = "auth.sign-in";

export async function sendImmediateEmail(
  db: Db,
  email: { to: string; template: string; category: EmailCategory; rendered: RenderedEmail },
  transport: MailTransport = configuredTransport(db),
): Promise<void> {
  const appUrl = env().APP_URL;
  const laidOut = renderLayout({ rendered: email.rendered, category: email.category, appUrl });
  const idempotencyKey = `${email.template}:${randomUUID()}`;
  const to = email.to.trim().toLowerCase();
  try {
    await transport({ to, subject: laidOut.subject, text: laidOut.text, html: laidOut.html, headers: laidOut.headers, idempotencyKey });
  } catch (error) {
    await db.outboxMessage
      .create({
        data: { idempotencyKey, to, template: email.template, subject: laidOut.subject, status: "FAILED", attempts: 1, lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error) },
      })
      .catch(() => {});
    throw error;
  }
  await db.outboxMessage.create({
    data: { idempotencyKey, to, template: email.template, subject: laidOut.subject, status: "SENT", attempts: 1, sentAt: new Date() },
  });
}
