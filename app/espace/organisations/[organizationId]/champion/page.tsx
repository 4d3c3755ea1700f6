import type { Metadata } from "next";
import Link from "next/link";
import { ChampionHistory } from "@/components/champion/champion-history";
import { DesignateChampionForm } from "@/components/champion/designate-form";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/access";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getChampionStatus, getDesignationFormContext } from "@/lib/champion/designation";
import { getDb } from "@/lib/db/client";
import { designateChampionAction, endDesignationAction, resendDesignationAction } from "./actions";

export const metadata: Metadata = { title: "Cyber Champion" };

type Props = { params: Promise<{ organizationId: string }> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function ChampionPage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/champion`);
  const db = getDb();
  const status = await orNotFound(getChampionStatus(db, actor, organizationId));
  const form = (await hasPermission(db, actor, organizationId, "champion:designate")) ? await getDesignationFormContext(db, actor, organizationId) : null;
  const { organization, current, pending, history } = status;
  const lastAnswer = history[0];
  const declined = !current && !pending && lastAnswer?.status === "DECLINED" ? lastAnswer : null;

  const designationForm = form ? (
    <DesignateChampionForm
      organizationId={organization.id}
      rule={form.rule}
      mayorEmails={form.mayorEmails}
      submitLabel="Désigner et envoyer le lien"
      pendingDesignationId={pending?.id ?? null}
      action={designateChampionAction}
    />
  ) : null;

  return (
    <>
      <PageHeader title="Cyber Champion" lead={`${organization.name} · critère 3 du label : une personne porte la démarche de cybersécurité de la collectivité et suit son plan d’actions.`} />
      <Container className="max-w-4xl space-y-10 py-10">
        <p>
          <Link href={base}>← Retour à l’organisation</Link>
        </p>

        <section aria-labelledby="statut-titre" className="space-y-4">
          <h2 id="statut-titre" className="text-2xl">
            Où en êtes-vous ?
          </h2>
          {current ? (
            <Notice tone="success" title="Critère 3 rempli">
              <p>
                <strong>{current.name}</strong> a accepté d’être le Cyber Champion de {organization.name} le{" "}
                {day.format(current.respondedAt ?? current.createdAt)}.
              </p>
              <p className="mt-1 text-sm">
                {current.function} ({current.isElected ? "élu" : "agent"}) · {current.email}
                {current.phone ? ` · ${current.phone}` : ""}
              </p>
            </Notice>
          ) : null}
          {pending ? (
            <Notice title={pending.expired ? "Lien expiré, sans réponse" : current ? "Remplacement en attente de réponse" : "En attente de réponse"}>
              <p>
                Désignation de <strong>{pending.name}</strong> ({pending.function}) envoyée le {day.format(pending.createdAt)} à <strong>{pending.email}</strong>.{" "}
                {pending.expired
                  ? `Le lien a expiré le ${day.format(pending.tokenExpiresAt)} sans réponse : renvoyez-le.`
                  : `Le lien est valable jusqu’au ${day.format(pending.tokenExpiresAt)}.`}
              </p>
              <p className="mt-1">
                {current
                  ? `${current.name} reste Cyber Champion jusqu’à ce que ${pending.name} accepte.`
                  : "Le critère 3 sera rempli dès que cette personne aura accepté."}
              </p>
            </Notice>
          ) : null}
          {!current && !pending ? (
            declined ? (
              <Notice tone="danger" title="Désignation refusée">
                <p>
                  {declined.name} a refusé d’être Cyber Champion le {day.format(declined.respondedAt ?? declined.endedAt ?? declined.createdAt)}. Le critère 3 n’est pas rempli :
                  désignez quelqu’un d’autre{form ? " ci-dessous" : ""}.
                </p>
              </Notice>
            ) : (
              <Notice title="Aucun Cyber Champion">
                <p>Personne n’est Cyber Champion pour l’instant : le critère 3 du label n’est pas rempli.</p>
              </Notice>
            )
          ) : null}
          {form && pending ? (
            <div className="flex flex-wrap items-start gap-3">
              <ActionButton action={resendDesignationAction} input={{ designationId: pending.id }} variant="primary">
                Renvoyer le lien
              </ActionButton>
              <ActionButton
                action={endDesignationAction}
                input={{ designationId: pending.id }}
                confirm={`Annuler la désignation de ${pending.name} ? Son lien ne fonctionnera plus.`}
              >
                Annuler la désignation
              </ActionButton>
            </div>
          ) : null}
          {form && current ? (
            <ActionButton
              action={endDesignationAction}
              input={{ designationId: current.id }}
              confirm={`Mettre fin au rôle de Cyber Champion de ${current.name} ? Le critère 3 ne sera plus rempli tant qu’une autre personne n’aura pas accepté.`}
            >
              Mettre fin à son rôle
            </ActionButton>
          ) : null}
        </section>

        {form ? (
          <section aria-labelledby="designer-titre" className="space-y-4">
            <h2 id="designer-titre" className="text-2xl">
              {current || pending ? "Désigner une autre personne" : "Désigner le Cyber Champion"}
            </h2>
            <p>
              Un élu ou un agent qui porte la démarche au quotidien : il n’a pas besoin d’être informaticien. Il reçoit un courriel avec un lien valable
              14 jours pour accepter ou refuser.
            </p>
            {current || pending ? (
              <Notice title="À savoir">
                {current ? <p>{current.name} reste Cyber Champion jusqu’à ce que la personne désignée accepte : le critère 3 reste rempli pendant ce temps.</p> : null}
                {pending ? <p>Désigner une autre personne annule la désignation de {pending.name} : son lien ne fonctionnera plus.</p> : null}
              </Notice>
            ) : null}
            {form.canDesignateNow ? (
              current ? (
                // With a Champion in place the form is the exception: folded, one click away.
                <details>
                  <summary className="cursor-pointer font-semibold text-brand-700 underline underline-offset-4">Afficher le formulaire de désignation</summary>
                  <Card className="mt-4">{designationForm}</Card>
                </details>
              ) : (
                <Card>{designationForm}</Card>
              )
            ) : (
              <Notice title="Adhésion en cours de vérification">
                <p>Vous pourrez désigner votre Cyber Champion une fois l’adhésion validée par l’association.</p>
              </Notice>
            )}
          </section>
        ) : null}

        <section aria-labelledby="historique-titre" className="space-y-4">
          <h2 id="historique-titre" className="text-2xl">
            Historique
          </h2>
          <ChampionHistory designations={history} />
        </section>
      </Container>
    </>
  );
}
