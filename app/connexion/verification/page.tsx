import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { emailSchema } from "@/lib/auth/schemas";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in";
import { devMailboxEnabled } from "@/lib/notifications/mailer";

export const metadata: Metadata = { title: "Consultez votre messagerie" };

type Props = { searchParams: Promise<{ adresse?: string }> };

export default async function VerifyRequestPage({ searchParams }: Props) {
  const address = emailSchema.safeParse((await searchParams).adresse);
  return (
    <>
      <PageHeader title="Consultez votre messagerie" />
      <Container className="max-w-3xl space-y-5 py-10">
        <Notice tone="success" title="Demande enregistrée">
          <p>
            Si l’adresse {address.success ? <strong>{address.data}</strong> : "saisie"} est valide, un lien de connexion vient d’y être
            envoyé. Il est valable {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes et ne sert qu’une fois.
          </p>
        </Notice>
        <p>Pas de courriel après quelques minutes ? Regardez dans les indésirables, puis demandez un nouveau lien.</p>
        <p>
          <Link href="/connexion">Demander un nouveau lien</Link>
        </p>
        {devMailboxEnabled() ? (
          <p className="text-sm">
            Démonstration : ouvrez la <Link href="/dev/boite-mail">boîte mail de développement</Link>.
          </p>
        ) : null}
      </Container>
    </>
  );
}
