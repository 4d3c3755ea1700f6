// E-mails of the candidacy: queued in the transaction of the change (lib/notifications/outbox.ts),
// rendered by the outbox worker. Data carries plain strings only.
import { emailTemplate } from "@/lib/notifications/templates";

const SIGNATURE = "L’équipe de l’Association des Communes Cyber Dynamiques";

export type AskMayorData = { organizationId: string; organizationName: string; askedBy: string; year: number; closesOn: string };
export type SubmittedData = { organizationId: string; organizationName: string; year: number; revision: number; submittedBy: string };
export type ResubmittedToReviewerData = { organizationId: string; organizationName: string; revision: number };

export const candidacyEmails = {
  "candidacy.ask_mayor": emailTemplate<AskMayorData>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `Candidature au label ${data.year} de ${data.organizationName} : le dossier est prêt à être déposé`,
      text: [
        "Bonjour,",
        `${data.askedBy} a préparé le dossier de candidature de ${data.organizationName} au label Commune Cyber Dynamique ${data.year} et vous demande de le déposer.`,
        `Vérifiez le dossier puis déposez-le, avant le ${data.closesOn} :\n${appUrl}/espace/organisations/${data.organizationId}/candidature`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme maire de ${data.organizationName}.`,
    }),
  }),
  "candidacy.submitted": emailTemplate<SubmittedData>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `Candidature au label ${data.year} de ${data.organizationName} déposée`,
      text: [
        "Bonjour,",
        `${data.submittedBy} a déposé la candidature de ${data.organizationName} au label Commune Cyber Dynamique ${data.year}${data.revision > 1 ? ` (version ${data.revision}, après compléments)` : ""}.`,
        "Un relecteur de l’association va l’examiner ; vous recevrez sa décision par courriel.",
        `Suivre la candidature :\n${appUrl}/espace/organisations/${data.organizationId}/candidature`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme membre de ${data.organizationName}.`,
    }),
  }),
  "candidacy.resubmitted_to_reviewer": emailTemplate<ResubmittedToReviewerData>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `${data.organizationName} a déposé de nouveau son dossier (version ${data.revision})`,
      text: [
        "Bonjour,",
        `${data.organizationName} a complété le dossier que vous lui aviez renvoyé et l’a déposé de nouveau (version ${data.revision}).`,
        `Voir ce qui a changé et décider :\n${appUrl}/espace/examen/${data.organizationId}`,
        SIGNATURE,
      ].join("\n\n"),
      reason: "Vous recevez ce message parce que vous examinez ce dossier.",
    }),
  }),
};
