// E-mails of the organizations domain (rendered by the outbox worker, lib/notifications).
// Typed with EmailTemplate rather than built with emailTemplate(): a type-only import, so this
// file and templates.ts (which spreads it) do not import each other at run time.
import type { EmailTemplate } from "@/lib/notifications/templates";

export type ReferentAppointedData = {
  communeOrganizationId: string;
  communeName: string;
  epciName: string;
  referentName: string | null;
  referentEmail: string;
  /** Whether the commune currently lets its EPCI act on its file. */
  accessEnabled: boolean;
};

const referentAppointed: EmailTemplate<ReferentAppointedData> = {
  category: "notice",
  render(data, { appUrl }) {
    const who = data.referentName ? `${data.referentName} (${data.referentEmail})` : data.referentEmail;
    const page = `${appUrl}/espace/organisations/${data.communeOrganizationId}#mutualisation`;
    return {
      subject: `Nouveau référent de ${data.epciName} pour le dossier de ${data.communeName}`,
      text: [
        "Bonjour,",
        `${data.epciName} vient de désigner ${who} comme référent intercommunal.`,
        data.accessEnabled
          ? `Un référent intercommunal peut remplir le questionnaire et le plan d'action de ${data.communeName}, et voir ses membres et son Cyber Champion. Il ne peut ni gérer vos membres, ni déposer la candidature, ni payer la cotisation.`
          : `Vous avez coupé l'accès de ${data.epciName} à votre dossier : ce référent ne peut pas y agir tant que vous ne le rouvrez pas.`,
        `Sur la page de votre organisation, vous voyez qui peut agir sur votre dossier et ce qu'il a fait, et vous pouvez couper ou rouvrir cet accès à tout moment :\n${page}`,
      ].join("\n\n"),
      reason: `Vous gérez l'organisation de ${data.communeName}, membre de ${data.epciName}.`,
    };
  },
};

export const organizationEmails = {
  "organizations.epci_referent_appointed": referentAppointed,
};
