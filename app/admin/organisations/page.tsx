import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecideOrganizationForm } from "@/components/organizations/decide-organization-form";
import { roleLabel } from "@/components/organizations/role-labels";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { AccessDeniedError } from "@/lib/auth/errors";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPendingOrganizations } from "@/lib/organizations/validation";
import { decideOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Adhésions à valider" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function PendingOrganizationsPage() {
  const actor = await requireActorOrRedirect("/admin/organisations");
  const pending = await listPendingOrganizations(getDb(), actor).catch((error: unknown) => {
    if (error instanceof AccessDeniedError) notFound();
    throw error;
  });

  return (
    <>
      <PageHeader
        title="Adhésions à valider"
        lead="Vérifiez que la personne agit bien pour ce territoire : adresse de la mairie ou de l’intercommunalité, fonction, données officielles."
      />
      <Container className="space-y-6 py-10">
        {pending.length === 0 ? <p>Aucune adhésion en attente.</p> : <p>{pending.length} adhésion(s) en attente, la plus ancienne d’abord.</p>}
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
                      <dl className="grid grid-cols-[max-content_1fr] gap-x-4">
                        <dt className="font-semibold">{territory.kind === "EPCI" ? "SIREN" : "Code INSEE"}</dt>
                        <dd>{territory.code}</dd>
                        {territory.siren && territory.kind === "COMMUNE" ? (
                          <>
                            <dt className="font-semibold">SIREN</dt>
                            <dd>{territory.siren}</dd>
                          </>
                        ) : null}
                        <dt className="font-semibold">Département</dt>
                        <dd>{territory.department ? `${territory.department.name} (${territory.department.code})` : "—"}</dd>
                        <dt className="font-semibold">Région</dt>
                        <dd>{territory.region?.name ?? "—"}</dd>
                        <dt className="font-semibold">Population</dt>
                        <dd>{territory.population.toLocaleString("fr-FR")}</dd>
                        {territory.postcodes.length > 0 ? (
                          <>
                            <dt className="font-semibold">Codes postaux</dt>
                            <dd>{territory.postcodes.join(", ")}</dd>
                          </>
                        ) : null}
                        {territory.epci ? (
                          <>
                            <dt className="font-semibold">Intercommunalité</dt>
                            <dd>{territory.epci.name}</dd>
                          </>
                        ) : null}
                      </dl>
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
