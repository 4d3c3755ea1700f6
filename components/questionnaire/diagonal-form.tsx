"use client";

// The Gendarmerie's Diagonal summary: date and PDF. The server checks the file's content; this
// form only spares a pointless upload of an obviously wrong file.
import { FileUploadForm, type UploadAction } from "@/components/forms/file-upload-form";

export function DiagonalForm({
  organizationId,
  action,
}: {
  organizationId: string;
  action: UploadAction;
}) {
  return (
    <FileUploadForm
      action={action}
      fields={{ organizationId }}
      tooBig="Le fichier dépasse 10 Mo : réduisez-le puis réessayez."
      file={{
        id: "diagonal-fichier",
        label: "Synthèse écrite remise par la Gendarmerie",
        hint: "Fichier PDF, 10 Mo au plus.",
        accept: "application/pdf,.pdf",
        required: true,
      }}
      submitLabel="Enregistrer le diagnostic"
    >
      <div>
        <label htmlFor="diagonal-date" className="block font-semibold">
          Date du diagnostic
        </label>
        <input id="diagonal-date" name="diagnosedOn" type="date" required className="mt-1 rounded-md border border-ink-muted px-3 py-2" />
      </div>
    </FileUploadForm>
  );
}
