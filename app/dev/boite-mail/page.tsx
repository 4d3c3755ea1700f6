import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { listDevMailbox } from "@/lib/notifications/dev-mailbox";
import { deployment, devMailboxShows } from "@/lib/config/deployment";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Boîte mail de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * On a developer's machine without SMTP, every e-mail the application sends is readable here;
 * in a public demonstration only those to the demo's .test addresses; elsewhere the page does
 * not exist (lib/config/deployment.ts).
 */
export default async function DevMailboxPage() {
  const current = deployment();
  if (!current.devMailbox) notFound();
  const demo = current.mode === "demo";
  const messages = (await listDevMailbox(getDb(), 50, { onlyDemoAddresses: demo })).filter((message) => devMailboxShows(message.to, current));
  return (
    <>
      <PageHeader
        title="Boîte mail de développement"
        lead={
          demo
            ? "Démonstration publique : seuls les courriels adressés aux comptes de démonstration (adresses en .test) sont affichés ici."
            : "Sans serveur SMTP configuré, les courriels envoyés par l’application arrivent ici. Cette page n’existe pas en production."
        }
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
