// E-mails of the renewal: the reminders sent 3 months and 1 month before a label expires, to the
// organization's mayor and secretary, saying what the renewal needs.
import { emailTemplate } from "@/lib/notifications/templates";
import type { ReminderKind } from "./reminder-dates";

export type RenewalReminderData = {
  organizationId: string;
  organizationName: string;
  labelYear: number;
  /** ISO instant the label stops being valid. */
  validUntil: string;
  kind: ReminderKind;
  /** The open round's year and its renewal criteria in words, when a round is open. */
  roundYear: number | null;
  criteria: { title: string; weight: number; sentence: string }[];
  passingScore: number | null;
};

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const progressionEmails = {
  "progression.renewal_reminder": emailTemplate<RenewalReminderData>({
    category: "reminder",
    render(data, { appUrl }) {
      const until = dayFormat.format(new Date(data.validUntil));
      const delay = data.kind === "3-months" ? "dans trois mois" : "dans un mois";
      const base = `${appUrl}/espace/organisations/${data.organizationId}`;
      const criteria =
        data.criteria.length > 0
          ? [
              `Pour le renouveler lors de la campagne ${data.roundYear}, votre collectivité doit montrer la progression de sa démarche :`,
              data.criteria.map((item) => `- ${item.title} (${item.weight} points) : ${item.sentence}`).join("\n"),
              data.passingScore === null ? "" : `Un score de progression de ${data.passingScore} sur 100 ou plus est jugé suffisant.`,
            ].filter(Boolean)
          : ["Le renouvellement se prépare dès l’ouverture de la prochaine campagne : gardez votre plan d’action à jour, avec les preuves des actions réalisées."];
      return {
        subject: `Votre label Commune Cyber Dynamique expire ${delay} (${until})`,
        text: [
          `Bonjour,`,
          `Le label Commune Cyber Dynamique obtenu par ${data.organizationName} en ${data.labelYear} est valable jusqu’au ${until}.`,
          ...criteria,
          `Où en êtes-vous ? Votre progression est calculée sur la page des résultats du questionnaire : ${base}/questionnaire/resultats`,
          `Votre plan d’action : ${base}/plan-d-action`,
        ].join("\n\n"),
        reason: "Vous recevez ce rappel parce que vous êtes maire ou secrétaire d’une collectivité labellisée.",
      };
    },
  }),
};
