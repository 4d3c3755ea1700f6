// E-mails of the review decisions: to the secretary and the mayor, and to the département's
// correspondent when a commune is approved (to organise the hand-over).
import { emailTemplate } from "@/lib/notifications/templates";

const SIGNATURE = "L’équipe de l’Association des Communes Cyber Dynamiques";

export type DecisionData = { organizationId: string; organizationName: string; year: number; reviewer: string };
export type ReturnedData = DecisionData & { comments: { criterion: string; comment: string }[] };
export type RejectedData = DecisionData & { reason: string };
export type ApprovedData = DecisionData & { labelled: boolean };
export type CorrespondentData = { organizationId: string; organizationName: string; year: number; departmentName: string };

const candidacyUrl = (appUrl: string, organizationId: string) => `${appUrl}/espace/organisations/${organizationId}/candidature`;

export const reviewEmails = {
  "review.approved": emailTemplate<ApprovedData>({
    category: "decision",
    render: (data, { appUrl }) => ({
      subject: `Candidature au label ${data.year} de ${data.organizationName} acceptée`,
      text: [
        "Bonjour,",
        `L’association a accepté la candidature de ${data.organizationName} au label Commune Cyber Dynamique ${data.year}. Félicitations !`,
        data.labelled
          ? "La cotisation étant réglée, le label est obtenu."
          : "Le label sera obtenu dès que la cotisation de l’année sera réglée.",
        `Voir la candidature :\n${candidacyUrl(appUrl, data.organizationId)}`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme secrétaire ou maire de ${data.organizationName}.`,
    }),
  }),
  "review.returned": emailTemplate<ReturnedData>({
    category: "decision",
    render: (data, { appUrl }) => ({
      subject: `Candidature au label ${data.year} de ${data.organizationName} : des compléments sont demandés`,
      text: [
        "Bonjour,",
        `Le relecteur de l’association a examiné la candidature de ${data.organizationName} et vous demande de compléter le dossier avant de le déposer de nouveau :`,
        data.comments.map((item) => `- ${item.criterion} : ${item.comment}`).join("\n"),
        `Complétez le dossier, puis le maire le dépose de nouveau :\n${candidacyUrl(appUrl, data.organizationId)}`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme secrétaire ou maire de ${data.organizationName}.`,
    }),
  }),
  "review.rejected": emailTemplate<RejectedData>({
    category: "decision",
    render: (data, { appUrl }) => ({
      subject: `Candidature au label ${data.year} de ${data.organizationName} refusée`,
      text: [
        "Bonjour,",
        `L’association n’a pas retenu la candidature de ${data.organizationName} au label ${data.year}. Motif :`,
        data.reason,
        "Cette décision vaut pour la campagne en cours ; vous pourrez présenter une nouvelle candidature l’an prochain.",
        `Voir la candidature :\n${candidacyUrl(appUrl, data.organizationId)}`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme secrétaire ou maire de ${data.organizationName}.`,
    }),
  }),
  "review.approved_correspondent": emailTemplate<CorrespondentData>({
    category: "notice",
    render: (data, { appUrl }) => ({
      subject: `${data.organizationName} : candidature au label ${data.year} acceptée`,
      text: [
        "Bonjour,",
        `La candidature de ${data.organizationName} (${data.departmentName}) au label ${data.year} vient d’être acceptée. Vous pouvez organiser la remise du label avec la mairie.`,
        `Voir le dossier :\n${appUrl}/espace/examen/${data.organizationId}`,
        SIGNATURE,
      ].join("\n\n"),
      reason: `Vous recevez ce message comme correspondant de l’association pour ${data.departmentName}.`,
    }),
  }),
};
