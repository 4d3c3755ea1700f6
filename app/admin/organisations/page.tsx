import type { Metadata } from "next";
import { DecideOrganizationForm } from "@/components/organizations/decide-organization-form";
import { roleLabel } from "@/components/organizations/role-labels";
import { TerritoryFacts } from "@/components/organizations/territory-facts";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPendingOrganizations } from "@/lib/organizations/validation";
import { decideOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Adhésions à valider" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function PendingOrganizationsPage() {
  const actor = await requireActorOrRedirect("/admin/organisations");
  const pending = await orNotFound(listPendingOrganizations(getDb(), actor));

  return (
    <>
      <PageHeader
        title="Adhésions à valider"
        lead="Vérifiez que la personne agit bien pour ce territoire : adresse de la mairie ou de l’intercommunalité, fonction, données officielles."
      />
      <Container className="space-y-6 py-10">
        <p>
          {pending.length === 0
            ? "Aucune adhésion en attente."
            : pending.length === 1
              ? "Une adhésion en attente."
              : `${pending.length} adhésions en attente, la plus ancienne d’abord.`}
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
      </Container>
    </>
  );
}
