import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTION_LABELS, listAllAudit } from "@/lib/audit/list";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Journal de la plateforme" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** Every audit event, newest first: sign-ins, claims, validations, membership changes. */
export default async function AuditPage() {
  const actor = await requireActorOrRedirect("/admin/journal");
  const events = await orNotFound(listAllAudit(getDb(), actor));
  return (
    <>
      <PageHeader title="Journal de la plateforme" lead="Les 200 derniers événements : connexions, adhésions, validations, changements de membres." />
      <Container className="py-10">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Derniers événements</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-2 pr-4">Date</th>
              <th scope="col" className="py-2 pr-4">Qui</th>
              <th scope="col" className="py-2 pr-4">Quoi</th>
              <th scope="col" className="py-2">Organisation</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-line">
                <td className="py-2 pr-4">{dateFormat.format(event.createdAt)}</td>
                <td className="py-2 pr-4">{event.actor?.email ?? "—"}</td>
                <td className="py-2 pr-4">{AUDIT_ACTION_LABELS[event.action] ?? event.action}</td>
                <td className="py-2">
                  {event.organization ? <Link href={`/espace/organisations/${event.organization.id}`}>{event.organization.name}</Link> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Container>
    </>
  );
}
