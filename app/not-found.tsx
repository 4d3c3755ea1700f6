import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <Container className="py-16">
      <div className="max-w-2xl">
        <p className="text-base font-semibold text-ink-muted">Erreur 404</p>
        <h1 className="mt-2 text-4xl">Page introuvable</h1>
        <p className="mt-5 text-lg">
          La page que vous cherchez n’existe pas ou a été déplacée. Si vous avez saisi l’adresse à la main,
          vérifiez qu’elle est correctement écrite.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/">Revenir à l’accueil</ButtonLink>
          <ButtonLink href="/#recherche" variant="secondary">
            Trouver une commune
          </ButtonLink>
        </div>
        <p className="mt-8 text-base text-ink-muted">
          Vous pouvez aussi consulter le <Link href="/plan-du-site">plan du site</Link>.
        </p>
      </div>
    </Container>
  );
}
