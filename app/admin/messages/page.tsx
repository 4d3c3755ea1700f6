import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/db/generated/enums";
import { listOutboxMessages, OUTBOX_STATUS_LABELS, queueHealth } from "@/lib/notifications/admin";
import { retryMessageAction } from "./actions";

export const metadata: Metadata = { title: "Courriels et tâches de fond" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
const FILTERS: { status: OutboxStatus | null; label: string }[] = [
  { status: null, label: "Tous" },
  { status: "FAILED", label: "En échec" },
  { status: "PENDING", label: "En attente" },
  { status: "SENT", label: "Envoyés" },
  { status: "SKIPPED", label: "Non envoyés" },
];

function parseStatus(value: string | string[] | undefined): OutboxStatus | undefined {
  return typeof value === "string" && value in OUTBOX_STATUS_LABELS ? (value as OutboxStatus) : undefined;
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect("/admin/messages");
  const status = parseStatus((await searchParams).statut);
  const db = getDb();
  const [messages, health] = await Promise.all([orNotFound(listOutboxMessages(db, actor, { status })), orNotFound(queueHealth(db, actor))]);

  return (
    <>
      <PageHeader
        title="Courriels et tâches de fond"
        lead="Les courriels de la plateforme partent en arrière-plan : s’ils ne peuvent pas partir (serveur de messagerie indisponible, adresse refusée), ils restent en attente et sont réessayés, puis passent en échec. Vous pouvez relancer un message en échec."
      />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="sante-titre" className="space-y-3">
          <h2 id="sante-titre" className="text-2xl">
            État de la file
          </h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Courriels en attente</dt>
            <dd>{health.outbox.PENDING}</dd>
            <dt className="font-semibold">Courriels en échec</dt>
            <dd>{health.outbox.FAILED}</dd>
            <dt className="font-semibold">Courriels envoyés</dt>
            <dd>{health.outbox.SENT}</dd>
            <dt className="font-semibold">Tâches en attente</dt>
            <dd>{health.jobs ? health.jobs.waiting : "file pas encore installée (aucun worker démarré)"}</dd>
            <dt className="font-semibold">Tâches en échec (24 dernières heures)</dt>
            <dd>{health.jobs ? health.jobs.failedLast24h : "—"}</dd>
          </dl>
          {health.jobs && health.jobs.queues.length > 0 ? (
            <table className="w-full max-w-2xl border-collapse text-left">
              <caption className="text-left font-semibold">Par type de tâche</caption>
              <thead>
                <tr className="border-b-2 border-line">
                  <th scope="col" className="py-2 pr-4">Tâche</th>
                  <th scope="col" className="py-2 pr-4">En attente</th>
                  <th scope="col" className="py-2">En échec (24 h)</th>
                </tr>
              </thead>
              <tbody>
                {health.jobs.queues.map((queue) => (
                  <tr key={queue.name} className="border-b border-line">
                    <td className="py-2 pr-4">{queue.name}</td>
                    <td className="py-2 pr-4">{queue.waiting}</td>
                    <td className="py-2">{queue.failedLast24h}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>

        <section aria-labelledby="messages-titre" className="space-y-4">
          <h2 id="messages-titre" className="text-2xl">
            Courriels
          </h2>
          <nav aria-label="Filtrer les courriels">
            <ul className="flex flex-wrap gap-4">
              {FILTERS.map((filter) => {
                const current = (filter.status ?? undefined) === status;
                return (
                  <li key={filter.label}>
                    <Link href={filter.status ? `/admin/messages?statut=${filter.status}` : "/admin/messages"} aria-current={current ? "page" : undefined} className={current ? "font-bold" : undefined}>
                      {filter.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          {messages.length === 0 ? <p>Aucun courriel{status ? ` avec l’état « ${OUTBOX_STATUS_LABELS[status]} »` : ""}.</p> : null}
          <ul className="space-y-4">
            {messages.map((message) => (
              <li key={message.id} className="rounded-lg border border-line bg-white p-4">
                <h3 id={`message-${message.id}`} className="text-lg">
                  {message.subject ?? `(pas encore rédigé : ${message.template})`}
                </h3>
                <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">État</dt>
                  <dd>
                    {OUTBOX_STATUS_LABELS[message.status]}
                    {message.status === "PENDING" && message.attempts > 0 ? ` (nouvel essai à ${dateFormat.format(message.nextAttemptAt)})` : ""}
                  </dd>
                  <dt className="font-semibold">Destinataire</dt>
                  <dd>{message.to}</dd>
                  {message.organizationName ? (
                    <>
                      <dt className="font-semibold">Organisation</dt>
                      <dd>{message.organizationName}</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">Créé le</dt>
                  <dd>{dateFormat.format(message.createdAt)}</dd>
                  {message.sentAt ? (
                    <>
                      <dt className="font-semibold">Envoyé le</dt>
                      <dd>{dateFormat.format(message.sentAt)}</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">Essais</dt>
                  <dd>{message.attempts}</dd>
                  {message.lastError && message.status !== "SENT" ? (
                    <>
                      <dt className="font-semibold">Dernière erreur</dt>
                      <dd className="break-words">{message.lastError}</dd>
                    </>
                  ) : null}
                </dl>
                {message.retryable ? (
                  <div className="mt-3">
                    <ActionButton action={retryMessageAction} input={{ messageId: message.id }}>
                      Renvoyer ce message
                    </ActionButton>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </Container>
    </>
  );
}
