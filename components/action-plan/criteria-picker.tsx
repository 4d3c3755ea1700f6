"use client";

import { useState } from "react";

// The questionnaire criteria an action addresses: one checkbox per question, grouped by theme
// as in the questionnaire, the questions asked of this territory first; the others stay
// available below them. Each theme folds away so the list stays short; a theme holding a
// checked question opens by itself.
export type CriterionChoice = { key: string; text: string; theme: { key: string; title: string }; applicable: boolean };

type ThemeGroup = { key: string; title: string; applicable: CriterionChoice[]; others: CriterionChoice[] };

export function groupByTheme(choices: readonly CriterionChoice[]): ThemeGroup[] {
  const groups = new Map<string, ThemeGroup>();
  for (const choice of choices) {
    const group = groups.get(choice.theme.key) ?? { key: choice.theme.key, title: choice.theme.title, applicable: [], others: [] };
    (choice.applicable ? group.applicable : group.others).push(choice);
    groups.set(choice.theme.key, group);
  }
  return [...groups.values()];
}

export function CriteriaPicker({
  idPrefix,
  choices,
  selected,
  onChange,
  error,
  disabled = false,
}: {
  idPrefix: string;
  choices: readonly CriterionChoice[];
  selected: readonly string[];
  onChange: (keys: string[]) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const groups = groupByTheme(choices);
  // Opened once, on arrival: React must not close a theme under the person's fingers later.
  const [initiallyOpen] = useState(() => new Set(choices.filter((choice) => selected.includes(choice.key)).map((choice) => choice.theme.key)));
  const hintId = `${idPrefix}-aide`;
  const errorId = `${idPrefix}-erreur`;

  function toggle(key: string, checked: boolean) {
    onChange(checked ? [...selected.filter((item) => item !== key), key] : selected.filter((item) => item !== key));
  }

  function box(choice: CriterionChoice) {
    const id = `${idPrefix}-${choice.key}`;
    return (
      <li key={choice.key}>
        <label htmlFor={id} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-brand-50 has-[:checked]:bg-brand-50">
          <input
            id={id}
            type="checkbox"
            value={choice.key}
            checked={selected.includes(choice.key)}
            disabled={disabled}
            onChange={(event) => toggle(choice.key, event.target.checked)}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <span>{choice.text}</span>
        </label>
      </li>
    );
  }

  return (
    <fieldset className="space-y-3" aria-describedby={error ? `${hintId} ${errorId}` : hintId} aria-invalid={error ? true : undefined}>
      <legend className="font-semibold">Critères du questionnaire visés</legend>
      <p id={hintId} className="text-sm text-ink-muted">
        Cochez la ou les questions du questionnaire que cette action améliore ({selected.length} cochée{selected.length > 1 ? "s" : ""}). Le label
        demande des actions visant au moins deux questions différentes.
      </p>
      {error ? (
        <p id={errorId} className="font-semibold text-danger-700">
          {error}
        </p>
      ) : null}
      <div className="space-y-2">
        {groups.map((group) => {
          const count = [...group.applicable, ...group.others].filter((choice) => selected.includes(choice.key)).length;
          return (
            <details key={group.key} open={initiallyOpen.has(group.key) || undefined} className="group rounded-md border border-line bg-white">
              <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 px-3 py-2 font-semibold [&::-webkit-details-marker]:hidden">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block text-brand-700 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  {group.title}
                </span>
                <span className="text-sm font-normal text-ink-muted">
                  {count > 0 ? `${count} cochée${count > 1 ? "s" : ""}` : `${group.applicable.length + group.others.length} questions`}
                </span>
              </summary>
              <fieldset className="border-t border-line px-3 py-2">
                <legend className="sr-only">{group.title}</legend>
                <ul className="space-y-1">{group.applicable.map(box)}</ul>
                {group.others.length > 0 ? (
                  <>
                    <p className="mt-3 text-sm text-ink-muted">Questions non posées à votre collectivité (taille ou type différent) :</p>
                    <ul className="space-y-1">{group.others.map(box)}</ul>
                  </>
                ) : null}
              </fieldset>
            </details>
          );
        })}
      </div>
    </fieldset>
  );
}
