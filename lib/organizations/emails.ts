// The e-mails of membership: invitations and the association's decision on a new organization
// (sent by the outbox worker, inside the shared layout).
import { ORGANIZATION_ROLE_LABELS } from "@/lib/auth/permissions";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { emailTemplate } from "@/lib/notifications/templates";

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
};
