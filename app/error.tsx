"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    // The details stay in the console and the server logs; the page shows none of them.
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <Container className="py-16">
      <div className="max-w-2xl">
        <title>Une erreur est survenue – Label Commune Cyber Dynamique</title>
        <h1 className="text-4xl">Une erreur est survenue</h1>
        <p className="mt-5 text-lg">
          La page n’a pas pu s’afficher. Ce n’est pas de votre fait, et ce que vous aviez déjà enregistré n’est pas
          perdu. Réessayez dans quelques instants.
        </p>
        <p className="mt-3 text-lg">Si le problème continue, revenez à l’accueil et recommencez votre démarche.</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Button onClick={() => retry()}>Réessayer</Button>
          <ButtonLink href="/" variant="secondary">
            Revenir à l’accueil
          </ButtonLink>
        </div>
        {digest ? (
          <p className="mt-8 text-base text-ink-muted">
            Si vous contactez l’association à ce sujet, indiquez cette référence : <code>{digest}</code>
          </p>
        ) : null}
      </div>
    </Container>
  );
}
