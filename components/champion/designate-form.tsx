"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { ChampionRule } from "@/lib/champion/rules";
import { designateChampionFormSchema } from "@/lib/champion/schemas";

type Schema = ReturnType<typeof designateChampionFormSchema>;
type Input = z.input<Schema>;
type Output = z.output<Schema>;

const FIELDS = ["name", "function", "email", "phone", "isElected"] as const satisfies readonly FieldPath<Input>[];
const inputClasses = "block w-full rounded-md border-2 border-ink-muted px-3 py-2 aria-[invalid=true]:border-danger-700";

/**
 * Designating the Cyber Champion. The shared zod schema plus the round's rule run in the browser:
 * on submission, then on every change; the function is checked as soon as it is left, so "Maire"
 * is refused at once. Other fields do not complain on leaving them: a message appearing then
 * moves the form under the pointer and the click on the button below is lost. The server checks
 * everything again and its refusals go under the field they concern. Nothing typed is lost.
 */
export function DesignateChampionForm({
  organizationId,
  rule,
  mayorEmails,
  submitLabel,
  pendingDesignationId,
  action,
}: {
  organizationId: string;
  rule: ChampionRule;
  mayorEmails: string[];
  submitLabel: string;
  /** The designation waiting for an answer, as the page now shows it. */
  pendingDesignationId: string | null;
  action: (input: Output) => Promise<ClientActionResult<{ designationId: string }>>;
}) {
  const schema = useMemo(() => designateChampionFormSchema(rule, mayorEmails), [rule, mayorEmails]);
  // null, not undefined: react-hook-form unchecks the radios only for a value none of them has.
  const empty: Input = { organizationId, name: "", function: "", email: "", phone: "", isElected: null as unknown as Input["isElected"] };
  const { run, pending, result } = useAction(action);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    trigger,
    formState: { errors },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), mode: "onSubmit", reValidateMode: "onChange", defaultValues: empty });

  // The server's refusal of one field (the mayor's address, a round rule) goes under that field.
  useEffect(() => {
    if (!result || result.ok || !result.fieldErrors) return;
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      if ((FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { type: "server", message }, { shouldFocus: true });
    }
  }, [result, setError]);

  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `champion-${field}-aide` : null, errors[field as keyof typeof errors] ? `champion-${field}-erreur` : null].filter(Boolean).join(" ") || undefined;
  const error = (field: keyof typeof errors) =>
    errors[field]?.message ? (
      <p id={`champion-${field}-erreur`} className="font-semibold text-danger-700">
        {errors[field]?.message}
      </p>
    ) : null;
  const mappedToField = result && !result.ok && result.fieldErrors && Object.keys(result.fieldErrors).some((field) => (FIELDS as readonly string[]).includes(field));

  return (
    <form onSubmit={handleSubmit((input) => run(input, () => reset(empty)))} noValidate className="space-y-5" aria-describedby="champion-champs-obligatoires">
      <p id="champion-champs-obligatoires" className="text-sm text-ink-muted">
        Tous les champs sont obligatoires, sauf le téléphone.
      </p>
      <input type="hidden" {...register("organizationId")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="champion-name" className="block font-semibold">
            Prénom et nom
          </label>
          <input
            id="champion-name"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name")}
            className={inputClasses}
            {...register("name")}
          />
          {error("name")}
        </div>
        <div className="space-y-1">
          <label htmlFor="champion-function" className="block font-semibold">
            Fonction
          </label>
          <input
            id="champion-function"
            autoComplete="off"
            aria-invalid={errors.function ? true : undefined}
            aria-describedby={describedBy("function", true)}
            className={inputClasses}
            {...register("function", {
              // The round's rule answers as soon as the function is written, before any submission.
              onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
                if (event.target.value.trim().length >= 2) void trigger("function");
              },
            })}
          />
          <p id="champion-function-aide" className="text-sm text-ink-muted">
            Par exemple « adjointe au numérique », « conseiller municipal » ou « secrétaire de mairie ».
            {rule.championMustNotBeMayor ? " Règle de la campagne : ni le maire, ni le directeur des systèmes d’information (DSI)." : null}
          </p>
          {error("function")}
        </div>
        <div className="space-y-1">
          <label htmlFor="champion-email" className="block font-semibold">
            Adresse électronique
          </label>
          <input
            id="champion-email"
            type="email"
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy("email", true)}
            className={inputClasses}
            {...register("email")}
          />
          <p id="champion-email-aide" className="text-sm text-ink-muted">
            Le lien pour accepter y est envoyé ; la personne se connecte avec cette adresse.
          </p>
          {error("email")}
        </div>
        <div className="space-y-1">
          <label htmlFor="champion-phone" className="block font-semibold">
            Téléphone <span className="font-normal text-ink-muted">(facultatif)</span>
          </label>
          <input
            id="champion-phone"
            type="tel"
            autoComplete="off"
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={describedBy("phone", true)}
            className={inputClasses}
            {...register("phone")}
          />
          <p id="champion-phone-aide" className="text-sm text-ink-muted">
            Exemple : 04 42 00 00 00
          </p>
          {error("phone")}
        </div>
      </div>
      <fieldset className="space-y-2" aria-describedby={describedBy("isElected")}>
        <legend className="font-semibold">Cette personne est :</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="true" className="h-5 w-5" {...register("isElected")} />
          élue ou élu (adjoint, conseiller municipal…)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="false" className="h-5 w-5" {...register("isElected")} />
          agent de la collectivité (secrétaire de mairie, agent technique…)
        </label>
        {error("isElected")}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : submitLabel}
      </Button>
      {mappedToField ? (
        <div role="alert">
          <p className="font-semibold text-danger-700">La désignation n’a pas été envoyée : corrigez le champ signalé ci-dessus.</p>
        </div>
      ) : result?.ok && result.data.designationId !== pendingDesignationId ? null : (
        // "Sent" stays true only while that designation is the one waiting: once cancelled,
        // replaced or answered, the status above tells what happened, not this old message.
        <ActionMessage result={result} />
      )}
    </form>
  );
}
