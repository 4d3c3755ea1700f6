import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { remindersEnabledFor } from "@/lib/notifications/preferences";
import { setRemindersAction } from "./actions";

export const metadata: Metadata = { title: "Mes courriels" };

/** The person's own e-mail preferences: reminders on or off; the rest is always sent. */
export default async function PreferencesPage() {
  const actor = await requireActorOrRedirect("/espace/preferences");
  const enabled = await remindersEnabledFor(getDb(), actor.email);
  return (
    <>
      <PageHeader title="Mes courriels" lead={`Ce que la plateforme du label vous envoie à ${actor.email}.`} />
      <Container className="max-w-3xl space-y-10 py-10">
        <section aria-labelledby="rappels-titre" className="space-y-4">
          <h2 id="rappels-titre" className="text-2xl">
            Rappels avant la date limite
          </h2>
          <p>
            Si le dossier de votre collectivité n’est pas complet, la plateforme vous écrit 30 jours puis 7 jours avant la fin de la campagne, avec ce qu’il reste à faire.
          </p>
          <Notice tone={enabled ? "success" : "info"} title={enabled ? "Vous recevez les rappels." : "Vous ne recevez plus les rappels."}>
            <p>{enabled ? "Vous pouvez les arrêter à tout moment." : "Vous pouvez les recevoir de nouveau à tout moment."}</p>
          </Notice>
          <ActionButton action={setRemindersAction} input={{ remindersEnabled: enabled ? "false" : "true" }} variant={enabled ? "secondary" : "primary"}>
            {enabled ? "Ne plus recevoir les rappels" : "Recevoir de nouveau les rappels"}
          </ActionButton>
        </section>

        <section aria-labelledby="toujours-titre" className="space-y-3">
          <h2 id="toujours-titre" className="text-2xl">
            Toujours envoyés
          </h2>
          <p>Ces messages vous parviennent quoi que vous choisissiez, parce qu’ils portent une décision ou un document officiel :</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>les liens de connexion et les invitations ;</li>
            <li>les décisions de l’association (adhésion, candidature au label) ;</li>
            <li>les documents officiels (factures, reçus, certificats).</li>
          </ul>
        </section>
      </Container>
    </>
  );
}
