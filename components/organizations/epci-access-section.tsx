// « Mutualisation » on a commune's page: who at its intercommunality can act on its file, what
// they did, and the switch that lets the commune say no (lib/organizations/epci-access.ts).
import { AuditTable } from "@/components/audit/audit-table";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { ClientActionResult } from "@/components/forms/use-action";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { getEpciAccess } from "@/lib/organizations/epci-access";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

type Props = {
  actor: Actor;
  organizationId: string;
  action: (input: { organizationId: string; enabled: boolean }) => Promise<ClientActionResult>;
};

export async function EpciAccessSection({ actor, organizationId, action }: Props) {
  const access = await getEpciAccess(getDb(), actor, organizationId);
  if (!access) return null;
  const { epciName } = access;
  return (
    <section id="mutualisation" aria-labelledby="mutualisation-titre" className="space-y-4">
      <h2 id="mutualisation-titre" className="text-2xl">
        Mutualisation avec {epciName}
      </h2>
      <p>
        Les référents informatiques de votre intercommunalité peuvent remplir votre questionnaire et votre plan d’action, et voir vos
        membres et votre Cyber Champion. Ils ne peuvent ni gérer vos membres, ni déposer la candidature, ni payer la cotisation.
      </p>
      {access.enabled ? (
        <Notice tone="info" title="Accès ouvert">
          <p>
            {access.epciActive
              ? `Les référents de ${epciName} peuvent agir sur votre dossier.`
              : `${epciName} n’est pas encore validée par l’association : ses référents ne peuvent rien faire sur votre dossier pour l’instant.`}
          </p>
        </Notice>
      ) : (
        <Notice tone="danger" title="Accès coupé">
          <p>
            Depuis le {dayFormat.format(access.disabledSince!)}, les référents de {epciName} ne peuvent plus ni voir ni modifier votre dossier.
          </p>
        </Notice>
      )}
      {access.canSwitch ? (
        access.enabled ? (
          <ActionButton
            action={action}
            input={{ organizationId, enabled: false }}
            confirm={`Couper l’accès de ${epciName} à votre dossier ? Ses référents ne pourront plus le voir ni le modifier.`}
          >
            Couper l’accès de l’intercommunalité
          </ActionButton>
        ) : (
          <ActionButton action={action} input={{ organizationId, enabled: true }} variant="primary">
            Rouvrir l’accès de l’intercommunalité
          </ActionButton>
        )
      ) : null}

      <h3 className="text-xl">Référents de {epciName}</h3>
      {access.referents.length === 0 ? (
        <p>Aucun référent désigné pour l’instant.</p>
      ) : (
        <ul className="space-y-2">
          {access.referents.map((referent) => (
            <li key={referent.membershipId}>
              <Card className="py-3 sm:py-3">
                <p className="font-semibold">{referent.name ?? referent.email}</p>
                <p className="text-sm text-ink-muted">
                  {referent.email} · référent depuis le {dayFormat.format(referent.since)}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}

      {access.activity.length > 0 ? (
        <>
          <h3 className="text-xl">Ce que les référents ont fait sur votre dossier, et les réglages de l’accès</h3>
          <AuditTable events={access.activity} caption={`Actions des référents de ${epciName} et réglages de leur accès`} />
        </>
      ) : null}
    </section>
  );
}
