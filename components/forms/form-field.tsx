import type { ReactNode } from "react";

/** The ids a control needs: its own, and what describes it (hint, then error) for screen readers. */
export type FieldControl = { id: string; describedBy: string | undefined; invalid: true | undefined };

/**
 * A labelled form field with an optional hint and its error in words, linked to the control by
 * aria-describedby. The control itself is the child, given the ids it must carry.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = hint ? `${id}-aide` : null;
  const errorId = error ? `${id}-erreur` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId!} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {error ? (
        <p id={errorId!} className="mt-1 font-semibold text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A text field, a select: full width, the border turns red while the value is refused. */
export const inputClasses = "mt-1 block w-full rounded-md border-2 border-ink-muted px-3 py-2 aria-[invalid=true]:border-danger-700";
