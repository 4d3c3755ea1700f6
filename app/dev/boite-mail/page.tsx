import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { listDevMailbox } from "@/lib/notifications/dev-mailbox";
import { devMailboxEnabled } from "@/lib/notifications/mailer";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Boîte mail de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Outside production and without SMTP, every e-mail the application sends is readable here. */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const messages = await listDevMailbox(getDb());
  return (
    <>
      <PageHeader
        title="Boîte mail de développement"
        lead="Sans serveur SMTP configuré, les courriels envoyés par l’application arrivent ici. Cette page n’existe pas en production."
      />
      <Container className="space-y-6 py-10">
        {messages.length === 0 ? <p>Aucun courriel pour l’instant.</p> : null}
        <ol className="space-y-6">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-line p-5">
              <article aria-labelledby={`mail-${message.id}`}>
                <h2 id={`mail-${message.id}`} className="text-lg">
                  {message.subject}
                </h2>
                <p className="text-sm text-ink-muted">
                  À <strong>{message.to}</strong>, le{" "}
                  <time dateTime={message.createdAt.toISOString()}>
                    {message.createdAt.toLocaleString("fr-FR", { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Paris" })}
                  </time>
                </p>
                <div className="mt-3 whitespace-pre-wrap break-words">
                  {message.parts.map((part, index) =>
                    part.kind === "link" ? (
                      <a key={index} href={part.value}>
                        {part.value}
                      </a>
                    ) : (
                      <span key={index}>{part.value}</span>
                    ),
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      </Container>
    </>
  );
}
