"use client";

// The Gendarmerie's Diagonal summary: date and PDF. The server checks the file's content; this
// form only spares a pointless upload of an obviously wrong file.
import { ActionMessage } from "@/components/forms/action-message";
import type { ClientActionResult } from "@/components/forms/use-action";
import { useFileUpload } from "@/components/forms/use-file-upload";
import { Button } from "@/components/ui/button";

export function DiagonalForm({
  organizationId,
  action,
}: {
  organizationId: string;
  action: (input: FormData) => Promise<ClientActionResult<unknown>>;
}) {
  const { onSubmit, pending, result, localError } = useFileUpload(action, {
    tooBig: "Le fichier dépasse 10 Mo : réduisez-le puis réessayez.",
    fields: { organizationId },
  });

  return (
    <form className="space-y-4" onSubmit={onSubmit}>
      <div>
        <label htmlFor="diagonal-date" className="block font-semibold">
          Date du diagnostic
        </label>
        <input id="diagonal-date" name="diagnosedOn" type="date" required className="mt-1 rounded-md border border-ink-muted px-3 py-2" />
      </div>
      <div>
        <label htmlFor="diagonal-fichier" className="block font-semibold">
          Synthèse écrite remise par la Gendarmerie
        </label>
        <p id="diagonal-fichier-aide" className="text-sm text-ink-muted">
          Fichier PDF, 10 Mo au plus.
        </p>
        <input
          id="diagonal-fichier"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          required
          aria-describedby="diagonal-fichier-aide"
          className="mt-1 block"
        />
      </div>
      {localError ? (
        <p role="alert" className="font-semibold text-danger-700">
          {localError}
        </p>
      ) : (
        <ActionMessage result={result} />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Enregistrer le diagnostic"}
      </Button>
    </form>
  );
}
