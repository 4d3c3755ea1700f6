import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { roleLabel } from "@/components/organizations/role-labels";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findInvitation } from "@/lib/organizations/invitations";
import { invitationTokenSchema } from "@/lib/organizations/schemas";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const parsed = invitationTokenSchema.safeParse({ token });
  const found = parsed.success ? await findInvitation(getDb(), parsed.data.token) : ({ state: "unknown" } as const);
  const actor = await getActor();

  return (
    <>
      <PageHeader title="Invitation" />
      <Container className="max-w-3xl space-y-5 py-10">
        {found.state === "unknown" ? (
          <Notice tone="danger" title="Lien invalide">
            <p>Ce lien d’invitation n’est pas valide. Vérifiez qu’il est complet, ou demandez une nouvelle invitation.</p>
          </Notice>
        ) : found.state === "accepted" ? (
          <Notice title="Invitation déjà acceptée">
            <p>
              Cette invitation a déjà servi. <Link href="/espace">Ouvrir mon espace</Link>
            </p>
          </Notice>
        ) : found.state !== "pending" ? (
          <Notice tone="danger" title="Invitation expirée ou annulée">
            <p>Demandez une nouvelle invitation à la personne qui vous a invité.</p>
          </Notice>
        ) : (
          <>
            <p>
              Vous êtes invité à rejoindre <strong>{found.invitation.organization.name}</strong> avec le rôle{" "}
              <strong>{roleLabel(found.invitation.role)}</strong>, à l’adresse {found.invitation.email}.
            </p>
            {!actor ? (
              <>
                <p>Connectez-vous d’abord avec cette adresse : vous reviendrez ici ensuite.</p>
                <ButtonLink href={`/connexion?retour=${encodeURIComponent(`/invitation/${token}`)}`}>Se connecter</ButtonLink>
              </>
            ) : actor.email !== found.invitation.email ? (
              <Notice tone="danger">
                <p>
                  Vous êtes connecté avec {actor.email}. Cette invitation est adressée à {found.invitation.email} : déconnectez-vous puis
                  reconnectez-vous avec cette adresse.
                </p>
              </Notice>
            ) : (
              <ActionButton action={acceptInvitationAction} input={{ token }} variant="primary" success="Bienvenue ! Vous faites maintenant partie de l’organisation.">
                Accepter l’invitation
              </ActionButton>
            )}
          </>
        )}
      </Container>
    </>
  );
}
