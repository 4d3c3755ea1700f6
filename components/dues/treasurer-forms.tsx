"use client";

// The treasurer's forms: a transfer received, an invoice cancelled by a credit note, a bank
// statement uploaded. The server checks everything; its refusals are said in French.
import { useRef, type FormEvent } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { FormField, inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

type Action<I> = (input: I) => Promise<ClientActionResult>;

function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([key, value]) => [key, String(value)]));
}

export function TransferForm({ duesId, remaining, action }: { duesId: string; remaining: string; action: Action<Record<string, string>> }) {
  const { run, pending, result } = useAction(action);
  const form = useRef<HTMLFormElement>(null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form ref={form} noValidate className="space-y-4" onSubmit={(event) => run({ ...fields(event), duesId }, () => form.current?.reset())}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="virement-date" label="Reçu le" error={errors.receivedOn}>
          {(control) => <input id={control.id} name="receivedOn" type="date" defaultValue={today} max={today} aria-describedby={control.describedBy} aria-invalid={control.invalid} className={inputClasses} />}
        </FormField>
        <FormField id="virement-montant" label="Montant reçu (€)" hint={`Reste à payer : ${remaining}`} error={errors.amount}>
          {(control) => <input id={control.id} name="amount" inputMode="decimal" aria-describedby={control.describedBy} aria-invalid={control.invalid} className={inputClasses} />}
        </FormField>
        <FormField id="virement-reference" label="Référence bancaire" hint="Le libellé ou la référence du virement sur le relevé." error={errors.reference}>
          {(control) => <input id={control.id} name="reference" aria-describedby={control.describedBy} aria-invalid={control.invalid} className={inputClasses} />}
        </FormField>
        <FormField id="virement-mandat" label={<>Numéro de mandat <span className="font-normal text-ink-muted">(facultatif)</span></>} error={errors.mandateNumber}>
          {(control) => <input id={control.id} name="mandateNumber" aria-describedby={control.describedBy} aria-invalid={control.invalid} className={inputClasses} />}
        </FormField>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le virement"}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}

export function CancelInvoiceForm({ invoiceId, number, action }: { invoiceId: string; number: string; action: Action<Record<string, string | boolean>> }) {
  const { run, pending, result } = useAction(action);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        const input = fields(event);
        if (!window.confirm(`Annuler la facture ${number} par un avoir ? Une facture émise ne se modifie pas.`)) return;
        run({ invoiceId, reason: input.reason ?? "", reissue: input.reissue === "on" });
      }}
    >
      <FormField id={`annulation-${invoiceId}`} label={`Motif de l’annulation de ${number}`} hint="Il figure sur l’avoir, par ex. « raison sociale erronée »." error={errors.reason}>
        {(control) => <input id={control.id} name="reason" aria-describedby={control.describedBy} aria-invalid={control.invalid} className={inputClasses} />}
      </FormField>
      <p>
        <input id={`reemettre-${invoiceId}`} name="reissue" type="checkbox" defaultChecked className="mr-2" />
        <label htmlFor={`reemettre-${invoiceId}`}>Émettre aussitôt la facture corrigée (coordonnées de facturation actuelles)</label>
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Un instant…" : "Annuler par un avoir"}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}

export function StatementUpload({ action }: { action: (input: FormData) => Promise<ClientActionResult> }) {
  const { run, pending, result } = useAction(action);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(new FormData(event.currentTarget), () => form.current?.reset());
      }}
    >
      <FormField id="releve-fichier" label="Relevé bancaire (CSV)" hint="L’export CSV de la banque : colonnes date, libellé et montant (ou crédit). Encodages et séparateurs français acceptés ; 2 Mo au plus.">
        {(control) => <input id={control.id} name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby={control.describedBy} className="mt-1 block" />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Lecture du relevé…" : "Importer le relevé"}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}
