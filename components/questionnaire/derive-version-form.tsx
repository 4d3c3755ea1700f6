"use client";

import { useId } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

/** Derives next year's draft from a published version: a key ("2027") and a title. */
export function DeriveVersionForm({
  fromVersionId,
  suggestedKey,
  action,
}: {
  fromVersionId: string;
  suggestedKey: string;
  action: (input: { fromVersionId: string; key: string; title: string }) => Promise<ClientActionResult<unknown>>;
}) {
  const id = useId();
  const { run, pending, result } = useAction(action);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run({ fromVersionId, key: String(data.get("key") ?? ""), title: String(data.get("title") ?? "") });
      }}
    >
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-cle`} className="block font-semibold">
            Clé de la nouvelle version
          </label>
          <input id={`${id}-cle`} name="key" defaultValue={suggestedKey} required className="mt-1 rounded-md border border-ink-muted px-3 py-2" />
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-titre`} className="block font-semibold">
            Titre
          </label>
          <input
            id={`${id}-titre`}
            name="title"
            defaultValue={`IMMUNITE CYBER — campagne ${suggestedKey}`}
            required
            className="mt-1 w-full rounded-md border border-ink-muted px-3 py-2"
          />
        </div>
      </div>
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Créer le brouillon de l’année suivante
      </Button>
    </form>
  );
}
