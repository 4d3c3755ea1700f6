"use client";

import { useState, type FormEvent } from "react";
import { MAX_FILE_BYTES } from "@/lib/files/limits";
import { useAction, type ClientActionResult } from "./use-action";

/**
 * Submits a form holding a file (multipart FormData) to a server action. A file over the limit is
 * stopped in the browser with `tooBig`, sparing a pointless upload; the server checks the size and
 * the content again. `fields` are added to the form data (the resource's id); `resetOnSuccess`
 * empties the form once the server accepted it.
 */
export function useFileUpload(
  action: (input: FormData) => Promise<ClientActionResult<unknown>>,
  { tooBig, fields, resetOnSuccess = false }: { tooBig: string; fields: Record<string, string>; resetOnSuccess?: boolean },
) {
  const { run, pending, result } = useAction(action);
  const [localError, setLocalError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_FILE_BYTES) {
      setLocalError(tooBig);
      return;
    }
    setLocalError(null);
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    run(data, resetOnSuccess ? () => form.reset() : undefined);
  }

  return { onSubmit, pending, result, localError };
}
