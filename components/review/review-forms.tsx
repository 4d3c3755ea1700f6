"use client";

// The reviewer's forms: the decision (each criterion met or not, with its comment), the
// administrator's assignment, a declared conflict of interest, a correspondent's opinion.
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

type Action<I> = (input: I) => Promise<ClientActionResult<unknown>>;
type Key = "questionnaire" | "plan" | "champion" | "dues";

export type DecisionFormInput = {
  candidacyId: string;
  revision: number;
  outcome: "APPROVE" | "RETURN" | "REJECT";
  reason: string;
} & Record<`${Key}Met`, boolean> &
  Record<`${Key}Comment`, string>;

const OUTCOMES = [
  { value: "APPROVE", label: "Accepter la candidature", hint: "Les critères du questionnaire, du plan et du Cyber Champion sont remplis ; le label suit dès que la cotisation est réglée." },
  { value: "RETURN", label: "Renvoyer pour compléments", hint: "La commune lit vos commentaires, complète son dossier et le dépose de nouveau. Au moins un commentaire." },
  { value: "REJECT", label: "Refuser la candidature", hint: "Définitif pour la campagne. Le motif est obligatoire et envoyé à la commune." },
] as const;

export function DecisionForm({
  candidacyId,
  revision,
  criteria,
  action,
}: {
  candidacyId: string;
  revision: number;
  criteria: { key: Key; title: string; met: boolean; judged: boolean }[];
  action: Action<DecisionFormInput>;
}) {
  const { run, pending, result } = useAction(action);
  const [outcome, setOutcome] = useState<DecisionFormInput["outcome"] | null>(null);
  const [verdicts, setVerdicts] = useState(() => Object.fromEntries(criteria.map((criterion) => [criterion.key, { met: criterion.met, comment: "" }])) as Record<Key, { met: boolean; comment: string }>);
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (!outcome) {
          setLocalError("Choisissez une décision : accepter, renvoyer pour compléments ou refuser.");
          return;
        }
        setLocalError(null);
        run({
          candidacyId,
          revision,
          outcome,
          reason,
          questionnaireMet: verdicts.questionnaire.met,
          questionnaireComment: verdicts.questionnaire.comment,
          planMet: verdicts.plan.met,
          planComment: verdicts.plan.comment,
          championMet: verdicts.champion.met,
          championComment: verdicts.champion.comment,
          duesMet: verdicts.dues.met,
          duesComment: verdicts.dues.comment,
        });
      }}
    >
      {criteria.map((criterion) => (
        <fieldset key={criterion.key} className="space-y-2 rounded-md border border-line p-4">
          <legend className="px-1 font-semibold">{criterion.title}</legend>
          {criterion.judged ? (
            <div className="flex items-center gap-3">
              <input
                id={`verdict-${criterion.key}`}
                type="checkbox"
                checked={verdicts[criterion.key].met}
                onChange={(event) => setVerdicts({ ...verdicts, [criterion.key]: { ...verdicts[criterion.key], met: event.target.checked } })}
                className="h-5 w-5"
              />
              <label htmlFor={`verdict-${criterion.key}`}>Critère rempli</label>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">{criterion.met ? "Cotisation réglée (relevé du trésorier)." : "Cotisation pas encore réglée : le label suivra le paiement."}</p>
          )}
          <label htmlFor={`commentaire-${criterion.key}`} className="block">
            Commentaire pour la commune (facultatif ; au moins un pour un renvoi)
          </label>
          <textarea
            id={`commentaire-${criterion.key}`}
            rows={2}
            maxLength={2000}
            value={verdicts[criterion.key].comment}
            onChange={(event) => setVerdicts({ ...verdicts, [criterion.key]: { ...verdicts[criterion.key], comment: event.target.value } })}
            className={inputClasses}
          />
        </fieldset>
      ))}
      <fieldset className="space-y-3">
        <legend className="font-semibold">Décision</legend>
        {OUTCOMES.map((choice) => (
          <div key={choice.value} className="flex items-start gap-3">
            <input id={`decision-${choice.value}`} type="radio" name="outcome" value={choice.value} checked={outcome === choice.value} onChange={() => setOutcome(choice.value)} className="mt-1 h-5 w-5" aria-describedby={`decision-${choice.value}-aide`} />
            <div>
              <label htmlFor={`decision-${choice.value}`} className="font-semibold">
                {choice.label}
              </label>
              <p id={`decision-${choice.value}-aide`} className="text-sm text-ink-muted">
                {choice.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {outcome === "REJECT" ? (
        <div>
          <label htmlFor="motif-refus" className="block font-semibold">
            Motif du refus
          </label>
          <textarea id="motif-refus" rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} className={inputClasses} />
        </div>
      ) : null}
      {localError ? (
        <p role="alert" className="font-semibold text-danger-700">
          {localError}
        </p>
      ) : (
        <ActionMessage result={result} />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer la décision"}
      </Button>
    </form>
  );
}

export function AssignForm({ candidacyId, reviewers, action }: { candidacyId: string; reviewers: { id: string; name: string | null; email: string }[]; action: Action<{ candidacyId: string; reviewerId: string }> }) {
  const { run, pending, result } = useAction(action);
  const [reviewerId, setReviewerId] = useState(reviewers[0]?.id ?? "");
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run({ candidacyId, reviewerId });
      }}
    >
      <label htmlFor="attribuer-relecteur" className="block font-semibold">
        Attribuer le dossier à
      </label>
      <select id="attribuer-relecteur" value={reviewerId} onChange={(event) => setReviewerId(event.target.value)} className={inputClasses}>
        {reviewers.map((reviewer) => (
          <option key={reviewer.id} value={reviewer.id}>
            {reviewer.name ?? reviewer.email}
          </option>
        ))}
      </select>
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending || !reviewerId}>
        {pending ? "Un instant…" : "Attribuer"}
      </Button>
    </form>
  );
}

export function TextForm<I extends Record<string, unknown>>({
  id,
  label,
  hint,
  field,
  fields,
  submit,
  action,
}: {
  id: string;
  label: string;
  hint?: string;
  field: string;
  fields: Record<string, string>;
  submit: string;
  action: Action<I>;
}) {
  const { run, pending, result } = useAction(action);
  const [value, setValue] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run({ ...fields, [field]: value } as unknown as I, () => setValue(""));
      }}
    >
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-aide`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      <textarea id={id} rows={3} maxLength={2000} value={value} onChange={(event) => setValue(event.target.value)} aria-describedby={hint ? `${id}-aide` : undefined} className={inputClasses} />
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Envoi…" : submit}
      </Button>
    </form>
  );
}
