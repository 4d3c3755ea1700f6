import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionEditor } from "@/components/action-plan/action-editor";
import { CompletenessBanner } from "@/components/action-plan/completeness-banner";
import { CommentForm, EvidenceFileForm, EvidenceLinkForm } from "@/components/action-plan/evidence-forms";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getAction, getPlan, listComments, listCriteriaChoices, listHistory, listOwnerChoices } from "@/lib/action-plan/actions";
import { formatFrenchDate } from "@/lib/action-plan/csv";
import { describeEvent } from "@/lib/action-plan/history-text";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "@/lib/action-plan/rules";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { toEditableAction } from "@/lib/action-plan/editable";
import { addCommentAction, addEvidenceFileAction, addEvidenceLinkAction, updateActionAction } from "../actions";

export const metadata: Metadata = { title: "Action du plan" };

type Props = { params: Promise<{ organizationId: string; actionId: string }> };

const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

function size(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} Ko` : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`;
}

export default async function PlanActionPage({ params }: Props) {
  const { organizationId, actionId } = await params;
  const href = `/espace/organisations/${organizationId}/plan-d-action`;
  const actor = await requireActorOrRedirect(`${href}/${actionId}`);
  const db = getDb();
  // The tenant is the action's organization; an address naming another one is a missing page.
  const { action, canManage } = await orNotFound(getAction(db, actor, actionId));
  if (action.organizationId !== organizationId) notFound();
  const [plan, choices, members, history, comments] = await Promise.all([
    getPlan(db, actor, action.organizationId),
    listCriteriaChoices(db, actor, action.organizationId),
    listOwnerChoices(db, actor, action.organizationId),
    listHistory(db, actor, action.id),
    listComments(db, actor, action.id),
  ]);
  const questionText = new Map(choices.map((choice) => [choice.key, choice.text]));
  const memberName = new Map(members.map((member) => [member.id, member.name]));
  const names = { criterion: (key: string) => questionText.get(key) ?? key, member: (id: string) => memberName.get(id) ?? null };

  return (
    <>
      <PageHeader title={action.title} lead={`Action du plan de ${plan.organizationName} · ${ACTION_STATUS_LABELS[action.status].toLowerCase()}`} />
      <Container className="space-y-10 py-10">
        <p>
          <Link href={href}>← Retour au plan d’action</Link>
        </p>

        <CompletenessBanner completeness={plan.completeness} rule={plan.rule} />

        <section aria-labelledby="action-titre-section" className="space-y-4">
          <h2 id="action-titre-section" className="text-2xl">
            L’action
          </h2>
          {canManage ? (
            <ActionEditor
              action={toEditableAction(action)}
              choices={choices}
              members={members}
              saveAction={updateActionAction}
            />
          ) : (
            <Card>
              <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
                <dt className="font-semibold">Statut</dt>
                <dd>
                  {ACTION_STATUS_LABELS[action.status]} · {action.progress} %
                  {action.abandonReason ? ` · motif : ${action.abandonReason}` : ""}
                </dd>
                <dt className="font-semibold">Description</dt>
                <dd className="whitespace-pre-line">{action.description || "—"}</dd>
                <dt className="font-semibold">Critères visés</dt>
                <dd>
                  <ul className="list-disc pl-5">
                    {action.criteria.map((key) => (
                      <li key={key}>{names.criterion(key)}</li>
                    ))}
                  </ul>
                </dd>
                <dt className="font-semibold">Responsable</dt>
                <dd>{action.owner?.name ?? "Personne pour l’instant"}</dd>
                <dt className="font-semibold">Échéance</dt>
                <dd>{action.dueOn ? formatFrenchDate(action.dueOn) : "Aucune"}</dd>
                <dt className="font-semibold">Priorité</dt>
                <dd>{PRIORITY_LABELS[action.priority]}</dd>
              </dl>
            </Card>
          )}
        </section>

        <section aria-labelledby="preuves-titre" className="space-y-4">
          <h2 id="preuves-titre" className="text-2xl">
            Preuves ({action.evidences.length})
          </h2>
          {action.evidences.length === 0 ? (
            <p>Aucune preuve pour l’instant : une charte signée, une facture, une capture du rapport de sauvegarde…</p>
          ) : (
            <ul className="space-y-2" data-testid="evidences">
              {action.evidences.map((evidence) => (
                <li key={evidence.id} className="rounded-md border border-line bg-white px-4 py-3">
                  <span className="font-semibold">{evidence.label}</span>
                  {" · "}
                  {evidence.fileId && evidence.file ? (
                    <a href={`${href}/preuves/${evidence.id}`} download>
                      télécharger {evidence.file.name} ({size(evidence.file.size)})
                    </a>
                  ) : evidence.url ? (
                    <a href={evidence.url} rel="noopener noreferrer nofollow" target="_blank">
                      {evidence.url}
                      <span className="sr-only"> (nouvelle fenêtre)</span>
                    </a>
                  ) : null}
                  <span className="text-sm text-ink-muted"> · ajoutée le {when.format(evidence.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {canManage ? (
            <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
              <Card className="min-w-0 space-y-3">
                <h3 className="text-lg">Joindre un fichier</h3>
                <EvidenceFileForm actionId={action.id} action={addEvidenceFileAction} />
              </Card>
              <Card className="min-w-0 space-y-3">
                <h3 className="text-lg">Ajouter un lien</h3>
                <EvidenceLinkForm actionId={action.id} action={addEvidenceLinkAction} />
              </Card>
            </div>
          ) : null}
        </section>

        <section aria-labelledby="commentaires-titre" className="space-y-4">
          <h2 id="commentaires-titre" className="text-2xl">
            Commentaires ({comments.length})
          </h2>
          {comments.length === 0 ? (
            <p>Aucun commentaire.</p>
          ) : (
            <ul className="space-y-3">
              {comments.map((comment) => (
                <li key={comment.id} className="rounded-md border border-line bg-white px-4 py-3">
                  <p className="text-sm text-ink-muted">
                    {comment.author?.name ?? "Ancien membre"}, le {when.format(comment.createdAt)}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{comment.body}</p>
                </li>
              ))}
            </ul>
          )}
          {canManage ? <CommentForm actionId={action.id} action={addCommentAction} /> : null}
        </section>

        <section aria-labelledby="historique-titre" className="space-y-4">
          <h2 id="historique-titre" className="text-2xl">
            Historique
          </h2>
          {history.length === 0 ? (
            <Notice>
              <p>Aucune modification enregistrée.</p>
            </Notice>
          ) : (
            <ol className="space-y-3" data-testid="history" reversed>
              {[...history].reverse().map((event) => {
                const text = describeEvent(event, names);
                return (
                  <li key={event.id} className="border-l-4 border-line pl-4">
                    <p>
                      <span className="font-semibold">{text.summary}</span>
                      <span className="text-ink-muted">
                        {" "}
                        · {event.actor?.name ?? (event.kind === "carried_over" ? "reconduction automatique" : "ancien membre")}, le{" "}
                        {when.format(event.createdAt)}
                      </span>
                    </p>
                    {text.details.length > 0 ? (
                      <ul className="mt-1 space-y-0.5">
                        {text.details.map((line, index) => (
                          <li key={index}>{line}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </Container>
    </>
  );
}
