"use client";

// A text to copy (the badge's HTML, the press release): shown in a field people can select or
// edit, a button that copies it, and a message in a live region saying it worked.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyText({ label, text, rows = 4, editable = false, downloadName }: { label: string; text: string; rows?: number; editable?: boolean; downloadName?: string }) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [message, setMessage] = useState("");

  async function copy() {
    const value = field.current?.value ?? text;
    try {
      await navigator.clipboard.writeText(value);
      setMessage("Copié. Vous pouvez le coller où vous voulez.");
    } catch {
      field.current?.select();
      setMessage("La copie automatique n’est pas possible ici : le texte est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).");
    }
  }

  function save() {
    const blob = new Blob([field.current?.value ?? text], { type: "text/plain;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = downloadName!;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        ref={field}
        defaultValue={text}
        readOnly={!editable}
        rows={rows}
        spellCheck={editable}
        className="block w-full rounded-md border-2 border-ink-muted bg-white px-3 py-2 font-mono text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void copy()}>
          Copier
        </Button>
        {downloadName ? (
          <Button variant="tertiary" onClick={save}>
            Enregistrer en fichier texte
          </Button>
        ) : null}
        <p role="status" className="text-base">
          {message}
        </p>
      </div>
    </div>
  );
}
