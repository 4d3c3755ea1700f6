"use client";

// The billing details of the mairie. The shared zod schema checks the form in the browser on
// submission (SIRET key included) and again on the server; each refusal goes under its field.
import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { FormField, inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { BillingForm } from "@/lib/dues/billing";
import { billingDetailsSchema } from "@/lib/dues/schemas";

type Field = keyof BillingForm;

const FIELDS: { name: Field; label: string; hint?: string; autoComplete?: string; optional?: boolean; type?: string }[] = [
  { name: "legalName", label: "Raison sociale", hint: "Telle qu’elle figure à l’INSEE, par ex. « Commune de Meyreuil ».", autoComplete: "organization" },
  { name: "siret", label: "SIRET de la mairie", hint: "14 chiffres : le SIREN de la commune (9 chiffres) suivi du NIC de l’établissement (5 chiffres).", autoComplete: "off" },
  { name: "addressLine", label: "Adresse", autoComplete: "address-line1" },
  { name: "addressLine2", label: "Complément d’adresse", optional: true, autoComplete: "address-line2" },
  { name: "postalCode", label: "Code postal", autoComplete: "postal-code" },
  { name: "city", label: "Commune", autoComplete: "address-level2" },
  { name: "invoiceEmail", label: "Adresse électronique de facturation", hint: "La facture y est envoyée, par ex. celle du service comptabilité.", autoComplete: "email", type: "email" },
  { name: "serviceCode", label: "Code service Chorus Pro", hint: "Seulement si votre collectivité l’exige sur ses factures.", optional: true, autoComplete: "off" },
  { name: "commitmentNumber", label: "Numéro d’engagement", hint: "Seulement si votre collectivité l’exige (50 caractères au plus).", optional: true, autoComplete: "off" },
];

export function BillingDetailsForm({
  organizationId,
  values,
  action,
}: {
  organizationId: string;
  values: BillingForm;
  action: (input: Record<string, string>) => Promise<ClientActionResult>;
}) {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { run, pending, result } = useAction(action);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(FIELDS.map(({ name }) => [name, String(form.get(name) ?? "")]));
    const parsed = billingDetailsSchema.safeParse({ organizationId, ...input });
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
      setErrors(found);
      const first = FIELDS.find(({ name }) => found[name]);
      if (first) document.getElementById(`facturation-${first.name}`)?.focus();
      return;
    }
    setErrors({});
    run({ organizationId, ...input });
  }

  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <p className="text-sm text-ink-muted">Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».</p>
      <div className="grid gap-5 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <FormField
            key={field.name}
            id={`facturation-${field.name}`}
            label={
              <>
                {field.label}
                {field.optional ? <span className="font-normal text-ink-muted"> (facultatif)</span> : null}
              </>
            }
            hint={field.hint}
            error={errors[field.name] ?? serverErrors[field.name]}
          >
            {(control) => (
              <input
                id={control.id}
                name={field.name}
                type={field.type ?? "text"}
                defaultValue={values[field.name]}
                autoComplete={field.autoComplete}
                aria-describedby={control.describedBy}
                aria-invalid={control.invalid}
                className={inputClasses}
              />
            )}
          </FormField>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer les coordonnées"}
      </Button>
      <ActionMessage result={result} success="Coordonnées de facturation enregistrées." />
    </form>
  );
}
