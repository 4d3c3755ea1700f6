"use client";
// The editor of a round's progression criteria (administrators, round in preparation). The
// server checks everything (lib/progression/criteria.ts) and answers in French; the sentences
// communes will read are previewed as the values change.
import { useId, useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { FormField, inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { CriteriaList } from "./progression-rule";
import { CRITERION_TITLES, criteriaSummary, progressionCriteriaSchema, type ProgressionCriteria } from "@/lib/progression/criteria";

type Toggle = { on: boolean; weight: string };
type FormState = {
  maxGapYears: string;
  passingScore: string;
  actions: Toggle & { minCount: string; minShare: string; evidence: boolean };
  overall: Toggle & { minPoints: string };
  theme: Toggle & { maxDrop: string };
  next: Toggle;
};

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

function stateOf(criteria: ProgressionCriteria): FormState {
  const { actionsCarriedOut: a, overallProgress: o, themeStability: t, nextYearPlan: n } = criteria.criteria;
  return {
    maxGapYears: String(criteria.maxGapYears),
    passingScore: String(criteria.passingScore),
    actions: { on: a !== null, weight: text(a?.weight ?? 40), minCount: a ? text(a.minCount) : "2", minShare: text(a?.minSharePercent), evidence: a?.evidenceRequired ?? true },
    overall: { on: o !== null, weight: text(o?.weight ?? 20), minPoints: text(o?.minPoints ?? 0) },
    theme: { on: t !== null, weight: text(t?.weight ?? 20), maxDrop: text(t?.maxDropPoints ?? 10) },
    next: { on: n !== null, weight: text(n?.weight ?? 20) },
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

function inputOf(state: FormState) {
  return {
    version: 1 as const,
    maxGapYears: state.maxGapYears,
    passingScore: state.passingScore,
    criteria: {
      actionsCarriedOut: state.actions.on
        ? { weight: state.actions.weight, minCount: orNull(state.actions.minCount), minSharePercent: orNull(state.actions.minShare), evidenceRequired: state.actions.evidence }
        : null,
      overallProgress: state.overall.on ? { weight: state.overall.weight, minPoints: state.overall.minPoints } : null,
      themeStability: state.theme.on ? { weight: state.theme.weight, maxDropPoints: state.theme.maxDrop } : null,
      nextYearPlan: state.next.on ? { weight: state.next.weight } : null,
    },
  };
}

export function CriteriaForm({
  roundId,
  initial,
  planRule,
  action,
}: {
  roundId: string;
  initial: ProgressionCriteria;
  planRule: { minActions: number; minCriteria: number };
  action: (input: { roundId: string; criteria: unknown }) => Promise<ClientActionResult>;
}) {
  const id = useId();
  const [state, setState] = useState(() => stateOf(initial));
  const { run, pending, result } = useAction(action);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errorAt = (path: string) => errors[`criteria.${path}`];

  const input = inputOf(state);
  const preview = progressionCriteriaSchema.safeParse(input);
  const total = (["actions", "overall", "theme", "next"] as const).reduce((sum, key) => (state[key].on ? sum + (Number(state[key].weight) || 0) : sum), 0);

  const set = <K extends keyof FormState>(key: K, patch: Partial<FormState[K]>) =>
    setState((current) => ({ ...current, [key]: typeof current[key] === "object" ? { ...(current[key] as object), ...patch } : patch }));

  const number = (name: string, value: string, onChange: (value: string) => void, label: string, hint?: string, error?: string) => (
    <FormField id={`${id}-${name}`} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          id={control.id}
          type="number"
          inputMode="numeric"
          className={inputClasses}
          aria-describedby={control.describedBy}
          aria-invalid={control.invalid}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );

  // Each criterion is a group named after it, so its « Poids » field is announced with it.
  const toggle = (key: "actions" | "overall" | "theme" | "next", title: string) => (
    <>
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" className="h-5 w-5" checked={state[key].on} onChange={(event) => set(key, { on: event.target.checked })} />
        Retenir ce critère cette année
      </label>
    </>
  );

  return (
    <form
      noValidate
      className="space-y-8"
      onSubmit={(event) => {
        event.preventDefault();
        run({ roundId, criteria: input });
      }}
    >
      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">Qui renouvelle, et à partir de quel score</legend>
        <FormField id={`${id}-gap`} label="Une année d’interruption est-elle acceptée ?" error={errorAt("maxGapYears")}>
          {(control) => (
            <select
              id={control.id}
              className={inputClasses}
              aria-describedby={control.describedBy}
              aria-invalid={control.invalid}
              value={state.maxGapYears}
              onChange={(event) => setState((current) => ({ ...current, maxGapYears: event.target.value }))}
            >
              <option value="0">Non : il faut le label de la campagne précédente</option>
              <option value="1">Oui : un label obtenu deux campagnes plus tôt compte aussi</option>
            </select>
          )}
        </FormField>
        {number("passing", state.passingScore, (value) => setState((current) => ({ ...current, passingScore: value })), "Score de progression jugé suffisant (sur 100)", undefined, errorAt("passingScore"))}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">Les critères et leur poids</legend>
        <p aria-live="polite" className={total === 100 ? "" : "font-semibold text-danger-700"}>
          Total des poids retenus : {total} sur 100{total === 100 ? "." : " — il doit faire exactement 100."}
        </p>
        {errorAt("criteria") ? <p className="font-semibold text-danger-700">{errorAt("criteria")}</p> : null}

        <fieldset className="space-y-3 rounded-md border border-line p-4">
          {toggle("actions", CRITERION_TITLES.actionsCarriedOut)}
          {state.actions.on ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {number("actions-weight", state.actions.weight, (value) => set("actions", { weight: value }), "Poids", undefined, errorAt("criteria.actionsCarriedOut.weight"))}
              {number("actions-count", state.actions.minCount, (value) => set("actions", { minCount: value }), "Nombre minimal d’actions réalisées", "Laissez vide pour ne pas fixer de nombre.", errorAt("criteria.actionsCarriedOut.minCount"))}
              {number("actions-share", state.actions.minShare, (value) => set("actions", { minShare: value }), "Part minimale (%)", "Des actions de la période. Vide : pas de part minimale.", errorAt("criteria.actionsCarriedOut.minSharePercent"))}
              <label className="flex items-center gap-2 sm:col-span-3">
                <input type="checkbox" className="h-5 w-5" checked={state.actions.evidence} onChange={(event) => set("actions", { evidence: event.target.checked })} />
                Seules les actions avec une preuve (document ou lien) comptent
              </label>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-3 rounded-md border border-line p-4">
          {toggle("overall", CRITERION_TITLES.overallProgress)}
          {state.overall.on ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {number("overall-weight", state.overall.weight, (value) => set("overall", { weight: value }), "Poids", undefined, errorAt("criteria.overallProgress.weight"))}
              {number("overall-min", state.overall.minPoints, (value) => set("overall", { minPoints: value }), "Progression minimale (points)", "0 : le score global ne doit pas baisser.", errorAt("criteria.overallProgress.minPoints"))}
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-3 rounded-md border border-line p-4">
          {toggle("theme", CRITERION_TITLES.themeStability)}
          {state.theme.on ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {number("theme-weight", state.theme.weight, (value) => set("theme", { weight: value }), "Poids", undefined, errorAt("criteria.themeStability.weight"))}
              {number("theme-drop", state.theme.maxDrop, (value) => set("theme", { maxDrop: value }), "Baisse maximale d’un thème (points)", undefined, errorAt("criteria.themeStability.maxDropPoints"))}
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-3 rounded-md border border-line p-4">
          {toggle("next", CRITERION_TITLES.nextYearPlan)}
          {state.next.on ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {number("next-weight", state.next.weight, (value) => set("next", { weight: value }), "Poids", `La règle des ${planRule.minActions} actions sur ${planRule.minCriteria} critères de la campagne s’applique.`, errorAt("criteria.nextYearPlan.weight"))}
            </div>
          ) : null}
        </fieldset>
      </fieldset>

      <section aria-labelledby={`${id}-apercu`} className="space-y-2">
        <h2 id={`${id}-apercu`} className="text-xl">
          Ce que liront les communes
        </h2>
        {preview.success ? (
          <CriteriaList items={criteriaSummary(preview.data, planRule).items} />
        ) : (
          <p>L’aperçu apparaît quand les critères sont cohérents ; l’enregistrement dira ce qui ne va pas.</p>
        )}
      </section>

      <ActionMessage result={result} />
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer les critères"}
      </Button>
    </form>
  );
}
