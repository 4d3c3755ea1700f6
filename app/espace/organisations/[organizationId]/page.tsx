import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { CriteriaPanel } from "@/components/candidacy/criteria-panel";
import { BadgeSnippetPanel } from "@/components/public/badge-snippet-panel";
import { DuesSummary } from "@/components/dues/dues-summary";
import { CandidacyLabelPanel } from "@/components/candidacy/label-panel";
import { getCandidacySummary } from "@/lib/candidacy/read";
import { CertificatePanel } from "@/components/certificates/certificate-panel";
import { ActionButton } from "@/components/forms/action-button";
import { EpciAccessSection } from "@/components/organizations/epci-access-section";
import { InviteForm } from "@/components/organizations/invite-form";
import { RoleForm } from "@/components/organizations/role-form";
import { roleLabel } from "@/components/organizations/role-labels";
import { OrganizationStatusBadge } from "@/components/organizations/status-badge";
import { TerritoryFacts } from "@/components/organizations/territory-facts";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listOrganizationAudit } from "@/lib/audit/list";
import { orNotFound } from "@/lib/auth/not-found";
import { getLabelCriteria } from "@/lib/candidacy/criteria";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listInvitations } from "@/lib/organizations/invitations";
import { listJoinRequests, listMembers } from "@/lib/organizations/members";
import { getOrganizationOverview } from "@/lib/organizations/overview";
import {
  changeMemberRoleAction,
  decideJoinRequestAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
  setEpciAccessAction,
} from "./actions";

export const metadata: Metadata = { title: "Organisation" };

type Props = { params: Promise<{ organizationId: string }> };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function OrganizationPage({ params }: Props) {
  const { organizationId } = await params;
  const actor = await requireActorOrRedirect(`/espace/organisations/${organizationId}`);
  const db = getDb();
  const overview = await orNotFound(getOrganizationOverview(db, actor, organizationId));
  const { organization, can } = overview;
  const manage = can("members:manage");
  const [criteria, members, requests, invitations, audit] = await Promise.all([
    can("candidacy:read") ? getLabelCriteria(db, actor, organizationId) : null,
    can("members:read") ? listMembers(db, actor, organizationId) : [],
    manage ? listJoinRequests(db, actor, organizationId) : [],
    manage ? listInvitations(db, actor, organizationId) : [],
    can("audit:read") ? listOrganizationAudit(db, actor, organizationId, 50) : [],
  ]);
  // Candidacy and review (issue 12): the candidacy's state and the label of the open round.
  const candidacySummary = criteria ? await getCandidacySummary(db, actor, organizationId) : null;
  const roles = overview.grantableRoles;
  const territory = organization.territory;

  return (
    <>
      <PageHeader title={organization.name} lead={territory.kind === "EPCI" ? "Intercommunalité" : "Commune"} />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="fiche-titre" className="space-y-3">
          <h2 id="fiche-titre" className="text-2xl">
            Fiche
          </h2>
          <p>
            <OrganizationStatusBadge status={organization.status} />
          </p>
          {organization.status === "PENDING" ? (
            <Notice title="Adhésion en cours de vérification">
              <p>L’association vérifie que vous agissez bien pour ce territoire. Vous recevrez un courriel dès la validation ; vous pourrez alors inviter vos collègues et préparer le dossier.</p>
            </Notice>
          ) : null}
          {organization.status === "REJECTED" && organization.rejectionReason ? (
            <Notice tone="danger" title="Adhésion refusée">
              <p>Motif : {organization.rejectionReason}</p>
            </Notice>
          ) : null}
          <TerritoryFacts territory={territory} />
        </section>

        <BadgeSnippetPanel actor={actor} organizationId={organization.id} />

        {criteria ? (
          <section aria-labelledby="dossier-titre" className="space-y-3">
            <h2 id="dossier-titre" className="text-2xl">
              Dossier de candidature {criteria.round.year}
            </h2>
            <CriteriaPanel criteria={criteria} organizationId={organization.id} />
            {candidacySummary ? <CandidacyLabelPanel summary={candidacySummary} organizationId={organization.id} /> : null}
          </section>
        ) : can("assessment:read") ? (
          <section aria-labelledby="questionnaire-titre" className="space-y-3">
            <h2 id="questionnaire-titre" className="text-2xl">
              Questionnaire IMMUNITE CYBER
            </h2>
            <Card className="space-y-3">
              <p>Le pré-diagnostic de la Gendarmerie nationale : premier critère du label. Vos réponses sont enregistrées au fil de l’eau.</p>
              <p className="flex flex-wrap gap-3">
                <ButtonLink href={`/espace/organisations/${organization.id}/questionnaire`}>Ouvrir le questionnaire</ButtonLink>
                <ButtonLink href={`/espace/organisations/${organization.id}/questionnaire/resultats`} variant="secondary">
                  Voir les résultats
                </ButtonLink>
              </p>
            </Card>
          </section>
        ) : null}

        <DuesSummary organizationId={organization.id} />
        <CertificatePanel actor={actor} organizationId={organization.id} />

        <section hidden={!can("members:read")} aria-labelledby="membres-titre" className="space-y-4">
          <h2 id="membres-titre" className="text-2xl">
            Membres
          </h2>
          <ul className="space-y-3">
            {members.map((membership) => {
              const who = membership.user.name ?? membership.user.email;
              const self = membership.user.id === actor.userId;
              return (
                <li key={membership.id}>
                  <Card className="flex flex-wrap items-start justify-between gap-4">
                    <div>
                      <p className="font-semibold">
                        {who}
                        {self ? " (vous)" : ""}
                      </p>
                      <p className="text-sm text-ink-muted">
                        {membership.user.email} · {roleLabel(membership.role)}
                        {membership.title ? ` · ${membership.title}` : ""}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-start gap-4">
                      {manage && roles.includes(membership.role) ? (
                        <RoleForm membershipId={membership.id} current={membership.role} roles={roles} memberName={who} action={changeMemberRoleAction} />
                      ) : null}
                      {(manage && roles.includes(membership.role)) || self ? (
                        <ActionButton
                          action={removeMemberAction}
                          input={{ membershipId: membership.id }}
                          confirm={self ? "Quitter cette organisation ?" : `Retirer ${who} de l’organisation ?`}
                        >
                          {self ? "Quitter" : "Retirer"}
                        </ActionButton>
                      ) : null}
                    </div>
                  </Card>
                </li>
              );
            })}
          </ul>
        </section>

        {can("members:read") ? <EpciAccessSection actor={actor} organizationId={organization.id} action={setEpciAccessAction} /> : null}

        {manage ? (
          <section aria-labelledby="demandes-titre" className="space-y-4">
            <h2 id="demandes-titre" className="text-2xl">
              Demandes pour rejoindre l’organisation
            </h2>
            {requests.length === 0 ? <p>Aucune demande en attente.</p> : null}
            <ul className="space-y-3">
              {requests.map((request) => (
                <li key={request.id}>
                  <Card className="space-y-3">
                    <p>
                      <strong>{request.user.name ?? request.user.email}</strong> ({request.user.email}) demande à rejoindre l’organisation
                      comme <strong>{roleLabel(request.requestedRole).toLowerCase()}</strong>, le {dateFormat.format(request.createdAt)}.
                    </p>
                    {request.message ? <blockquote className="border-l-4 border-line pl-3">{request.message}</blockquote> : null}
                    <div className="flex flex-wrap gap-3">
                      <ActionButton action={decideJoinRequestAction} input={{ requestId: request.id, decision: "accept" }} variant="primary">
                        Accepter
                      </ActionButton>
                      <ActionButton action={decideJoinRequestAction} input={{ requestId: request.id, decision: "refuse" }}>
                        Refuser
                      </ActionButton>
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {manage && organization.status === "ACTIVE" ? (
          <section aria-labelledby="inviter-titre" className="space-y-4">
            <h2 id="inviter-titre" className="text-2xl">
              Inviter un collègue
            </h2>
            <p>Votre collègue reçoit un lien valable 7 jours, qui ne fonctionne qu’avec son adresse.</p>
            <InviteForm organizationId={organization.id} roles={roles} action={inviteMemberAction} />
            {invitations.length > 0 ? (
              <>
                <h3 className="text-xl">Invitations en attente</h3>
                <ul className="space-y-2">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-2">
                      <span>
                        {invitation.email} · {roleLabel(invitation.role)} · jusqu’au {dateFormat.format(invitation.expiresAt)}
                      </span>
                      {roles.includes(invitation.role) ? (
                        <ActionButton action={revokeInvitationAction} input={{ invitationId: invitation.id }} variant="tertiary">
                          Annuler l’invitation
                        </ActionButton>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}

        {can("audit:read") ? (
          <section aria-labelledby="journal-titre" className="space-y-4">
            <h2 id="journal-titre" className="text-2xl">
              Journal
            </h2>
            <AuditTable events={audit} caption="Derniers événements de l’organisation" empty="Aucun événement pour l’instant." />
          </section>
        ) : null}
      </Container>
    </>
  );
}
