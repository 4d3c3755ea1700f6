// Sends e-mail over SMTP; outside production without SMTP, e-mails land in the development
// mailbox (/dev/boite-mail) so the demo works on a machine with no mail server.
import nodemailer, { type Transporter } from "nodemailer";
import { devMailboxEnabled as deploymentDevMailboxEnabled } from "@/lib/config/deployment";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/create-client";

export type Email = { to: string; subject: string; text: string; html?: string };

let transporter: Transporter | undefined;

/** Whether e-mails land in /dev/boite-mail: decided by the deployment mode (lib/config/deployment.ts). */
export function devMailboxEnabled(): boolean {
  return deploymentDevMailboxEnabled();
}

export async function sendEmail(db: Db, email: Email): Promise<void> {
  const config = env();
  if (config.SMTP_URL) {
    transporter ??= nodemailer.createTransport(config.SMTP_URL);
    await transporter.sendMail({ from: config.MAIL_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html });
    return;
  }
  if (!devMailboxEnabled()) throw new Error("Aucun serveur SMTP n'est configuré (SMTP_URL).");
  await db.devMailboxMessage.create({ data: { to: email.to, subject: email.subject, text: email.text, html: email.html } });
}
