import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/session";
import { findDesignation } from "@/lib/champion/designation";
import { getDb } from "@/lib/db/client";
import { respondToDesignationAction } from "./actions";

export const metadata: Metadata = { title: "Désignation de Cyber Champion", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** What the role is, in a few plain words, before the person says yes. */
function WhatItMeans() {
  return (
    <section aria-labelledby="role-titre" className="space-y-3">
      <h2 id="role-titre" className="text-2xl">
        Être Cyber Champion, qu’est-ce que c’est ?
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>Vous portez la démarche de cybersécurité de la collectivité, avec les élus et les agents.</li>
        <li>Vous suivez son plan d’actions : ce qui est fait, ce qui reste à faire, et qui s’en occupe.</li>
        <li>Vous êtes la personne à qui l’on pense en cas de doute : un courriel suspect, un incident, une question.</li>
      </ul>
      <p>Nul besoin d’être informaticien : il s’agit d’animer et de suivre, pas de tout faire soi-même. C’est l’un des quatre critères du label Commune Cyber Dynamique.</p>
    </section>
  );
}

export default async function ChampionDesignationPage({ params }: Props) {
  const { token } = await params;
  const found = await findDesignation(getDb(), token);
  const actor = await getActor();
  const isAddressee = found.state !== "unknown" && actor?.email === found.designation.email;

  return (
    <>
      <PageHeader title="Désignation de Cyber Champion" />
      <Container className="max-w-3xl space-y-6 py-10">
        {found.state === "unknown" ? (
          <Notice tone="danger" title="Lien invalide">
            <p>
              Ce lien de désignation n’est pas valide. Vérifiez que vous avez copié tout le lien depuis le courriel, ou demandez à la collectivité qui
              vous a désigné de recommencer.
            </p>
          </Notice>
        ) : found.state === "accepted" ? (
          <>
            <Notice tone="success" title="Désignation acceptée">
              <p>
                {isAddressee ? "Vous êtes" : `${found.designation.name} est`} le Cyber Champion de <strong>{found.designation.organization.name}</strong>.
                Le critère 3 du label est rempli.
              </p>
              {isAddressee ? <p className="mt-1">Prochaine étape : suivre le plan d’actions, depuis la page de la collectivité.</p> : null}
            </Notice>
            {isAddressee ? <ButtonLink href={`/espace/organisations/${found.designation.organization.id}`}>Ouvrir la page de {found.designation.organization.name}</ButtonLink> : null}
          </>
        ) : found.state === "ended" ? (
          <Notice title={found.designation.status === "DECLINED" ? "Désignation refusée" : "Désignation terminée"}>
            <p>
              {found.designation.status === "DECLINED"
                ? `Cette désignation a été refusée : ${found.designation.organization.name} peut désigner quelqu’un d’autre.`
                : "Cette désignation n’attend plus de réponse : elle a été annulée ou remplacée par la collectivité."}{" "}
              Rien d’autre n’est à faire ici.
            </p>
          </Notice>
        ) : found.state === "expired" ? (
          <Notice tone="danger" title="Lien expiré">
            <p>
              Ce lien a expiré le {day.format(found.designation.tokenExpiresAt)}. Demandez à {found.designation.organization.name} de vous renvoyer le lien :
              vous recevrez un nouveau courriel.
            </p>
          </Notice>
        ) : (
          <>
            <Card className="space-y-2">
              <p className="text-lg">
                <strong>{found.designation.organization.name}</strong> désigne <strong>{found.designation.name}</strong> comme Cyber Champion.
              </p>
              <p>Fonction indiquée : {found.designation.function}</p>
              <p>
                Adresse : {found.designation.email} · lien valable jusqu’au {day.format(found.designation.tokenExpiresAt)}
              </p>
            </Card>
            <WhatItMeans />
            <section aria-labelledby="reponse-titre" className="space-y-3">
              <h2 id="reponse-titre" className="text-2xl">
                Votre réponse
              </h2>
              <p>En acceptant, vous rejoignez l’espace de {found.designation.organization.name} sur cette plateforme, avec le rôle de Cyber Champion.</p>
              {!actor ? (
                <>
                  <p>Connectez-vous d’abord avec l’adresse {found.designation.email} : vous reviendrez ici ensuite pour répondre.</p>
                  <ButtonLink href={`/connexion?retour=${encodeURIComponent(`/champion/${token}`)}`}>Se connecter</ButtonLink>
                </>
              ) : !isAddressee ? (
                <Notice tone="danger" title="Ce n’est pas la bonne adresse">
                  <p>
                    Vous êtes connecté avec {actor.email}. Cette désignation est adressée à {found.designation.email} : déconnectez-vous (en haut de la
                    page), puis reconnectez-vous avec cette adresse.
                  </p>
                </Notice>
              ) : (
                <div className="flex flex-wrap items-start gap-3">
                  <ActionButton action={respondToDesignationAction} input={{ token, accept: true }} variant="primary" success="Merci ! Vous êtes maintenant le Cyber Champion.">
                    Accepter
                  </ActionButton>
                  <ActionButton
                    action={respondToDesignationAction}
                    input={{ token, accept: false }}
                    confirm="Refuser cette désignation ? La collectivité pourra désigner quelqu’un d’autre."
                    success="Votre refus est enregistré."
                  >
                    Refuser
                  </ActionButton>
                </div>
              )}
            </section>
          </>
        )}
      </Container>
    </>
  );
}
