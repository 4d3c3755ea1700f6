"use client";

import { Button } from "@/components/ui/button";
import { useActionAnnouncer } from "./action-announcer";
import { ActionMessage } from "./action-message";
import { useAction, type ClientActionResult } from "./use-action";

/** One button, one server action, with an optional confirmation for what cannot be undone. */
export function ActionButton<I>({
  action,
  input,
  children,
  confirm,
  variant = "secondary",
  success,
}: {
  action: (input: I) => Promise<ClientActionResult>;
  input: I;
  children: React.ReactNode;
  confirm?: string;
  variant?: "primary" | "secondary" | "tertiary";
  success?: string;
}) {
  const announce = useActionAnnouncer();
  const { run, pending, result } = useAction(action, {
    onResult: announce ? (outcome) => announce(outcome.ok && !outcome.message && success ? { ...outcome, message: success } : outcome) : undefined,
  });
  return (
    <div className="space-y-2">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          run(input);
        }}
      >
        {pending ? "Un instant…" : children}
      </Button>
      {announce ? null : <ActionMessage result={result} success={success} />}
    </div>
  );
}
