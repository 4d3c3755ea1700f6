import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProConnectButton, SignInForm } from "@/components/auth/sign-in-form";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { safeReturnPath, signInErrorMessage } from "@/lib/auth/schemas";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { devMailboxEnabled } from "@/lib/notifications/mailer";

export const metadata: Metadata = { title: "Se connecter" };

type Props = { searchParams: Promise<{ retour?: string; callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.retour ?? params.callbackUrl, env().APP_URL);
  if (await getActor()) redirect(returnTo);
  const proConnect = Boolean(env().OIDC_ISSUER);

  return (
    <>
      <PageHeader title="Se connecter" lead="Pas de mot de passe à retenir : recevez un lien de connexion dans votre messagerie." />
      <Container className="grid gap-10 py-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="lien-titre" className="space-y-6">
          <h2 id="lien-titre" className="text-2xl">
            Recevoir un lien par courriel
          </h2>
          <SignInForm returnTo={returnTo} initialError={signInErrorMessage(params.error)} />
          {proConnect ? (
            <div className="space-y-3 border-t border-line pt-6">
              <h2 className="text-xl">Agent public ?</h2>
              <p>Utilisez votre compte professionnel ProConnect.</p>
              <ProConnectButton returnTo={returnTo} />
            </div>
          ) : null}
        </section>
        <aside aria-labelledby="premiere-fois" className="space-y-3 rounded-lg bg-surface p-5">
          <h2 id="premiere-fois" className="text-xl">
            Première visite ?
          </h2>
          <p>
            Saisissez simplement votre adresse : votre compte est créé quand vous ouvrez le lien. Vous choisirez ensuite votre
            commune ou intercommunalité.
          </p>
          {devMailboxEnabled() ? (
            <p className="text-sm">
              Environnement de démonstration : les courriels arrivent dans la <Link href="/dev/boite-mail">boîte mail de développement</Link>.
            </p>
          ) : null}
        </aside>
      </Container>
    </>
  );
}
