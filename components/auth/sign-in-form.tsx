"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { signInErrorMessage, signInRequestSchema, type SignInRequest } from "@/lib/auth/schemas";

/** Asks for a sign-in link by e-mail; the same answer whether an account exists or not. */
export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError: string | null }) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInRequest>({ resolver: zodResolver(signInRequestSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setServerError(null);
    const normalized = email.trim().toLowerCase();
    const result = await signIn("email", { email: normalized, redirect: false, callbackUrl: returnTo }).catch(() => null);
    const code = result?.url ? new URL(result.url, window.location.href).searchParams.get("error") : null;
    if (!result || result.error || code) {
      setServerError(signInErrorMessage(code ?? result?.error ?? "EmailSignin"));
      return;
    }
    router.push(`/connexion/verification?adresse=${encodeURIComponent(normalized)}`);
  });

  const fieldError = errors.email?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {serverError ? (
        <div role="alert">
          <Notice tone="danger">{serverError}</Notice>
        </div>
      ) : null}
      <div className="space-y-2">
        <label htmlFor="email" className="block font-semibold">
          Adresse électronique
        </label>
        <p id="email-hint" className="text-sm text-ink-muted">
          Votre adresse professionnelle, par exemple prenom.nom@mairie-exemple.fr
        </p>
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-describedby={fieldError ? "email-hint email-error" : "email-hint"}
          aria-invalid={fieldError ? true : undefined}
          className="block w-full max-w-md rounded-md border-2 border-ink-muted px-3 py-2 text-base"
          {...register("email")}
        />
        {fieldError ? (
          <p id="email-error" className="font-semibold text-danger-700">
            {fieldError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Envoi en cours…" : "Recevoir un lien de connexion"}
      </Button>
    </form>
  );
}

export function ProConnectButton({ returnTo }: { returnTo: string }) {
  return (
    <Button variant="secondary" onClick={() => void signIn("proconnect", { callbackUrl: returnTo })}>
      S’identifier avec ProConnect
    </Button>
  );
}
