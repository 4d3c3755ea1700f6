import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationStatusBadge } from "@/components/organizations/status-badge";
import { roleLabel, rolesLabel } from "@/components/organizations/role-labels";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { associationPermissions } from "@/lib/auth/grants";
import { ASSOCIATION_ROLE_LABELS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getDashboard } from "@/lib/organizations/overview";
import { OrganizationSwitcher } from "@/components/organizations/organization-switcher";
import { getActiveOrganizationId, requireActorOrRedirect } from "@/lib/auth/session";
import { signOutEverywhereAction, switchOrganizationAction } from "./actions";
import { ActionButton } from "@/components/forms/action-button";

export const metadata: Metadata = { title: "Mon espace" };

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect("/espace");
  const { organizations, requests } = await getDashboard(getDb(), actor);
  const association = associationPermissions(actor);
  const activeId = await getActiveOrganizationId(actor);

  return (
    <>
      <PageHeader title={`Bonjour${actor.name ? ` ${actor.name}` : ""}`} lead="Votre espace pour préparer et suivre le label de votre commune ou intercommunalité." />
      <Container className="space-y-10 py-10">
        {actor.associationRoles.length > 0 ? (
          <section aria-labelledby="association-titre" className="space-y-3">
            <h2 id="association-titre" className="text-2xl">
              Association
            </h2>
            <p>Vos rôles : {actor.associationRoles.map((grant) => `${(ASSOCIATION_ROLE_LABELS as Record<string, string>)[grant.role] ?? grant.role}${grant.departmentCode ? ` (${grant.departmentCode})` : ""}`).join(", ")}.</p>
            <ul className="list-disc space-y-1 pl-6">
              {/* Candidacy and review (issue 12): reviewers, administrators and correspondents. */}
              {association.has("review:read") ? (
                <li>
                  <Link href="/espace/examen">{association.has("candidacy:review") ? "Dossiers de candidature à examiner" : "Candidatures déposées"}</Link>
                </li>
              ) : null}
              {association.has("organization:validate") ? (
                <li>
                  <Link href="/admin/organisations">Adhésions à valider</Link>
                </li>
              ) : null}
              {association.has("round:manage") ? (
                <li>
                  <Link href="/admin/campagnes">Campagnes annuelles</Link>
                </li>
              ) : null}
              {association.has("questionnaire:manage") ? (
                <li>
                  <Link href="/admin/questionnaires">Versions du questionnaire</Link>
                </li>
              ) : null}
              {association.has("dues:read") ? (
                <li>
                  <Link href="/admin/tresorerie">Trésorerie : cotisations et relevés</Link>
                </li>
              ) : null}
              {association.has("audit:read") ? (
                <li>
                  <Link href="/admin/journal">Journal de la plateforme</Link>
                </li>
              ) : null}
              {association.has("messages:manage") ? (
                <li>
                  <Link href="/admin/messages">Courriels et tâches de fond</Link>
                </li>
              ) : null}
              {association.has("certificate:manage") || association.has("certificate:hologram") ? (
                <li>
                  <Link href="/admin/certificats">Certificats : hologrammes, révocations, remplacements</Link>
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="organisations-titre" className="space-y-4">
          <h2 id="organisations-titre" className="text-2xl">
            Vos organisations
          </h2>
          {organizations.length > 1 ? (
            <OrganizationSwitcher organizations={organizations.map(({ id, name }) => ({ id, name }))} activeId={activeId} action={switchOrganizationAction} />
          ) : null}
          {organizations.length === 0 && association.has("review:read") ? (
            <p>Vous n’êtes membre d’aucune commune : votre travail est dans les <Link href="/espace/examen">dossiers de candidature</Link>.</p>
          ) : organizations.length === 0 ? (
            <Notice title="Vous n’êtes rattaché à aucune commune ni intercommunalité">
              <p>Choisissez la vôtre dans la liste officielle pour préparer le label ou rejoindre vos collègues.</p>
            </Notice>
          ) : (
            <ul className="grid gap-4 md:grid-cols-2">
              {organizations.map((organization) => (
                <li key={organization.id}>
                  <Card className="h-full space-y-2">
                    <h3 className="text-xl">
                      <Link href={`/espace/organisations/${organization.id}`}>{organization.name}</Link>
                    </h3>
                    <p className="text-ink-muted">
                      {organization.territory.kind === "EPCI" ? "Intercommunalité" : "Commune"}
                      {organization.territory.department ? ` · ${organization.territory.department.name} (${organization.territory.department.code})` : ""}
                    </p>
                    <p>
                      <OrganizationStatusBadge status={organization.status} />
                    </p>
                    <p>Votre rôle : {rolesLabel(organization.roles)}</p>
                    {organization.status === "PENDING" ? (
                      <p className="text-sm">L’association vérifie votre demande ; vous recevrez un courriel dès qu’elle est validée.</p>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <ButtonLink href="/espace/rejoindre" variant="secondary">
            Rejoindre une commune ou une intercommunalité
          </ButtonLink>
        </section>

        <section aria-labelledby="courriels-titre" className="space-y-3">
          <h2 id="courriels-titre" className="text-2xl">
            Vos courriels
          </h2>
          <p>
            Rappels avant la date limite : <Link href="/espace/preferences">choisir de les recevoir ou non</Link>.
          </p>
        </section>

        <section aria-labelledby="securite-titre" className="space-y-3">
          <h2 id="securite-titre" className="text-2xl">
            Sécurité de votre compte
          </h2>
          <p>Un appareil perdu ou partagé ? Fermez toutes vos sessions ouvertes, y compris celle-ci.</p>
          <ActionButton action={signOutEverywhereAction} input={{}} confirm="Vous déconnecter de tous vos appareils ?">
            Me déconnecter de tous les appareils
          </ActionButton>
        </section>

        {requests.length > 0 ? (
          <section aria-labelledby="demandes-titre" className="space-y-3">
            <h2 id="demandes-titre" className="text-2xl">
              Vos demandes en attente
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {requests.map((request) => (
                <li key={request.id}>
                  {request.organization.name}, comme {roleLabel(request.requestedRole).toLowerCase()} : en attente de la réponse d’un
                  responsable de l’organisation.
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Container>
    </>
  );
}
