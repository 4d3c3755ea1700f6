// The notifications domain's own e-mails: deadline reminders (category "reminder": a person
// may turn them off on /espace/preferences).
import { emailTemplate } from "./templates";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const notificationEmails = {
  "reminder.deadline": emailTemplate<{
    organizationId: string;
    organizationName: string;
    roundName: string;
    closesAt: string;
    daysLeft: number;
    missing: string[];
  }>({
    category: "reminder",
    render: (data, { appUrl }) => ({
      subject: `Plus que ${data.daysLeft} jours pour compléter le dossier de ${data.organizationName}`,
      text: [
        "Bonjour,",
        "",
        `${data.roundName} se termine le ${dayFormat.format(new Date(data.closesAt))}. Le dossier de label de ${data.organizationName} n’est pas encore complet. Il reste à faire :`,
        "",
        ...data.missing.map((sentence) => `- ${sentence}`),
        "",
        "Pour compléter le dossier, ouvrez l’espace de votre collectivité :",
        `${appUrl}/espace/organisations/${data.organizationId}`,
      ].join("\n"),
      reason: `Vous recevez ce rappel parce que vous êtes secrétaire ou maire de ${data.organizationName} sur la plateforme du label.`,
    }),
  }),
};
