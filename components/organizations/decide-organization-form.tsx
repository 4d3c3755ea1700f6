"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

type Input = { organizationId: string; decision: "approve" | "reject"; reason?: string };

/** Validate, or refuse with a reason sent to the person who asked. */
export function DecideOrganizationForm({
  organizationId,
  name,
  action,
}: {
  organizationId: string;
  name: string;
  action: (input: Input) => Promise<ClientActionResult>;
}) {
  const { run, pending, result } = useAction(action);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const reasonId = `reason-${organizationId}`;
  const reasonError = result && !result.ok ? result.fieldErrors?.reason : undefined;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button disabled={pending} onClick={() => run({ organizationId, decision: "approve" })}>
          Valider l’adhésion de {name}
        </Button>
        {!refusing ? (
          <Button variant="secondary" disabled={pending} onClick={() => setRefusing(true)}>
            Refuser…
          </Button>
        ) : null}
      </div>
      {refusing ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            run({ organizationId, decision: "reject", reason });
          }}
        >
          <label htmlFor={reasonId} className="block font-semibold">
            Motif du refus (transmis à la personne)
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={1000}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            className="block w-full rounded-md border-2 border-ink-muted px-3 py-2"
          />
          {reasonError ? (
            <p id={`${reasonId}-error`} className="font-semibold text-danger-700">
              {reasonError}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" disabled={pending}>
            Confirmer le refus
          </Button>
        </form>
      ) : null}
      <ActionMessage result={result} success="Décision enregistrée." />
    </div>
  );
}
