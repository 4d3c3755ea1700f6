// The e-mails the platform sends, by name. A feature declares its templates in its own folder
// (lib/<domain>/emails.ts) and lists them here; the outbox stores the name and the data, and the
// worker renders them when it sends, inside the one layout every message shares.
import type { Db } from "@/lib/db/create-client";
import { duesEmails } from "@/lib/dues/emails";
import { certificateEmails } from "@/lib/certificates/emails";
import { championEmails } from "@/lib/champion/emails";
import { organizationEmails } from "@/lib/organizations/emails";
import { candidacyEmails } from "@/lib/candidacy/emails";
import { reviewEmails } from "@/lib/review/emails";
import { notificationEmails } from "./emails";
import { progressionEmails } from "@/lib/progression/emails";

/**
 * What a message is, which decides whether its recipient may turn it off: reminders can be
 * switched off on /espace; notices, decisions and legal documents are always sent.
 */
export type EmailCategory = "reminder" | "notice" | "decision" | "document";

export type EmailAttachment = { filename: string; contentType: string; content: Uint8Array };

export type RenderedEmail = {
  subject: string;
  /** The body in plain text, paragraphs separated by blank lines; links are absolute URLs of APP_URL. */
  text: string;
  /** Why the person receives it, one sentence, shown at the foot of the layout. */
  reason?: string;
  attachments?: EmailAttachment[];
};

export type RenderContext = { db: Db; appUrl: string };

export type EmailTemplate<D> = {
  category: EmailCategory;
  render(data: D, context: RenderContext): RenderedEmail | Promise<RenderedEmail>;
};

/** Declares a template with its data type, so queueEmail checks the data a feature passes. */
export function emailTemplate<D>(template: EmailTemplate<D>): EmailTemplate<D> {
  return template;
}

// Features add their templates here: `...dueEmails,` imported from "@/lib/dues/emails".
export const EMAIL_TEMPLATES = {
  ...duesEmails,
  // Issue 10: the e-mails that existed before the outbox.
  ...championEmails,
  ...organizationEmails,
  // Candidacy and review (issue 12)
  ...candidacyEmails,
  ...reviewEmails,
  ...notificationEmails,
  // Issue 14: renewal reminders.
  ...progressionEmails,
  ...certificateEmails,
} satisfies Record<string, EmailTemplate<never>>;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailTemplateData<N extends EmailTemplateName> = (typeof EMAIL_TEMPLATES)[N] extends EmailTemplate<infer D> ? D : never;
