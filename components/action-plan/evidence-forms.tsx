"use client";

// Evidence of an action: a file (PDF, PNG or JPEG, 10 MB at most, recognised by the server from
// its content) or a link. The form keeps what was typed when the server refuses.
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { FileUploadForm, type UploadAction } from "@/components/forms/file-upload-form";
import { inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { EvidenceLinkInput } from "@/lib/action-plan/schemas";

export function EvidenceFileForm({ actionId, action }: { actionId: string; action: UploadAction }) {
  return (
    <FileUploadForm
      action={action}
      fields={{ actionId }}
      resetOnSuccess
      file={{
        id: "preuve-fichier",
        label: "Fichier",
        hint: "PDF ou image (PNG, JPEG), 10 Mo au plus. Un document Word ou un tableur : enregistrez-le d’abord en PDF.",
        accept: "application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg",
      }}
      submitLabel="Joindre le fichier"
      submitVariant="secondary"
    >
      <div>
        <label htmlFor="preuve-fichier-libelle" className="block font-semibold">
          Ce que montre le fichier
        </label>
        <input id="preuve-fichier-libelle" name="label" type="text" maxLength={200} placeholder="Par exemple : Charte signée" className={inputClasses} />
      </div>
    </FileUploadForm>
  );
}

export function EvidenceLinkForm({ actionId, action }: { actionId: string; action: (input: EvidenceLinkInput) => Promise<ClientActionResult<unknown>> }) {
  const { run, pending, result } = useAction(action);
  const [url, setUrl] = useState("");
  const [label, setLabel] = useState("");
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run({ actionId, url, label }, () => {
          setUrl("");
          setLabel("");
        });
      }}
    >
      <div>
        <label htmlFor="preuve-lien-libelle" className="block font-semibold">
          Ce que montre le lien
        </label>
        <input
          id="preuve-lien-libelle"
          type="text"
          maxLength={200}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          aria-invalid={errors.label ? true : undefined}
          className={inputClasses}
        />
      </div>
      <div>
        <label htmlFor="preuve-lien" className="block font-semibold">
          Adresse du lien
        </label>
        <input
          id="preuve-lien"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-invalid={errors.url ? true : undefined}
          className={inputClasses}
        />
      </div>
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Ajout…" : "Ajouter le lien"}
      </Button>
    </form>
  );
}

export function CommentForm({ actionId, action }: { actionId: string; action: (input: { actionId: string; body: string }) => Promise<ClientActionResult<unknown>> }) {
  const { run, pending, result } = useAction(action);
  const [body, setBody] = useState("");
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        run({ actionId, body }, () => setBody(""));
      }}
    >
      <div>
        <label htmlFor="commentaire" className="block font-semibold">
          Votre commentaire
        </label>
        <textarea
          id="commentaire"
          rows={3}
          maxLength={5000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={result && !result.ok ? true : undefined}
          className={inputClasses}
        />
      </div>
      <ActionMessage result={result} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Envoi…" : "Publier le commentaire"}
      </Button>
    </form>
  );
}
