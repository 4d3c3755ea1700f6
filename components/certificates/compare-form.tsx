"use client";
// Drop the PDF you hold: the server says whether it is byte for byte the certificate issued
// under this serial. Size and type are checked here first, so a 50 MB file is never sent.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { COMPARISON_MAX_BYTES, COMPARISON_MESSAGES } from "@/lib/certificates/comparison";

type Outcome = { tone: "success" | "danger"; title: string; text: string } | null;

/** The server's sentence without its first word, which the notice's title already says. */
function rest(message: string): string {
  const text = message.replace(/^(Identique|Modifié) : /, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function CompareForm({ serial }: { serial: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function compare(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setOutcome({ tone: "danger", title: "Aucun fichier choisi", text: "Choisissez le fichier PDF du certificat, puis cliquez sur « Comparer »." });
    if (file.size > COMPARISON_MAX_BYTES) return setOutcome({ tone: "danger", title: "Fichier trop lourd", text: COMPARISON_MESSAGES.tooLarge });
    const head = new TextDecoder("latin1").decode(await file.slice(0, 5).arrayBuffer());
    if (head !== "%PDF-") return setOutcome({ tone: "danger", title: "Ce n'est pas un PDF", text: COMPARISON_MESSAGES.notPdf });
    setPending(true);
    try {
      const response = await fetch(`/verifier/${serial}/comparaison`, { method: "POST", body: file, headers: { "content-type": "application/pdf" } });
      const body = (await response.json().catch(() => ({}))) as { result?: "identical" | "modified"; message?: string; error?: string };
      if (body.result === "identical") setOutcome({ tone: "success", title: "Identique", text: rest(body.message ?? COMPARISON_MESSAGES.identical) });
      else if (body.result === "modified") setOutcome({ tone: "danger", title: "Modifié", text: rest(body.message ?? COMPARISON_MESSAGES.modified) });
      else setOutcome({ tone: "danger", title: "Comparaison impossible", text: body.error ?? "La comparaison n'a pas abouti : réessayez dans un instant." });
    } catch {
      setOutcome({ tone: "danger", title: "Comparaison impossible", text: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={compare} className="space-y-3">
      <label htmlFor="fichier-certificat" className="block font-semibold">
        Fichier PDF du certificat
      </label>
      <p id="fichier-aide" className="text-sm text-ink-muted">
        Le fichier n&apos;est pas conservé : seule son empreinte est comparée à celle du certificat délivré. 5 Mo au plus.
      </p>
      <input
        id="fichier-certificat"
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby="fichier-aide"
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null);
          setOutcome(null);
        }}
        className="block w-full text-base file:mr-4 file:min-h-11 file:rounded-md file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Comparaison…" : "Comparer"}
      </Button>
      <div aria-live="polite" role="status">
        {outcome ? (
          <Notice tone={outcome.tone} title={outcome.title}>
            <p>{outcome.text}</p>
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
