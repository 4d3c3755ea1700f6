// Turns an outbox row (template name + data) into the e-mail that leaves: the feature's
// template inside the shared layout.
import type { Db } from "@/lib/db/create-client";
import { renderLayout, type LaidOutEmail } from "./layout";
import { EMAIL_TEMPLATES, type EmailCategory, type EmailTemplate, type EmailAttachment } from "./templates";

export class UnknownTemplateError extends Error {
  constructor(readonly template: string) {
    super(`Modèle de courriel inconnu : « ${template} ». Il a peut-être été renommé ; ce message ne peut pas être envoyé.`);
  }
}

export function templateOf(name: string): EmailTemplate<unknown> | undefined {
  return Object.hasOwn(EMAIL_TEMPLATES, name) ? ((EMAIL_TEMPLATES as Record<string, EmailTemplate<unknown>>)[name] ?? undefined) : undefined;
}

export type RenderedMessage = LaidOutEmail & { category: EmailCategory; attachments?: EmailAttachment[] };

export async function renderOutboxMessage(
  db: Db,
  message: { template: string; data: unknown; organizationId: string | null },
  appUrl: string,
): Promise<RenderedMessage> {
  const template = templateOf(message.template);
  if (!template) throw new UnknownTemplateError(message.template);
  const rendered = await template.render(message.data as never, { db, appUrl: appUrl.replace(/\/$/, "") });
  const organization = message.organizationId
    ? await db.organization.findUnique({ where: { id: message.organizationId }, select: { name: true } })
    : null;
  const laidOut = renderLayout({ rendered, category: template.category, appUrl, organizationName: organization?.name });
  return { ...laidOut, category: template.category, attachments: rendered.attachments };
}
