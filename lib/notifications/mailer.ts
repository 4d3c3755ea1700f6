// Hands a finished e-mail to SMTP; outside production without SMTP, e-mails land in the
// development mailbox (/dev/boite-mail) so the demo works on a machine with no mail server.
// Only the outbox worker (outbox-worker.ts) and the immediate sign-in link (send-now.ts) call it.
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/create-client";
import type { EmailAttachment } from "./templates";

export type Email = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
  /** Same key, same Message-ID: a message sent twice (worker killed after SMTP accepted it) is recognisable. */
  idempotencyKey?: string;
};

/** Something that accepts an e-mail or throws (SMTP refused, unreachable…). */
export type MailTransport = (email: Email) => Promise<void>;

export function devMailboxEnabled(): boolean {
  const config = env();
  return config.APP_ENV !== "production" && !config.SMTP_URL;
}

export function messageIdFor(idempotencyKey: string, appUrl: string): string {
  const host = (() => {
    try {
      return new URL(appUrl).hostname || "localhost";
    } catch {
      return "localhost";
    }
  })();
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@${host}>`;
}

/** An SMTP transport (a small pool of connections, timeouts short enough to retry later). */
export function smtpTransport(smtpUrl: string, from: string, appUrl: string, options: { pool?: number } = {}): MailTransport & { close(): void } {
  const transporter: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: options.pool ?? 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const send = async (email: Email) => {
    await transporter.sendMail({
      from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers,
      messageId: email.idempotencyKey ? messageIdFor(email.idempotencyKey, appUrl) : undefined,
      attachments: email.attachments?.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: Buffer.from(attachment.content),
      })),
    });
  };
  return Object.assign(send, { close: () => transporter.close() });
}

/** The development mailbox: the rendered message is stored, and read on /dev/boite-mail. */
export function devMailboxTransport(db: Db): MailTransport {
  return async (email) => {
    await db.devMailboxMessage.create({ data: { to: email.to, subject: email.subject, text: email.text, html: email.html } });
  };
}

let shared: MailTransport | undefined;

/** The transport this process's configuration asks for. */
export function configuredTransport(db: Db): MailTransport {
  const config = env();
  if (config.SMTP_URL) {
    shared ??= smtpTransport(config.SMTP_URL, config.MAIL_FROM, config.APP_URL);
    return shared;
  }
  if (!devMailboxEnabled()) {
    return async () => {
      throw new Error("Aucun serveur SMTP n'est configuré (SMTP_URL).");
    };
  }
  return devMailboxTransport(db);
}

/** Sends one finished e-mail with the configured transport. */
export async function sendEmail(db: Db, email: Email): Promise<void> {
  await configuredTransport(db)(email);
}
