import type { Metadata } from "next";
import Link from "next/link";
import { CompletenessBanner } from "@/components/action-plan/completeness-banner";
import { MeasureList } from "@/components/action-plan/measure-list";
import { NewActionForm } from "@/components/action-plan/new-action-form";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePlan, getPlan, listCriteriaChoices } from "@/lib/action-plan/actions";
import { formatFrenchDate } from "@/lib/action-plan/csv";
import { listPlanMeasures } from "@/lib/action-plan/measures";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "@/lib/action-plan/rules";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { COST_LABELS, EFFORT_LABELS } from "@/lib/questionnaire/results";
import { createActionAction, createActionFromMeasureAction } from "./actions";

export const metadata: Metadata = { title: "Plan d’action" };

type Props = { params: Promise<{ organizationId: string }> };

const STATUS_CLASSES = {
  TODO: "border-line bg-surface",
  IN_PROGRESS: "border-brand-700 bg-brand-50",
  DONE: "border-success-700 bg-success-50",
  ABANDONED: "border-line bg-white text-ink-muted",
} as const;

export default async function ActionPlanPage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const href = `${base}/plan-d-action`;
  const actor = await requireActorOrRedirect(href);
  const db = getDb();
  const plan = await orNotFound(getPlan(db, actor, organizationId));
  const [canManage, choices, { measures, message }] = await Promise.all([
    canManagePlan(db, actor, organizationId),
    listCriteriaChoices(db, actor, organizationId),
    listPlanMeasures(db, actor, organizationId),
  ]);
  const questionText = new Map(choices.map((choice) => [choice.key, choice.text]));

  return (
    <>
      <PageHeader
        title="Plan d’action"
        lead={`${plan.organizationName}${plan.round ? ` · campagne ${plan.round.year}` : ""}. Les actions que votre collectivité mène pour sa cybersécurité, avec leur responsable, leur échéance et leurs preuves. Chaque modification est enregistrée aussitôt.`}
      />
      <Container className="space-y-10 py-10">
        <p className="flex flex-wrap gap-x-4 gap-y-2">
          <Link href={base}>← Retour à l’organisation</Link>
          <Link href={`${base}/questionnaire/resultats`}>Résultats du questionnaire</Link>
        </p>

        <CompletenessBanner completeness={plan.completeness} rule={plan.rule} />

        {!canManage ? (
          <Notice title="Lecture seule">
            <p>Vous pouvez consulter le plan et le télécharger, pas le modifier.</p>
          </Notice>
        ) : null}

        <section aria-labelledby="actions-titre" className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <h2 id="actions-titre" className="text-2xl">
              Les actions du plan ({plan.actions.length})
            </h2>
            <p className="flex flex-wrap gap-3">
              <a href={`${href}/pdf`} className={buttonClasses("secondary")} download>
                Télécharger le plan (PDF)
              </a>
              <a href={`${href}/csv`} className={buttonClasses("secondary")} download>
                Télécharger le tableau (CSV)
              </a>
            </p>
          </div>
          {plan.actions.length === 0 ? (
            <p>
              Le plan ne contient encore aucune action.
              {canManage ? " Ajoutez une mesure recommandée par le questionnaire en un clic, ou écrivez votre propre action plus bas." : ""}
            </p>
          ) : (
            <ul className="space-y-3" data-testid="plan-actions">
              {plan.actions.map((action) => (
                <li key={action.id} data-action={action.id} className="rounded-lg border border-line bg-white p-5">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <h3 className="min-w-0 flex-1 basis-48 text-lg">
                      <Link href={`${href}/${action.id}`}>{action.title}</Link>
                    </h3>
                    <span className={`shrink-0 rounded-full border px-3 py-1 text-sm font-semibold ${STATUS_CLASSES[action.status]}`}>
                      {ACTION_STATUS_LABELS[action.status]}
                      {action.status === "IN_PROGRESS" ? ` · ${action.progress} %` : ""}
                    </span>
                  </div>
                  <p className="mt-2 text-sm text-ink-muted">
                    {[
                      action.owner ? `Responsable : ${action.owner.name}` : "Sans responsable",
                      action.dueOn ? `échéance le ${formatFrenchDate(action.dueOn)}` : "sans échéance",
                      `priorité ${PRIORITY_LABELS[action.priority].toLowerCase()}`,
                      action.evidences.length > 0 ? `${action.evidences.length} preuve${action.evidences.length > 1 ? "s" : ""}` : "aucune preuve",
                      action.commentCount > 0 ? `${action.commentCount} commentaire${action.commentCount > 1 ? "s" : ""}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <p className="mt-1 text-sm">
                    <span className="font-semibold">Critère{action.criteria.length > 1 ? "s" : ""} visé{action.criteria.length > 1 ? "s" : ""} :</span>{" "}
                    {action.criteria.map((key) => questionText.get(key) ?? key).join(" ; ")}
                  </p>
                  {action.abandonReason ? <p className="mt-1 text-sm">Motif d’abandon : {action.abandonReason}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="mesures-titre" className="space-y-4">
          <h2 id="mesures-titre" className="text-2xl">
            Mesures recommandées par le questionnaire
          </h2>
          {message ? (
            <p>
              {message} <Link href={`${base}/questionnaire`}>Aller au questionnaire</Link>
            </p>
          ) : (
            <>
              <p>Dans l’ordre des résultats : les plus utiles d’abord. Une mesure ajoutée devient une action que vous pouvez ensuite préciser.</p>
              <MeasureList
                organizationId={organizationId}
                canManage={canManage}
                actionHref={href}
                addAction={createActionFromMeasureAction}
                measures={measures.map((measure) => ({
                  key: measure.key,
                  title: measure.title,
                  why: measure.why,
                  details: `Effort ${EFFORT_LABELS[measure.effort]} · coût ${COST_LABELS[measure.cost]} · jusqu’à ${measure.potentialGain} points de score global`,
                  actionId: measure.actionId,
                }))}
              />
            </>
          )}
        </section>

        {canManage ? (
          <section aria-labelledby="nouvelle-titre-section" className="space-y-4 border-t border-line pt-8">
            <h2 id="nouvelle-titre-section" className="text-2xl">
              Écrire une action
            </h2>
            <p>
              Une action qui ne figure pas dans les mesures recommandées : donnez-lui un titre et les critères du questionnaire qu’elle améliore.
              Ce que vous tapez reste dans ce navigateur jusqu’à la création de l’action.
            </p>
            <NewActionForm organizationId={organizationId} choices={choices} actionHref={href} createAction={createActionAction} />
          </section>
        ) : null}
      </Container>
    </>
  );
}
