import { requireAssociationPermission, requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/create-client";

const select = {
  id: true,
  createdAt: true,
  action: true,
  targetType: true,
  targetId: true,
  data: true,
  actor: { select: { name: true, email: true } },
  organization: { select: { id: true, name: true } },
} as const;

/** An organization's audit trail, for its managers and the association's administrators. */
export async function listOrganizationAudit(db: Db, actor: Actor, organizationId: string, take = 100) {
  await requirePermission(db, actor, organizationId, "audit:read");
  return db.auditEvent.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take, select });
}

/** Everything, for administrators. */
export async function listAllAudit(db: Db, actor: Actor, take = 200) {
  requireAssociationPermission(actor, "audit:read");
  return db.auditEvent.findMany({ orderBy: { createdAt: "desc" }, take, select });
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.signed_in": "Connexion",
  "auth.signed_out": "Déconnexion",
  "auth.signed_out_everywhere": "Déconnexion de tous les appareils",
  "organization.claimed": "Demande d'adhésion au label",
  "organization.validated": "Adhésion validée par l'association",
  "organization.rejected": "Adhésion refusée par l'association",
  "membership.requested": "Demande pour rejoindre l'organisation",
  "membership.accepted": "Demande acceptée",
  "membership.refused": "Demande refusée",
  "membership.role_changed": "Rôle modifié",
  "membership.removed": "Membre retiré",
  "membership.left": "Départ de l'organisation",
  "invitation.sent": "Invitation envoyée",
  "invitation.revoked": "Invitation annulée",
  "invitation.accepted": "Invitation acceptée",
  "assessment.started": "Questionnaire commencé",
  "assessment.completed": "Questionnaire terminé",
  "assessment.reopened": "Questionnaire à compléter de nouveau",
  "diagonal.recorded": "Synthèse du diagnostic Diagonal déposée",
  "action.created": "Action ajoutée au plan",
  "action.updated": "Action du plan modifiée",
  "action.commented": "Commentaire sur une action",
  "action.evidence_added": "Justificatif ajouté à une action",
  "action_plan.carried_over": "Plan d'action reporté dans la nouvelle campagne",
  "champion.designated": "Cyber Champion désigné",
  "champion.link_resent": "Lien de désignation renvoyé",
  "champion.accepted": "Désignation de Cyber Champion acceptée",
  "champion.declined": "Désignation de Cyber Champion refusée",
  "champion.ended": "Fin de mission du Cyber Champion",
  "questionnaire.published": "Version du questionnaire publiée",
  "questionnaire.derived": "Version du questionnaire créée pour l'année suivante",
  "questionnaire.question_edited": "Question modifiée dans un brouillon",
  "round.created": "Campagne préparée",
  "round.opened": "Campagne ouverte",
  "round.closed": "Campagne close",
  "label.awarded": "Label obtenu (candidature approuvée et cotisation réglée)",
  // Dues (issue 11)
  "dues.tiers_saved": "Montants de cotisation de la campagne enregistrés",
  "dues.billing_created": "Coordonnées de facturation renseignées",
  "dues.billing_updated": "Coordonnées de facturation modifiées",
  "dues.invoice_issued": "Facture de cotisation émise",
  "dues.invoice_cancelled": "Facture de cotisation annulée par un avoir",
  "dues.transfer_recorded": "Virement enregistré par la trésorerie",
  "dues.overpaid": "Trop-perçu signalé sur une cotisation",
  "dues.card_paid": "Paiement par carte confirmé par Stripe",
  "dues.card_refunded": "Paiement par carte remboursé",
  "dues.paid": "Cotisation réglée",
  "dues.reopened": "Cotisation de nouveau à régler (remboursement)",
  "dues.checkout_started": "Paiement par carte commencé",
  "dues.statement_imported": "Relevé bancaire importé",
  "dues.bank_line_ignored": "Ligne de relevé écartée",
  "demo.seeded": "Données de démonstration créées",
  // Mutualisation controlled by the communes (issue 9).
  "epci_access.disabled": "Accès de l'intercommunalité au dossier coupé",
  "epci_access.enabled": "Accès de l'intercommunalité au dossier rouvert",
  "epci_access.disabled_by_commune": "Une commune a coupé l'accès de l'intercommunalité à son dossier",
  "epci_access.enabled_by_commune": "Une commune a rouvert l'accès de l'intercommunalité à son dossier",
  "epci.referent_appointed": "Référent intercommunal désigné (communes membres prévenues)",
  "organization.reopened": "Territoire rouvert à une nouvelle demande d'adhésion",
  // Candidacy and review (issue 12)
  "candidacy.note_saved": "Mot à l'association enregistré",
  "candidacy.attachment_added": "Pièce jointe ajoutée à la candidature",
  "candidacy.attachment_removed": "Pièce jointe retirée de la candidature",
  "candidacy.mayor_asked": "Demande au maire de déposer la candidature",
  "candidacy.submitted": "Candidature déposée",
  "candidacy.withdrawn": "Candidature retirée",
  "review.taken": "Dossier pris par un relecteur",
  "review.released": "Dossier rendu par le relecteur",
  "review.assigned": "Dossier attribué à un relecteur",
  "review.conflict_declared": "Conflit d'intérêts déclaré par un relecteur",
  "review.approved": "Candidature acceptée",
  "review.returned": "Candidature renvoyée pour compléments",
  "review.rejected": "Candidature refusée",
  "review.opinion_added": "Avis du correspondant départemental",
  // Issue 10: e-mail preferences and the administrators' retry of a message.
  "preferences.reminders_on": "Rappels par courriel activés",
  "preferences.reminders_off": "Rappels par courriel désactivés",
  "outbox.retried": "Nouvel envoi d'un courriel demandé",
  // Renewal and progression (issue 14)
  "round.progression_criteria_updated": "Critères de progression de la campagne modifiés",
  "progression.renewal_reminder_queued": "Rappel de renouvellement du label programmé",
  // Certificates (issue 13)
  "certificate.issued": "Certificat du label délivré (PDF signé)",
  "certificate.reissue_requested": "Nouveau certificat demandé en remplacement du précédent",
  "certificate.hologram_recorded": "Numéro d'hologramme enregistré sur le certificat",
  "label.revoked": "Label retiré par l'association (certificat révoqué)",
};
