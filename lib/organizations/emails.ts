// The e-mails of membership: invitations, the association's decision on a new organization, and
// (issue 9) a new EPCI referent announced to the member communes. Sent by the outbox worker,
// inside the shared layout.
import { ORGANIZATION_ROLE_LABELS } from "@/lib/auth/permissions";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { emailTemplate } from "@/lib/notifications/templates";

export type ReferentAppointedData = {
  communeOrganizationId: string;
  communeName: string;
  epciName: string;
  referentName: string | null;
  referentEmail: string;
  /** Whether the commune currently lets its EPCI act on its file. */
  accessEnabled: boolean;
};

export const organizationEmails = {
  "invitation.sent": emailTemplate<{ organizationName: string; invitedBy: string; role: OrganizationRole; token: string; validityDays: number }>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `Invitation à rejoindre ${data.organizationName} — Label Commune Cyber Dynamique`,
      text: [
        "Bonjour,",
        "",
        `${data.invitedBy} vous invite à rejoindre ${data.organizationName} sur la plateforme du label Commune Cyber Dynamique, avec le rôle « ${ORGANIZATION_ROLE_LABELS[data.role]} ».`,
        "",
        `Pour accepter, ouvrez ce lien (valable ${data.validityDays} jours) :`,
        `${appUrl}/invitation/${data.token}`,
      ].join("\n"),
      reason: `Vous recevez ce message parce que ${data.invitedBy} a saisi votre adresse pour vous inviter.`,
    }),
  }),
  "organization.validated": emailTemplate<{ organizationName: string }>({
    category: "decision",
    render: (data, { appUrl }) => ({
      subject: `Adhésion validée : ${data.organizationName} — Label Commune Cyber Dynamique`,
      text: [
        "Bonjour,",
        "",
        `L'association a validé l'adhésion de ${data.organizationName}. Vous pouvez maintenant préparer votre dossier de label :`,
        `${appUrl}/espace`,
      ].join("\n"),
      reason: `Vous recevez ce message parce que vous avez demandé l'adhésion de ${data.organizationName} ; les décisions sont toujours envoyées.`,
    }),
  }),
  "organization.rejected": emailTemplate<{ organizationName: string; reason: string | null }>({
    category: "decision",
    render: (data) => ({
      subject: `Adhésion refusée : ${data.organizationName} — Label Commune Cyber Dynamique`,
      text: [
        "Bonjour,",
        "",
        `L'association n'a pas pu valider l'adhésion de ${data.organizationName}.`,
        `Motif : ${data.reason ?? "non précisé"}`,
        "",
        "Pour toute question, répondez à ce courriel.",
      ].join("\n"),
      reason: `Vous recevez ce message parce que vous avez demandé l'adhésion de ${data.organizationName} ; les décisions sont toujours envoyées.`,
    }),
  }),
  // Issue 9: the communes hear of every referent who may act on their file.
  "organizations.epci_referent_appointed": emailTemplate<ReferentAppointedData>({
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
  }),
};
