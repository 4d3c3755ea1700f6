"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { inviteMemberSchema } from "@/lib/organizations/schemas";
import { roleLabel } from "./role-labels";

type Input = z.input<typeof inviteMemberSchema>;

export function InviteForm({
  organizationId,
  roles,
  action,
}: {
  organizationId: string;
  roles: string[];
  action: (input: Input) => Promise<ClientActionResult>;
}) {
  const { run, pending, result } = useAction(action);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Input>({ resolver: zodResolver(inviteMemberSchema), defaultValues: { organizationId, email: "", role: "SECRETARY" } });

  const emailError = errors.email?.message ?? (result && !result.ok ? result.fieldErrors?.email : undefined);
  return (
    <form onSubmit={handleSubmit((input) => run(input, () => reset({ organizationId, email: "", role: input.role })))} noValidate className="space-y-4">
      <input type="hidden" {...register("organizationId")} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <div className="space-y-1">
          <label htmlFor="invite-email" className="block font-semibold">
            Adresse électronique de votre collègue
          </label>
          <input
            id="invite-email"
            type="email"
            autoComplete="off"
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "invite-email-error" : undefined}
            className="block w-full rounded-md border-2 border-ink-muted px-3 py-2"
            {...register("email")}
          />
          {emailError ? (
            <p id="invite-email-error" className="font-semibold text-danger-700">
              {emailError}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block font-semibold">
            Rôle
          </label>
          <select id="invite-role" className="block w-full rounded-md border-2 border-ink-muted px-3 py-2" {...register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l’invitation"}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}
