"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useId } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { ActionMessage } from "@/components/forms/action-message";
import { FormField, inputClasses, type FieldControl } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { createRoundSchema, type CreateRoundInput } from "@/lib/rounds/schemas";

type Version = { id: string; key: string; title: string };

/** Prepares next year's round: dates, questionnaire version and the rules of the label. */
export function RoundForm({
  defaults,
  versions,
  action,
}: {
  defaults: CreateRoundInput;
  versions: Version[];
  action: (input: CreateRoundInput) => Promise<ClientActionResult>;
}) {
  const id = useId();
  const { run, pending, result } = useAction(action);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<CreateRoundInput>({ resolver: zodResolver(createRoundSchema), defaultValues: defaults });

  const errorOf = (name: FieldPath<CreateRoundInput>) => errors[name]?.message ?? (result && !result.ok ? result.fieldErrors?.[name] : undefined);

  const field = (name: FieldPath<CreateRoundInput>) => ({ id: `${id}-${name}`, error: errorOf(name) });
  const text = (name: FieldPath<CreateRoundInput>, type: string) => (control: FieldControl) => (
    <input id={control.id} type={type} className={inputClasses} aria-describedby={control.describedBy} aria-invalid={control.invalid} {...register(name)} />
  );

  if (versions.length === 0) {
    return (
      <p>
        Aucune version publiée n’est libre : créez et publiez d’abord la version du questionnaire de l’année suivante, page{" "}
        <Link href="/admin/questionnaires">Versions du questionnaire</Link>.
      </p>
    );
  }

  return (
    <form onSubmit={handleSubmit((input) => run(input))} noValidate className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <FormField {...field("year")} label="Année">
          {text("year", "number")}
        </FormField>
        <FormField {...field("name")} label="Nom">
          {text("name", "text")}
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField {...field("opensOn")} label="Ouverture" hint="À minuit, heure de Paris.">
          {text("opensOn", "date")}
        </FormField>
        <FormField {...field("closesOn")} label="Clôture des candidatures" hint="À 23 h 59, heure de Paris.">
          {text("closesOn", "date")}
        </FormField>
        <FormField {...field("labelValidUntil")} label="Label valable jusqu’au" hint="Date de fin de validité du label accordé.">
          {text("labelValidUntil", "date")}
        </FormField>
      </div>
      <FormField {...field("questionnaireVersionId")} label="Version du questionnaire" hint="Une version publiée qu’aucune autre campagne n’utilise.">
        {(control) => (
          <select id={control.id} className={inputClasses} aria-describedby={control.describedBy} aria-invalid={control.invalid} {...register("questionnaireVersionId")}>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.title} (clé {version.key})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Règles du plan d’action et du Cyber Champion</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField {...field("minPlanActions")} label="Nombre minimal d’actions">
            {text("minPlanActions", "number")}
          </FormField>
          <FormField {...field("minPlanCriteria")} label="Nombre minimal de critères du questionnaire couverts">
            {text("minPlanCriteria", "number")}
          </FormField>
        </div>
        <div className="flex items-start gap-2">
          <input id={`${id}-champion`} type="checkbox" className="mt-1 h-5 w-5" {...register("championMustNotBeMayor")} />
          <label htmlFor={`${id}-champion`}>Le Cyber Champion ne peut être ni le maire ni le directeur des systèmes d’information</label>
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Un instant…" : "Préparer la campagne"}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}
