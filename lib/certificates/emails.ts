// The certificate's e-mails to the mayor and the secretary. The outbox keeps only the
// certificate's id: the PDF is read from the database and attached when the message is sent.
import { emailTemplate } from "@/lib/notifications/templates";

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const certificateEmails = {
  "certificate.issued": emailTemplate<{ certificateId: string }>({
    category: "document",
    async render({ certificateId }, { db, appUrl }) {
      const certificate = await db.certificate.findUniqueOrThrow({
        where: { id: certificateId },
        select: {
          serial: true,
          pdf: true,
          generation: true,
          replaces: { select: { serial: true } },
          label: { select: { validUntil: true, organizationId: true, organization: { select: { name: true } }, round: { select: { year: true } } } },
        },
      });
      const { label } = certificate;
      const replaced = certificate.replaces ? `Il remplace le certificat ${certificate.replaces.serial}, qui n'est plus valable.\n\n` : "";
      return {
        subject: `Votre certificat du label Commune Cyber Dynamique ${label.round.year}`,
        text:
          `Le certificat du label Commune Cyber Dynamique ${label.round.year} de ${label.organization.name} est joint à ce message (PDF signé), valable jusqu'au ${longDate.format(label.validUntil)}.\n\n` +
          replaced +
          `Son numéro est ${certificate.serial}. Chacun peut vérifier qu'il est authentique et toujours valable sur ${appUrl}/verifier/${certificate.serial}, ou en scannant le code imprimé dessus.\n\n` +
          `Vous pouvez le télécharger de nouveau depuis la page de votre organisation : ${appUrl}/espace/organisations/${label.organizationId}`,
        reason: "Vous recevez ce message parce que vous êtes maire ou secrétaire de l'organisation labellisée.",
        attachments: certificate.pdf ? [{ filename: `certificat-${certificate.serial}.pdf`, contentType: "application/pdf", content: new Uint8Array(certificate.pdf) }] : [],
      };
    },
  }),
  "certificate.revoked": emailTemplate<{ labelId: string }>({
    category: "decision",
    async render({ labelId }, { db, appUrl }) {
      const label = await db.label.findUniqueOrThrow({
        where: { id: labelId },
        select: {
          revokedAt: true,
          revokeReason: true,
          organization: { select: { name: true } },
          round: { select: { year: true } },
          certificates: { where: { issuedAt: { not: null } }, orderBy: { generation: "desc" }, take: 1, select: { serial: true } },
        },
      });
      const serial = label.certificates[0]?.serial;
      return {
        subject: `Le label Commune Cyber Dynamique ${label.round.year} de ${label.organization.name} est retiré`,
        text:
          `L'association a retiré le label Commune Cyber Dynamique ${label.round.year} de ${label.organization.name}${label.revokedAt ? ` le ${longDate.format(label.revokedAt)}` : ""}.\n\n` +
          `Motif : ${label.revokeReason ?? "non précisé"}.\n\n` +
          (serial ? `La page de vérification du certificat ${serial} indique désormais qu'il est révoqué : ${appUrl}/verifier/${serial}\n\n` : "") +
          `Pour toute question, répondez à l'association depuis votre espace : ${appUrl}/espace`,
        reason: "Vous recevez ce message parce que vous êtes maire ou secrétaire de l'organisation concernée.",
      };
    },
  }),
};
