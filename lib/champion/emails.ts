// The Champion's e-mails (sent by the outbox worker, inside the shared layout).
import { emailTemplate } from "@/lib/notifications/templates";

/** Days a designation link stays valid (also in designation.ts, which sets the expiry). */
const VALIDITY_DAYS = 14;

type DesignationEmail = { name: string; email: string; organizationName: string; designatedBy: string; token: string };

export const championEmails = {
  "champion.designated": emailTemplate<DesignationEmail>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `Vous êtes désigné(e) Cyber Champion de ${data.organizationName} — Label Commune Cyber Dynamique`,
      text: [
        `Bonjour ${data.name},`,
        "",
        `${data.designatedBy} vous a désigné(e) Cyber Champion de ${data.organizationName} pour le label Commune Cyber Dynamique.`,
        "Le Cyber Champion porte la démarche de cybersécurité de la collectivité et suit son plan d'action.",
        "",
        `Pour accepter ou refuser, ouvrez ce lien (valable ${VALIDITY_DAYS} jours) et connectez-vous avec cette adresse (${data.email}) :`,
        `${appUrl}/champion/${data.token}`,
      ].join("\n"),
      reason: `Vous recevez ce message parce que ${data.organizationName} vous a désigné(e) comme Cyber Champion.`,
    }),
  }),
  "champion.link_resent": emailTemplate<Omit<DesignationEmail, "designatedBy">>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `Rappel : vous êtes désigné(e) Cyber Champion de ${data.organizationName}`,
      text: [
        `Bonjour ${data.name},`,
        "",
        `Voici un nouveau lien pour accepter ou refuser votre désignation comme Cyber Champion de ${data.organizationName} (valable ${VALIDITY_DAYS} jours ; le lien précédent ne fonctionne plus) :`,
        `${appUrl}/champion/${data.token}`,
      ].join("\n"),
      reason: `Vous recevez ce message parce que ${data.organizationName} vous a désigné(e) comme Cyber Champion et a demandé un nouveau lien.`,
    }),
  }),
};
