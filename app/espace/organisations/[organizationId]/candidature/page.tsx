import type { Metadata } from "next";
import Link from "next/link";
import { AttachmentForm, NoteForm, SubmitForm } from "@/components/candidacy/candidacy-forms";
import { CriteriaPanel } from "@/components/candidacy/criteria-panel";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { UnavailablePage } from "@/components/ui/unavailable-page";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getCandidacyFile } from "@/lib/candidacy/read";
import { CANDIDACY_STATUS_LABELS, CRITERION_TITLES } from "@/lib/candidacy/snapshot";
import { getDb } from "@/lib/db/client";
import {
  addCandidacyAttachmentAction,
  askMayorToSubmitAction,
  removeCandidacyAttachmentAction,
  saveCandidacyNoteAction,
  submitCandidacyAction,
  withdrawCandidacyAction,
} from "./actions";

export const metadata: Metadata = { title: "Candidature" };

type Props = { params: Promise<{ organizationId: string }> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const dayTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} Ko` : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`);

export default async function CandidacyPage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/candidature`);
  const file = await orNotFound(getCandidacyFile(getDb(), actor, organizationId));
  if (!file) {
    return <UnavailablePage title="Candidature" notice="Aucune campagne ouverte" message="La candidature pourra être préparée à l’ouverture de la prochaine campagne annuelle." backHref={base} />;
  }
  const { round, criteria, candidacy, lastDecision, label, missing } = file;
  const status = candidacy?.status ?? "DRAFT";
  const editable = status === "DRAFT" || status === "RETURNED" || status === "WITHDRAWN";
  const closed = Date.now() > round.closesAt.getTime();
  const resubmission = (candidacy?.revision ?? 0) > 0;
  const attachments = candidacy?.attachments ?? [];
  const sent = [
    criteria.questionnaire.metBy === "diagonal" ? "la synthèse du diagnostic Diagonal" : "le questionnaire IMMUNITE CYBER, ses réponses et ses scores par thème",
    `le plan d’action (${criteria.plan.actionCount} actions, avec leur état)`,
    `le Cyber Champion${criteria.champion.name ? ` (${criteria.champion.name})` : ""}`,
    criteria.dues.met ? "la cotisation réglée" : "la facture de cotisation, en attente du paiement",
    candidacy?.note ? "votre mot à l’association" : "aucun mot à l’association",
    attachments.length > 0 ? `${attachments.length} pièce${attachments.length > 1 ? "s" : ""} jointe${attachments.length > 1 ? "s" : ""}` : "aucune pièce jointe",
  ];

  return (
    <>
      <PageHeader title={`Candidature au label ${round.year}`} lead={`${criteria.round.name} · dépôt jusqu’au ${day.format(round.closesAt)}. Le secrétariat prépare le dossier, le maire le dépose, l’association l’examine.`} />
      <Container className="max-w-4xl space-y-10 py-10">
        <p>
          <Link href={base}>← Retour à l’organisation</Link>
        </p>

        <section aria-labelledby="etat-titre" className="space-y-3">
          <h2 id="etat-titre" className="text-2xl">
            Où en est la candidature
          </h2>
          <p>
            État : <strong>{CANDIDACY_STATUS_LABELS[status]}</strong>
            {candidacy?.submittedAt && status !== "DRAFT" ? ` · déposée le ${dayTime.format(candidacy.submittedAt)}${candidacy.submittedBy ? ` par ${candidacy.submittedBy.name ?? candidacy.submittedBy.email}` : ""} (version ${candidacy.revision})` : ""}
          </p>
          {status === "SUBMITTED" ? (
            <Notice title="Dossier déposé, en attente d’examen">
              <p>
                {candidacy?.assignedReviewer ? `${candidacy.assignedReviewer.name ?? "Un relecteur"} examine le dossier.` : "Un relecteur de l’association va prendre le dossier."} Il ne peut plus être modifié pendant
                l’examen ; le maire peut le retirer pour le compléter.
              </p>
            </Notice>
          ) : null}
          {status === "RETURNED" && lastDecision ? (
            <Notice tone="danger" title={`Le relecteur demande des compléments (${day.format(lastDecision.createdAt)})`}>
              <ul className="list-disc space-y-1 pl-6">
                {lastDecision.comments.map((comment) => (
                  <li key={comment.criterion}>
                    <strong>{comment.title}</strong> : {comment.comment}
                  </li>
                ))}
              </ul>
              <p className="mt-2">Complétez le dossier ; le maire le dépose ensuite de nouveau. Le relecteur verra ce qui a changé.</p>
            </Notice>
          ) : null}
          {status === "REJECTED" && lastDecision ? (
            <Notice tone="danger" title="Candidature refusée pour cette campagne">
              <p>Motif : {lastDecision.comment}</p>
            </Notice>
          ) : null}
          {status === "APPROVED" ? (
            label && !label.revokedAt ? (
              <Notice tone="success" title={`Label obtenu pour ${round.year}, valable jusqu’au ${day.format(label.validUntil)}`}>
                <p>La candidature est acceptée et la cotisation réglée. Félicitations !</p>
              </Notice>
            ) : (
              <Notice tone="success" title="Candidature acceptée">
                <p>Le label sera obtenu dès réception du paiement de la cotisation.</p>
              </Notice>
            )
          ) : null}
          {status === "WITHDRAWN" ? (
            <Notice title="Candidature retirée">
              <p>Complétez le dossier si besoin, puis le maire la dépose de nouveau avant le {day.format(round.closesAt)}.</p>
            </Notice>
          ) : null}
        </section>

        <section aria-labelledby="criteres-titre" className="space-y-3">
          <h2 id="criteres-titre" className="text-2xl">
            Les quatre critères
          </h2>
          <CriteriaPanel criteria={criteria} organizationId={organizationId} />
        </section>

        {file.canPrepare ? (
          <section aria-labelledby="preparer-titre" className="space-y-6">
            <h2 id="preparer-titre" className="text-2xl">
              Préparer le dossier
            </h2>
            {editable ? (
              <Card>
                <NoteForm organizationId={organizationId} note={candidacy?.note ?? ""} action={saveCandidacyNoteAction} />
              </Card>
            ) : candidacy?.note ? (
              <Card>
                <h3 className="text-lg">Votre mot à l’association</h3>
                <p className="whitespace-pre-line">{candidacy.note}</p>
              </Card>
            ) : null}
            <Card className="space-y-4">
              <h3 className="text-lg">Pièces jointes (facultatives)</h3>
              <p className="text-sm text-ink-muted">Par exemple la délibération du conseil municipal qui engage la commune dans la démarche.</p>
              {attachments.length === 0 ? <p>Aucune pièce jointe.</p> : null}
              <ul className="space-y-2">
                {attachments.map((attachment) => (
                  <li key={attachment.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-2">
                    <span>
                      <a href={`${base}/candidature/pieces/${attachment.id}`}>{attachment.label}</a> · {attachment.file.name}, {size(attachment.file.size)}
                    </span>
                    {editable ? (
                      <ActionButton action={removeCandidacyAttachmentAction} input={{ attachmentId: attachment.id }} variant="tertiary" confirm={`Retirer « ${attachment.label} » du dossier ?`}>
                        Retirer
                      </ActionButton>
                    ) : null}
                  </li>
                ))}
              </ul>
              {editable ? <AttachmentForm organizationId={organizationId} action={addCandidacyAttachmentAction} /> : null}
            </Card>
          </section>
        ) : null}

        {file.canPrepare && editable && !closed ? (
          <section aria-labelledby="deposer-titre" className="space-y-4">
            <h2 id="deposer-titre" className="text-2xl">
              Déposer
            </h2>
            {missing.length > 0 ? (
              <Notice title="Le dossier n’est pas encore complet">
                <p>
                  Il manque : {missing.map((key) => CRITERION_TITLES[key]).join(", ")}. Le dépôt sera possible quand les quatre critères seront remplis (pour la cotisation, la facture émise
                  suffit).
                </p>
              </Notice>
            ) : null}
            {file.canSubmit ? (
              missing.length === 0 ? (
                <Card>
                  <SubmitForm organizationId={organizationId} sent={sent} resubmission={resubmission} action={submitCandidacyAction} />
                </Card>
              ) : null
            ) : (
              <Card className="space-y-3">
                <p>
                  Seul le maire dépose la candidature{file.mayors.length > 0 ? ` (${file.mayors.join(", ")})` : ""}. Quand le dossier est prêt, demandez-lui de le déposer : il reçoit un courriel avec le
                  lien de cette page.
                </p>
                {candidacy?.mayorAskedAt ? <p className="text-sm text-ink-muted">Dernière demande envoyée le {dayTime.format(candidacy.mayorAskedAt)}.</p> : null}
                <ActionButton action={askMayorToSubmitAction} input={{ organizationId }} variant="primary">
                  Demander au maire de déposer
                </ActionButton>
              </Card>
            )}
          </section>
        ) : null}
        {file.canPrepare && editable && closed ? (
          <Notice tone="danger" title="Campagne close">
            <p>La campagne est close depuis le {day.format(round.closesAt)} : il n’est plus possible de déposer une candidature cette année.</p>
          </Notice>
        ) : null}

        {file.canSubmit && status === "SUBMITTED" ? (
          <section aria-labelledby="retirer-titre" className="space-y-3">
            <h2 id="retirer-titre" className="text-2xl">
              Retirer la candidature
            </h2>
            <p>Tant qu’aucune décision n’est prise, vous pouvez retirer le dossier pour le compléter, puis le déposer de nouveau.</p>
            <ActionButton action={withdrawCandidacyAction} input={{ organizationId }} confirm="Retirer la candidature ? Vous pourrez la déposer de nouveau.">
              Retirer la candidature
            </ActionButton>
          </section>
        ) : null}
      </Container>
    </>
  );
}
