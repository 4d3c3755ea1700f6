import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { DecideOrganizationForm } from "@/components/organizations/decide-organization-form";
import { roleLabel } from "@/components/organizations/role-labels";
import { TerritoryFacts } from "@/components/organizations/territory-facts";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPendingOrganizations, listRejectedOrganizations } from "@/lib/organizations/validation";
import { decideOrganizationAction, reopenOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Adhésions à valider" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

type Props = { searchParams: Promise<{ page?: string }> };

export default async function PendingOrganizationsPage({ searchParams }: Props) {
  const actor = await requireActorOrRedirect("/admin/organisations");
  const requested = Number((await searchParams).page ?? "1");
  const queue = await orNotFound(listPendingOrganizations(getDb(), actor, { page: requested }));
  const rejected = await listRejectedOrganizations(getDb(), actor);
  const pending = queue.items;

  return (
    <>
      <PageHeader
        title="Adhésions à valider"
        lead="Vérifiez que la personne agit bien pour ce territoire : adresse de la mairie ou de l’intercommunalité, fonction, données officielles."
      />
      <Container className="space-y-6 py-10">
        <p>
          {queue.total === 0
            ? "Aucune adhésion en attente."
            : queue.total === 1
              ? "Une adhésion en attente."
              : `${queue.total} adhésions en attente, la plus ancienne d’abord${queue.pageCount > 1 ? ` (page ${queue.page} sur ${queue.pageCount})` : ""}.`}
        </p>
        <ul className="space-y-6">
          {pending.map((organization) => {
            const territory = organization.territory;
            return (
              <li key={organization.id}>
                <Card className="space-y-4">
                  <h2 className="text-xl">
                    {organization.name} <span className="text-base font-normal text-ink-muted">({territory.kind === "EPCI" ? "intercommunalité" : "commune"})</span>
                  </h2>
                  <div className="grid gap-6 md:grid-cols-2">
                    <section aria-label={`Demandeur pour ${organization.name}`}>
                      <h3 className="text-lg">Qui demande</h3>
                      <p>
                        {organization.requestedBy?.name ?? "—"} · {organization.requestedBy?.email ?? "compte supprimé"}
                      </p>
                      <p>
                        Domaine de l’adresse : <strong>{organization.requesterDomain ?? "—"}</strong>
                      </p>
                      <p>Demande du {dateFormat.format(organization.createdAt)}</p>
                      <ul className="list-disc pl-6">
                        {organization.memberships.map((membership, index) => (
                          <li key={index}>
                            {membership.user.email} : {roleLabel(membership.role)}
                            {membership.title ? ` (${membership.title})` : ""}
                          </li>
                        ))}
                      </ul>
                    </section>
                    <section aria-label={`Données officielles de ${organization.name}`}>
                      <h3 className="text-lg">Données officielles</h3>
                      <TerritoryFacts territory={territory} />
                    </section>
                  </div>
                  <DecideOrganizationForm organizationId={organization.id} name={organization.name} action={decideOrganizationAction} />
                </Card>
              </li>
            );
          })}
        </ul>
        {queue.pageCount > 1 ? (
          <nav aria-label="Pages des adhésions à valider" className="flex flex-wrap items-center gap-4">
            {queue.page > 1 ? <Link href={`/admin/organisations?page=${queue.page - 1}`}>← Page précédente</Link> : null}
            <span>
              Page {queue.page} sur {queue.pageCount}
            </span>
            {queue.page < queue.pageCount ? <Link href={`/admin/organisations?page=${queue.page + 1}`}>Page suivante →</Link> : null}
          </nav>
        ) : null}

        <section aria-labelledby="refusees-titre" className="space-y-4 border-t border-line pt-6">
          <h2 id="refusees-titre" className="text-2xl">
            Adhésions refusées
          </h2>
          <p>Un territoire refusé ne peut plus être demandé. Rouvrez-le si la commune ou l’intercommunalité doit pouvoir refaire sa demande : la nouvelle demande repart de zéro, l’historique est gardé.</p>
          {rejected.length === 0 ? <p>Aucune adhésion refusée.</p> : null}
          <ul className="space-y-3">
            {rejected.map((organization) => (
              <li key={organization.id}>
                <Card className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <p className="font-semibold">{organization.name}</p>
                    <p className="text-sm text-ink-muted">Motif : {organization.rejectionReason ?? "—"}</p>
                  </div>
                  {organization.reopenedAt ? (
                    <p>Rouvert le {dateFormat.format(organization.reopenedAt)} : en attente d’une nouvelle demande.</p>
                  ) : (
                    <ActionButton action={reopenOrganizationAction} input={{ organizationId: organization.id }} confirm={`Rouvrir ${organization.name} à une nouvelle demande d’adhésion ?`}>
                      Rouvrir à une nouvelle demande
                    </ActionButton>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </Container>
    </>
  );
}
