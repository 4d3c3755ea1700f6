import type { Metadata } from "next";
import Link from "next/link";
import { CriteriaForm } from "@/components/progression/criteria-form";
import { ProgressionRule } from "@/components/progression/progression-rule";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { UnavailablePage } from "@/components/ui/unavailable-page";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { criteriaSummary } from "@/lib/progression/criteria";
import { getRoundCriteria } from "@/lib/progression/manage";
import { updateRoundCriteriaAction } from "./actions";

export const metadata: Metadata = { title: "Critères de progression" };

type Props = { params: Promise<{ roundId: string }> };

export default async function RoundProgressionCriteriaPage({ params }: Props) {
  const { roundId } = await params;
  const actor = await requireActorOrRedirect(`/admin/campagnes/${roundId}/progression`);
  const found = await orNotFound(getRoundCriteria(getDb(), actor, roundId));
  if (!found) {
    return <UnavailablePage title="Critères de progression" notice="Campagne introuvable" message="Cette campagne n’existe pas (ou plus) : revenez à la liste des campagnes." backHref="/admin/campagnes" />;
  }
  const { round, criteria, source, editable } = found;
  const planRule = { minActions: round.minPlanActions, minCriteria: round.minPlanCriteria };

  return (
    <>
      <PageHeader
        title={`Critères de progression — ${round.name}`}
        lead="Ce que les communes déjà labellisées doivent montrer pour renouveler leur label, et ce que pèse chaque critère dans leur score de progression sur 100."
      />
      <Container className="space-y-8 py-10">
        <p>
          <Link href="/admin/campagnes">Revenir aux campagnes</Link>
        </p>
        {source === "default" ? (
          <Notice title="Critères proposés par défaut">
            <p>Cette campagne n’a pas encore enregistré ses propres critères : ceux ci-dessous s’appliquent tant qu’elle ne les change pas.</p>
          </Notice>
        ) : null}
        {editable ? (
          <Card>
            <CriteriaForm roundId={round.id} initial={criteria} planRule={planRule} action={updateRoundCriteriaAction} />
          </Card>
        ) : (
          <>
            <Notice title="Critères figés">
              <p>
                La campagne est {round.status === "OPEN" ? "ouverte" : "close"} : ses critères ne changent plus, pour que toutes les communes soient
                jugées sur les mêmes règles. Préparez ceux de la campagne suivante.
              </p>
            </Notice>
            <Card>
              <ProgressionRule rule={{ ...criteriaSummary(criteria, planRule), passingScore: criteria.passingScore }} />
            </Card>
          </>
        )}
      </Container>
    </>
  );
}
