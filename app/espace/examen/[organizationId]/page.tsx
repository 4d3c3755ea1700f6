import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { AssignForm, DecisionForm, TextForm } from "@/components/review/review-forms";
import { ProgressionSlot, SnapshotView } from "@/components/review/snapshot-view";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { CANDIDACY_STATUS_LABELS, CRITERION_KEYS, CRITERION_TITLES } from "@/lib/candidacy/snapshot";
import { getDb } from "@/lib/db/client";
import { listReviewers } from "@/lib/review/queue";
import { getReviewFile } from "@/lib/review/read";
import { CONFLICT_LABELS, JUDGED_CRITERIA, OVERDUE_DAYS } from "@/lib/review/rules";
import { addOpinionAction, assignCandidacyAction, decideCandidacyAction, declareConflictAction, releaseCandidacyAction, takeCandidacyAction } from "../actions";

export const metadata: Metadata = { title: "Examen d’une candidature" };

type Props = { params: Promise<{ organizationId: string }> };

const dayTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const OUTCOME_LABELS = { APPROVE: "Acceptée", RETURN: "Renvoyée pour compléments", REJECT: "Refusée" } as const;

export default async function ReviewPage({ params }: Props) {
  const { organizationId } = await params;
  const actor = await requireActorOrRedirect(`/espace/examen/${organizationId}`);
  const db = getDb();
  const file = await orNotFound(getReviewFile(db, actor, organizationId));
  if (file.kind === "none") {
    return (
      <>
        <PageHeader title="Examen d’une candidature" />
        <Container className="space-y-6 py-10">
          <Notice title="Pas de dossier à examiner">
            <p>{file.message}</p>
          </Notice>
          <Link href="/espace/examen">← Retour aux dossiers</Link>
        </Container>
      </>
    );
  }
  const { candidacy, snapshot, can } = file;
  const reviewers = can.assign ? await listReviewers(db, actor) : [];
  const holder = candidacy.assignedReviewer ? (candidacy.assignedReviewerId === actor.userId ? "vous" : (candidacy.assignedReviewer.name ?? candidacy.assignedReviewer.email)) : null;

  return (
    <>
      <PageHeader
        title={`Candidature de ${candidacy.organization.name}`}
        lead={`${file.round.name} · ${CANDIDACY_STATUS_LABELS[candidacy.status]} · version ${file.revision.number} déposée le ${dayTime.format(file.revision.submittedAt)} par ${snapshot.submittedBy.name}.`}
      />
      <Container className="max-w-5xl space-y-10 py-10">
        <p>
          <Link href="/espace/examen">← Retour aux dossiers</Link>
        </p>

        <section aria-labelledby="suivi-titre" className="space-y-3">
          <h2 id="suivi-titre" className="text-2xl">
            Qui examine ce dossier
          </h2>
          {file.overdue ? (
            <Notice tone="danger" title={`En attente depuis ${file.waitingDays} jours`}>
              <p>Ce dossier attend depuis plus de {OVERDUE_DAYS} jours.</p>
            </Notice>
          ) : null}
          <p>{holder ? `Dossier pris par ${holder}${candidacy.assignedAt ? ` le ${dayTime.format(candidacy.assignedAt)}` : ""}.` : "Personne n’a encore pris ce dossier."}</p>
          {file.conflict ? (
            <Notice tone="danger" title="Conflit d’intérêts">
              <p>{CONFLICT_LABELS[file.conflict]}</p>
            </Notice>
          ) : null}
          <div className="flex flex-wrap items-start gap-4">
            {can.take ? (
              <ActionButton action={takeCandidacyAction} input={{ candidacyId: candidacy.id }} variant="primary">
                Je prends ce dossier
              </ActionButton>
            ) : null}
            {can.release ? (
              <ActionButton action={releaseCandidacyAction} input={{ candidacyId: candidacy.id }}>
                Rendre le dossier
              </ActionButton>
            ) : null}
          </div>
          {can.assign && reviewers.length > 0 ? (
            <Card>
              <AssignForm candidacyId={candidacy.id} reviewers={reviewers} action={assignCandidacyAction} />
            </Card>
          ) : null}
          {can.declareConflict ? (
            <details className="rounded-md border border-line bg-white p-4">
              <summary className="cursor-pointer font-semibold">Déclarer un conflit d’intérêts avec cette organisation</summary>
              <div className="mt-3">
                <TextForm
                  id="conflit-motif"
                  label="Nature du conflit"
                  hint="Par exemple un proche au conseil municipal, un ancien employeur. Les dossiers de cette organisation vous seront masqués."
                  field="reason"
                  fields={{ organizationId }}
                  submit="Déclarer le conflit"
                  action={declareConflictAction}
                />
              </div>
            </details>
          ) : null}
        </section>

        {file.opinions.length > 0 || can.opinion ? (
          <section aria-labelledby="avis-titre" className="space-y-3">
            <h2 id="avis-titre" className="text-2xl">
              Avis des correspondants
            </h2>
            {file.opinions.length === 0 ? <p>Aucun avis pour l’instant.</p> : null}
            <ul className="space-y-2">
              {file.opinions.map((opinion) => (
                <li key={opinion.id}>
                  <Card>
                    <p className="whitespace-pre-line">{opinion.body}</p>
                    <p className="text-sm text-ink-muted">
                      {opinion.author?.name ?? opinion.author?.email ?? "Correspondant"}, le {dayTime.format(opinion.createdAt)} (version {opinion.revisionNumber})
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
            {can.opinion ? (
              <Card>
                <TextForm id="avis" label="Votre avis" hint="Ce que vous savez de la commune et de sa démarche ; les relecteurs le liront." field="body" fields={{ candidacyId: candidacy.id }} submit="Enregistrer l’avis" action={addOpinionAction} />
              </Card>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="dossier-titre" className="space-y-4">
          <h2 id="dossier-titre" className="text-2xl">
            Le dossier déposé (version {file.revision.number})
          </h2>
          {file.diff ? <p>Les changements depuis la version {file.diff.from} sont indiqués en tête de chaque critère.</p> : null}
          <ProgressionSlot progression={snapshot.progression} />
          <SnapshotView
            snapshot={snapshot}
            diff={file.diff?.changes ?? null}
            from={file.diff?.from ?? null}
            attachmentHref={(id) => `/espace/organisations/${organizationId}/candidature/pieces/${id}`}
          />
        </section>

        {can.decide ? (
          <section aria-labelledby="decision-titre" className="space-y-3">
            <h2 id="decision-titre" className="text-2xl">
              Votre décision
            </h2>
            <Card>
              <DecisionForm
                candidacyId={candidacy.id}
                revision={file.revision.number}
                criteria={CRITERION_KEYS.map((key) => ({ key, title: CRITERION_TITLES[key], met: snapshot[key].met, judged: JUDGED_CRITERIA.includes(key) }))}
                action={decideCandidacyAction}
              />
            </Card>
          </section>
        ) : null}

        {file.decisions.length > 0 ? (
          <section aria-labelledby="historique-titre" className="space-y-3">
            <h2 id="historique-titre" className="text-2xl">
              Décisions précédentes
            </h2>
            <ul className="space-y-3">
              {file.decisions.map((decision) => (
                <li key={decision.id}>
                  <Card className="space-y-1">
                    <p>
                      <strong>{OUTCOME_LABELS[decision.outcome]}</strong> (version {decision.revision?.number ?? "—"}) par {decision.reviewer?.name ?? decision.reviewer?.email ?? "—"}, le {dayTime.format(decision.createdAt)}
                    </p>
                    {decision.outcome === "REJECT" && decision.comment ? <p>Motif : {decision.comment}</p> : null}
                    {decision.comments.length > 0 ? (
                      <ul className="list-disc pl-6">
                        {decision.comments.map((comment) => (
                          <li key={comment.criterion}>
                            {comment.title} : {comment.comment}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Container>
    </>
  );
}
