// A submitted file as the reviewer reads it: one section per criterion, what changed since the
// previous revision at its head, then the word to the association and the attachments.
import type { ReactNode } from "react";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "@/lib/action-plan/rules";
import type { CandidacySnapshot, CriterionKey } from "@/lib/candidacy/snapshot";
import { CRITERION_TITLES } from "@/lib/candidacy/snapshot";
import type { RevisionDiff } from "@/lib/review/diff";

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const date = (iso: string | null) => (iso ? day.format(new Date(iso)) : "—");
const euros = (cents: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

function Changes({ lines, from }: { lines: string[] | undefined; from: number | null }) {
  if (from === null || !lines) return null;
  if (lines.length === 0) return <p className="text-sm text-ink-muted">Rien n’a changé depuis la version {from}.</p>;
  return (
    <div className="rounded-md border-l-4 border-brand-700 bg-info-50 px-4 py-3">
      <p className="font-semibold">Changé depuis la version {from} :</p>
      <ul className="list-disc pl-6">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function Criterion({ id, met, children, diff, from }: { id: CriterionKey; met: boolean; children: ReactNode; diff: RevisionDiff | null; from: number | null }) {
  return (
    <section aria-labelledby={`critere-${id}`} className={`space-y-3 rounded-lg border border-l-4 border-line bg-white p-5 ${met ? "border-l-success-700" : "border-l-brand-700"}`}>
      <h3 id={`critere-${id}`} className="text-xl">
        {CRITERION_TITLES[id]} · <span className={met ? "text-success-700" : ""}>{met ? "✓ rempli au dépôt" : "○ non rempli au dépôt"}</span>
      </h3>
      <Changes lines={diff?.[id]} from={from} />
      {children}
    </section>
  );
}

export function SnapshotView({ snapshot, diff, from, attachmentHref }: { snapshot: CandidacySnapshot; diff: RevisionDiff | null; from: number | null; attachmentHref: (id: string) => string }) {
  const q = snapshot.questionnaire;
  return (
    <div className="space-y-6">
      <Criterion id="questionnaire" met={q.met} diff={diff} from={from}>
        {q.metBy === "diagonal" && q.diagonal ? <p>Rempli par la synthèse du diagnostic Diagonal du {date(q.diagonal.diagnosedOn)} ({q.diagonal.fileName}).</p> : null}
        {q.version ? (
          <p>
            {q.version.title} · {q.status === "COMPLETED" ? `terminé le ${date(q.completedAt)}` : "non terminé"} · score global <strong>{q.overall ?? "—"} sur 100</strong>
          </p>
        ) : (
          <p>Questionnaire non commencé sur la plateforme.</p>
        )}
        {q.themes.length > 0 ? (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Scores par thème</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-1 pr-4">Thème</th>
                <th scope="col" className="py-1 pr-4">Score</th>
                <th scope="col" className="py-1">Réponses</th>
              </tr>
            </thead>
            <tbody>
              {q.themes.map((theme) => (
                <tr key={theme.key} className="border-b border-line">
                  <td className="py-1 pr-4">{theme.title}</td>
                  <td className="py-1 pr-4">{theme.score === null ? "—" : `${theme.score} / 100`}</td>
                  <td className="py-1">
                    {theme.answered} sur {theme.applicable}
                    {theme.dontKnow > 0 ? ` (dont ${theme.dontKnow} « je ne sais pas »)` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {q.answers.length > 0 ? (
          <details>
            <summary className="cursor-pointer font-semibold">Les {q.answers.length} réponses</summary>
            <ul className="mt-2 space-y-1 text-sm">
              {q.answers.map((answer) => (
                <li key={answer.questionKey}>
                  {answer.question} — <strong>{answer.dontKnow ? "Je ne sais pas" : (answer.answer ?? "sans réponse")}</strong>
                  {answer.comment ? ` (« ${answer.comment} »)` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Criterion>

      <Criterion id="plan" met={snapshot.plan.met} diff={diff} from={from}>
        <p>
          {snapshot.plan.actionCount} actions sur {snapshot.plan.distinctCriteria} points du questionnaire.
          {snapshot.plan.missing.length > 0 ? ` ${snapshot.plan.missing.join(" ")}` : ""}
        </p>
        <ul className="space-y-2">
          {snapshot.plan.actions.map((action) => (
            <li key={action.id} className="border-b border-line pb-2">
              <strong>{action.title}</strong> · {ACTION_STATUS_LABELS[action.status]}
              {action.progress > 0 && action.status !== "DONE" ? ` (${action.progress} %)` : ""} · priorité {PRIORITY_LABELS[action.priority].toLowerCase()}
              {action.dueOn ? ` · échéance ${date(action.dueOn)}` : ""}
              {action.owner ? ` · ${action.owner}` : ""}
              {action.description ? <span className="block text-sm text-ink-muted">{action.description}</span> : null}
              {action.evidences.length > 0 ? <span className="block text-sm">Justificatifs : {action.evidences.map((evidence) => evidence.label).join(", ")}</span> : null}
            </li>
          ))}
        </ul>
      </Criterion>

      <Criterion id="champion" met={snapshot.champion.met} diff={diff} from={from}>
        <p>
          {snapshot.champion.name
            ? `${snapshot.champion.name}, ${snapshot.champion.function ?? ""} (${snapshot.champion.isElected ? "élu" : "agent"}), a accepté le ${date(snapshot.champion.acceptedAt)}.`
            : "Aucun Cyber Champion n’avait accepté au dépôt."}
        </p>
      </Criterion>

      <Criterion id="dues" met={snapshot.dues.met} diff={diff} from={from}>
        <p>
          {snapshot.dues.met
            ? `Réglée le ${date(snapshot.dues.paidAt)}${snapshot.dues.amountCents !== null ? ` (${euros(snapshot.dues.amountCents)})` : ""}.`
            : `Facture ${snapshot.dues.invoiceNumber ?? ""} émise, pas encore réglée au dépôt : le label suivra le paiement.`}
        </p>
      </Criterion>

      <section aria-labelledby="mot-titre" className="space-y-3">
        <h3 id="mot-titre" className="text-xl">
          Mot à l’association et pièces jointes
        </h3>
        <Changes lines={diff ? [...diff.note, ...diff.attachments] : undefined} from={from} />
        <p className="whitespace-pre-line">{snapshot.note || "Pas de mot."}</p>
        {snapshot.attachments.length > 0 ? (
          <ul className="list-disc pl-6">
            {snapshot.attachments.map((file) => (
              <li key={file.id}>
                <a href={attachmentHref(file.id)}>{file.label}</a> ({file.name})
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune pièce jointe.</p>
        )}
      </section>
    </div>
  );
}

/**
 * Where the renewal feature shows the progression of the action plan since the previous label
 * (snapshot.progression, filled at submission). Nothing for a first-year file.
 */
export function ProgressionSlot({ progression }: { progression: unknown | null }) {
  if (progression === null || progression === undefined) return null;
  return (
    <section aria-labelledby="progression-titre" className="space-y-2">
      <h3 id="progression-titre" className="text-xl">
        Progression depuis le label précédent
      </h3>
      <pre className="overflow-x-auto text-sm">{JSON.stringify(progression, null, 2)}</pre>
    </section>
  );
}
