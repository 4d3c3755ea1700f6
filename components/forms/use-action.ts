"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export type ClientActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

/**
 * Runs a server action from a client component: pending state, the French message it returns,
 * and a refresh of the server components once it succeeded.
 */
export function useAction<I, T>(
  action: (input: I) => Promise<ClientActionResult<T>>,
  options: { onResult?: (outcome: ClientActionResult<T>) => void } = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ClientActionResult<T> | null>(null);

  function run(input: I, onSuccess?: (data: T) => void) {
    startTransition(async () => {
      const outcome = await action(input).catch(
        (): ClientActionResult<T> => ({ ok: false, message: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez." }),
      );
      setResult(outcome);
      options.onResult?.(outcome);
      if (outcome.ok) {
        onSuccess?.(outcome.data);
        router.refresh();
      }
    });
  }

  return { run, pending, result, reset: () => setResult(null) };
}
