"use client";

// An action written freely: a title and the criteria it addresses are enough to create it; the
// rest (owner, due date, status, evidence) is filled on its own page, saved as you go. On a
// refusal every field keeps what was typed and shows the French message. Until it is created,
// the draft is kept in this browser, so an interruption (a phone call, a closed tab) loses nothing.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { PRIORITY_LABELS } from "@/lib/action-plan/rules";
import { createActionSchema, DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, type CreateActionInput } from "@/lib/action-plan/schemas";
import { CriteriaPicker, type CriterionChoice } from "./criteria-picker";
import { inputClasses } from "@/components/forms/form-field";

export function NewActionForm({
  organizationId,
  choices,
  actionHref,
  createAction,
}: {
  organizationId: string;
  choices: readonly CriterionChoice[];
  actionHref: string;
  createAction: (input: CreateActionInput) => Promise<ClientActionResult<{ actionId: string }>>;
}) {
  const router = useRouter();
  const { run, pending, result } = useAction(createAction);
  const {
    register,
    handleSubmit,
    control,
    reset,
    watch,
    formState: { errors },
  } = useForm<CreateActionInput>({
    resolver: zodResolver(createActionSchema),
    defaultValues: { organizationId, title: "", description: "", criteria: [], priority: "MEDIUM" },
  });
  const draftKey = `ccd-plan-new-action:${organizationId}`;

  useEffect(() => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(draftKey) ?? "null");
      if (stored && typeof stored === "object") reset({ ...(stored as CreateActionInput), organizationId });
    } catch {
      // No storage, or a draft from an older form: start empty.
    }
    const subscription = watch((values) => {
      try {
        localStorage.setItem(draftKey, JSON.stringify(values));
      } catch {
        // Private browsing or a full storage: the form still works, without the safety net.
      }
    });
    return () => subscription.unsubscribe();
  }, [draftKey, organizationId, reset, watch]);

  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const titleError = errors.title?.message ?? serverErrors.title;
  const descriptionError = errors.description?.message ?? serverErrors.description;
  const criteriaError = errors.criteria?.message ?? serverErrors.criteria;

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={handleSubmit((input) =>
        run(input, (data) => {
          try {
            localStorage.removeItem(draftKey);
          } catch {
            // See above.
          }
          router.push(`${actionHref}/${data.actionId}`);
        }),
      )}
    >
      <input type="hidden" {...register("organizationId")} />
      <div>
        <label htmlFor="nouvelle-titre" className="block font-semibold">
          Titre de l’action
        </label>
        <p id="nouvelle-titre-aide" className="text-sm text-ink-muted">
          Ce qui sera fait, en une phrase : par exemple « Faire signer la charte informatique par les agents ».
        </p>
        <input
          id="nouvelle-titre"
          type="text"
          maxLength={TITLE_MAX_LENGTH}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? "nouvelle-titre-aide nouvelle-titre-erreur" : "nouvelle-titre-aide"}
          className={inputClasses}
          {...register("title")}
        />
        {titleError ? (
          <p id="nouvelle-titre-erreur" className="mt-1 font-semibold text-danger-700">
            {titleError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="nouvelle-description" className="block font-semibold">
          Description <span className="font-normal text-ink-muted">(facultatif)</span>
        </label>
        <textarea
          id="nouvelle-description"
          rows={3}
          maxLength={DESCRIPTION_MAX_LENGTH}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? "nouvelle-description-erreur" : undefined}
          className={inputClasses}
          {...register("description")}
        />
        {descriptionError ? (
          <p id="nouvelle-description-erreur" className="mt-1 font-semibold text-danger-700">
            {descriptionError}
          </p>
        ) : null}
      </div>
      <Controller
        control={control}
        name="criteria"
        render={({ field }) => (
          <CriteriaPicker
            idPrefix="nouvelle-critere"
            choices={choices}
            selected={Array.isArray(field.value) ? field.value : []}
            onChange={field.onChange}
            error={criteriaError}
          />
        )}
      />
      <div>
        <label htmlFor="nouvelle-priorite" className="block font-semibold">
          Priorité
        </label>
        <select id="nouvelle-priorite" className={`${inputClasses} max-w-xs`} {...register("priority")}>
          {(["HIGH", "MEDIUM", "LOW"] as const).map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </div>
      <ActionMessage result={result && !result.ok ? result : null} />
      <Button type="submit" disabled={pending}>
        {pending ? "Création…" : "Créer l’action"}
      </Button>
    </form>
  );
}
