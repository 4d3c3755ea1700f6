"use client";

// The forms of the candidacy page: the secretary's word to the association, the attachments,
// and the mayor's submission after a confirmation that lists what will be sent.
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { FileUploadForm, type UploadAction } from "@/components/forms/file-upload-form";
import { inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

type Action<I> = (input: I) => Promise<ClientActionResult<unknown>>;

export function NoteForm({ organizationId, note, action }: { organizationId: string; note: string; action: Action<{ organizationId: string; note: string }> }) {
  const { run, pending, result } = useAction(action);
  const [value, setValue] = useState(note);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        run({ organizationId, note: value });
      }}
    >
      <label htmlFor="mot-association" className="block font-semibold">
        Votre mot à l’association (facultatif)
      </label>
      <p id="mot-association-aide" className="text-sm text-ink-muted">
        Ce que le relecteur doit savoir : contexte de la commune, difficultés, ce qui est prévu.
      </p>
      <textarea id="mot-association" name="note" rows={4} maxLength={3000} value={value} onChange={(event) => setValue(event.target.value)} aria-describedby="mot-association-aide" className={inputClasses} />
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le mot"}
      </Button>
    </form>
  );
}

export function AttachmentForm({ organizationId, action }: { organizationId: string; action: UploadAction }) {
  return (
    <FileUploadForm
      action={action}
      fields={{ organizationId }}
      resetOnSuccess
      className="space-y-3"
      file={{ id: "piece-fichier", label: "Fichier", hint: "PDF, PNG ou JPEG, 10 Mo au plus.", accept: "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg", required: true }}
      submitLabel="Joindre la pièce"
      submitVariant="secondary"
    >
      <div>
        <label htmlFor="piece-libelle" className="block font-semibold">
          Description de la pièce
        </label>
        <input id="piece-libelle" name="label" required minLength={2} maxLength={120} placeholder="Délibération du conseil municipal" className={inputClasses} />
      </div>
    </FileUploadForm>
  );
}

/** The mayor's submission: what will be sent, a box to tick, then the button. */
export function SubmitForm({
  organizationId,
  sent,
  resubmission,
  action,
}: {
  organizationId: string;
  sent: string[];
  resubmission: boolean;
  action: Action<{ organizationId: string; confirmed: boolean }>;
}) {
  const { run, pending, result } = useAction(action);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form
      className="space-y-4"
      aria-labelledby="depot-titre"
      onSubmit={(event) => {
        event.preventDefault();
        run({ organizationId, confirmed });
      }}
    >
      <h3 id="depot-titre" className="text-xl">
        {resubmission ? "Déposer de nouveau la candidature" : "Déposer la candidature"}
      </h3>
      <p>Seront envoyés à l’association, tels qu’ils sont à cet instant (ils ne pourront plus être modifiés pendant l’examen) :</p>
      <ul className="list-disc space-y-1 pl-6">
        {sent.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="flex items-start gap-3">
        <input id="depot-confirmation" type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="mt-1 h-5 w-5" />
        <label htmlFor="depot-confirmation">J’ai vérifié le dossier et je le dépose au nom de la commune.</label>
      </div>
      <ActionMessage result={result} />
      <Button type="submit" disabled={pending || !confirmed}>
        {pending ? "Dépôt…" : resubmission ? "Déposer de nouveau" : "Déposer la candidature"}
      </Button>
    </form>
  );
}
