"use client";
// The administrators' forms on one certificate: record the hologram number, reissue or revoke
// with a reason (the two last ask for a confirmation in words).
import { useState } from "react";
import { useActionAnnouncer } from "@/components/forms/action-announcer";
import { ActionMessage } from "@/components/forms/action-message";
import { inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

type Action<I> = (input: I) => Promise<ClientActionResult>;

export function HologramForm({ certificateId, serial, current, action }: { certificateId: string; serial: string; current: string | null; action: Action<{ certificateId: string; hologramNumber: string }> }) {
  const { run, pending, result } = useAction(action);
  const [value, setValue] = useState(current ?? "");
  const id = `hologramme-${certificateId}`;
  const error = result && !result.ok ? result.fieldErrors?.hologramNumber : undefined;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run({ certificateId, hologramNumber: value });
      }}
    >
      <label htmlFor={id} className="block font-semibold">
        Numéro d&apos;hologramme du certificat {serial}
      </label>
      <div className="flex flex-wrap items-start gap-3">
        <input
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          maxLength={40}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          className={`${inputClasses} max-w-xs font-mono uppercase`}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="mt-1">
          {current ? "Corriger" : "Enregistrer"}
        </Button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}

export function ReasonForm({
  certificateId,
  serial,
  kind,
  action,
}: {
  certificateId: string;
  serial: string;
  kind: "revoke" | "reissue";
  action: Action<{ certificateId: string; reason: string }>;
}) {
  const announce = useActionAnnouncer();
  const { run, pending, result } = useAction(action, { onResult: announce ?? undefined });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const id = `${kind}-${certificateId}`;
  const error = result && !result.ok ? result.fieldErrors?.reason : undefined;
  const words =
    kind === "revoke"
      ? { open: "Révoquer…", label: `Motif de la révocation du certificat ${serial} (public, envoyé à la commune)`, submit: "Révoquer le certificat et retirer le label", confirm: `Retirer le label et révoquer le certificat ${serial} ? Cela ne peut pas être annulé.` }
      : { open: "Remplacer…", label: `Pourquoi remplacer le certificat ${serial} ? (par exemple : nom corrigé)`, submit: "Faire un nouveau certificat", confirm: `Faire un nouveau certificat ? Le numéro ${serial} dira « remplacé ».` };
  if (!open) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {words.open}
        </Button>
      </div>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!window.confirm(words.confirm)) return;
        run({ certificateId, reason });
      }}
    >
      <label htmlFor={id} className="block font-semibold">
        {words.label}
      </label>
      <textarea
        id={id}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={2}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        className={inputClasses}
      />
      {error ? (
        <p id={`${id}-erreur`} className="font-semibold text-danger-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant={kind === "revoke" ? "primary" : "secondary"} disabled={pending}>
        {pending ? "Un instant…" : words.submit}
      </Button>
      {announce ? null : <ActionMessage result={result} />}
    </form>
  );
}
