"use client";

// The recommended measures of the questionnaire results, in the same order, each added to the
// plan in one click (prefilled by the server) or shown as already in it.
import Link from "next/link";
import { useEffect, useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { CreateActionFromMeasureInput } from "@/lib/action-plan/schemas";

export type MeasureItem = { key: string; title: string; why: string; details: string; actionId: string | null };

export function MeasureList({
  organizationId,
  measures,
  canManage,
  actionHref,
  addAction,
}: {
  organizationId: string;
  measures: readonly MeasureItem[];
  canManage: boolean;
  actionHref: string;
  addAction: (input: CreateActionFromMeasureInput) => Promise<ClientActionResult<{ actionId: string }>>;
}) {
  const { run, pending, result } = useAction(addAction);
  const [adding, setAdding] = useState<string | null>(null);

  // The button disappears once the measure is in the plan: keep the keyboard where it was, on
  // the link to the new action.
  useEffect(() => {
    if (!adding || !measures.some((measure) => measure.key === adding && measure.actionId)) return;
    document.querySelector<HTMLAnchorElement>(`[data-measure="${adding}"] a`)?.focus();
    setAdding(null);
  }, [adding, measures]);

  return (
    <div className="space-y-4">
      <ActionMessage result={result} />
      <ol className="space-y-4">
        {measures.map((measure, index) => (
          <li key={measure.key} data-measure={measure.key} className="rounded-lg border border-line bg-white p-5">
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 flex-1 space-y-1">
                <h3 className="text-lg">
                  {index + 1}. {measure.title}
                </h3>
                <p>{measure.why}</p>
                <p className="text-sm text-ink-muted">{measure.details}</p>
              </div>
              <div className="sm:shrink-0">
                {measure.actionId ? (
                  <p className="font-semibold text-success-700">
                    <span aria-hidden="true">✓ </span>Dans le plan ·{" "}
                    <Link href={`${actionHref}/${measure.actionId}`}>
                      voir l’action<span className="sr-only"> « {measure.title} »</span>
                    </Link>
                  </p>
                ) : canManage ? (
                  <Button
                    variant="secondary"
                    disabled={pending}
                    onClick={() => {
                      setAdding(measure.key);
                      run({ organizationId, measureKey: measure.key });
                    }}
                  >
                    {pending && adding === measure.key ? "Ajout…" : "Ajouter au plan"}
                    <span className="sr-only"> : {measure.title}</span>
                  </Button>
                ) : (
                  <p className="text-ink-muted">Pas dans le plan</p>
                )}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
