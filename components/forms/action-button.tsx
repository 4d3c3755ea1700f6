"use client";

import { Button } from "@/components/ui/button";
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
  const { run, pending, result } = useAction(action);
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
      <ActionMessage result={result} success={success} />
    </div>
  );
}
