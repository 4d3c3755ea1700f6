"use client";

// The one form that sends a file to a server action (attachments, evidence, the Diagonal summary):
// the fields the caller puts first, the file with its hint, the message, the button.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "./action-message";
import { FormField } from "./form-field";
import type { ClientActionResult } from "./use-action";
import { useFileUpload } from "./use-file-upload";

/** A server action that takes the form's data, file included. */
export type UploadAction = (input: FormData) => Promise<ClientActionResult<unknown>>;

/** Said when the file is over 10 MB, before anything is sent; a caller taking only PDF can say less. */
const TOO_BIG = "Le fichier dépasse 10 Mo : réduisez-le (par exemple « Enregistrer sous… PDF réduit ») puis réessayez.";

/** What the browser is told about the file: its id (the hint is `${id}-aide`), words and the types it takes. */
export type FileInputSpec = {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  accept: string;
  required?: boolean;
};

export function FileUploadForm({
  action,
  fields,
  tooBig = TOO_BIG,
  resetOnSuccess,
  file,
  submitLabel,
  submitVariant,
  className = "space-y-4",
  children,
}: {
  action: UploadAction;
  fields: Record<string, string>;
  tooBig?: string;
  resetOnSuccess?: boolean;
  file: FileInputSpec;
  submitLabel: string;
  submitVariant?: "primary" | "secondary";
  className?: string;
  /** The fields sent with the file (its description, a date), shown above it. */
  children?: ReactNode;
}) {
  const { onSubmit, pending, result, localError } = useFileUpload(action, { tooBig, fields, resetOnSuccess });
  return (
    <form className={className} onSubmit={onSubmit}>
      {children}
      <FormField id={file.id} label={file.label} hint={file.hint}>
        {(control) => (
          <input
            id={control.id}
            name="file"
            type="file"
            required={file.required}
            accept={file.accept}
            aria-describedby={control.describedBy}
            // The form's width, never more: a long file name cannot push the picker out on a phone.
            className="mt-1 block w-full max-w-full"
          />
        )}
      </FormField>
      {localError ? (
        <p role="alert" className="font-semibold text-danger-700">
          {localError}
        </p>
      ) : (
        <ActionMessage result={result} />
      )}
      <Button type="submit" variant={submitVariant} disabled={pending}>
        {pending ? "Envoi…" : submitLabel}
      </Button>
    </form>
  );
}
