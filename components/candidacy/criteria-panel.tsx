// Where the file stands for the open round: one line per criterion (the four of the label), met or not in words (the
// colour and the mark only repeat it), what is missing, and the page where to act.
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import type { LabelCriteria } from "@/lib/candidacy/criteria";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

type Item = { title: string; met: boolean; detail: ReactNode; href: string; link: string };

function questionnaireDetail(criteria: LabelCriteria): ReactNode {
  const { questionnaire } = criteria;
  if (questionnaire.metBy === "assessment") return `Questionnaire terminé${questionnaire.completedAt ? ` le ${dayFormat.format(questionnaire.completedAt)}` : ""}.`;
  if (questionnaire.metBy === "diagonal") return `Synthèse du diagnostic Diagonal du ${dayFormat.format(questionnaire.diagnosedOn!)} déposée.`;
  if (questionnaire.assessmentStatus === "IN_PROGRESS") return "Questionnaire commencé : répondez aux questions restantes, ou déposez la synthèse du diagnostic Diagonal.";
  return "Répondez au questionnaire, ou déposez la synthèse du diagnostic Diagonal si un gendarme l’a fait avec vous.";
}

const euros = (cents: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

function duesDetail(criteria: LabelCriteria): ReactNode {
  const { dues } = criteria;
  if (dues.met) return `Cotisation${dues.amountCents !== null ? ` de ${euros(dues.amountCents)}` : ""} réglée${dues.paidAt ? ` le ${dayFormat.format(dues.paidAt)}` : ""}.`;
  if (dues.invoiceNumber) {
    return `Facture n° ${dues.invoiceNumber}${dues.amountCents !== null ? ` de ${euros(dues.amountCents)}` : ""} émise, en attente du paiement. La candidature peut être déposée ; le label sera obtenu à réception du paiement.`;
  }
  return "Obtenez la facture de la cotisation annuelle, puis réglez-la par mandat administratif ou par carte.";
}

export function CriteriaPanel({ criteria, organizationId }: { criteria: LabelCriteria; organizationId: string }) {
  const base = `/espace/organisations/${organizationId}`;
  const items: Item[] = [
    {
      title: "Questionnaire IMMUNITE CYBER",
      met: criteria.questionnaire.met,
      detail: questionnaireDetail(criteria),
      href: criteria.questionnaire.met ? `${base}/questionnaire/resultats` : `${base}/questionnaire`,
      link: criteria.questionnaire.met ? "Voir les résultats" : "Ouvrir le questionnaire",
    },
    {
      title: "Plan d’action",
      met: criteria.plan.complete,
      detail: criteria.plan.complete
        ? `${criteria.plan.actionCount} actions sur ${criteria.plan.distinctCriteria} points du questionnaire.`
        : criteria.plan.missing.join(" "),
      href: `${base}/plan-d-action`,
      link: "Ouvrir le plan d’action",
    },
    {
      title: "Cyber Champion",
      met: criteria.champion.met,
      detail: criteria.champion.met
        ? `${criteria.champion.name} a accepté d’être le Cyber Champion${criteria.champion.acceptedAt ? ` le ${dayFormat.format(criteria.champion.acceptedAt)}` : ""}.`
        : "Désignez une personne, élue ou agent, qui portera la démarche ; le critère est rempli quand elle a accepté.",
      href: `${base}/champion`,
      link: criteria.champion.met ? "Voir le Cyber Champion" : "Désigner le Cyber Champion",
    },
    {
      title: "Cotisation",
      met: criteria.dues.met,
      detail: duesDetail(criteria),
      href: `${base}/cotisation`,
      link: criteria.dues.met ? "Voir la cotisation" : "Régler la cotisation",
    },
  ];
  const metCount = items.filter((item) => item.met).length;

  return (
    <div className="space-y-4">
      <p>
        {criteria.round.name} : <strong>{metCount} critère{metCount > 1 ? "s" : ""} rempli{metCount > 1 ? "s" : ""} sur {items.length}</strong>
        {criteria.allMet ? "." : `, jusqu’au ${dayFormat.format(criteria.round.closesAt)} pour compléter le dossier.`}
      </p>
      <ol className="space-y-3">
        {items.map((item, index) => (
          <li key={item.title} className={`rounded-lg border-l-4 border border-line bg-white p-4 sm:p-5 ${item.met ? "border-l-success-700" : "border-l-brand-700"}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="space-y-1">
                <h3 className="text-lg">
                  <span className="sr-only">Critère {index + 1} : </span>
                  {item.title}
                </h3>
                <p className={`font-semibold ${item.met ? "text-success-700" : "text-ink"}`}>
                  <span aria-hidden="true">{item.met ? "✓ " : "○ "}</span>
                  {item.met ? "Rempli" : "À compléter"}
                </p>
                <p>{item.detail}</p>
              </div>
              <ButtonLink href={item.href} variant={item.met ? "secondary" : "primary"}>
                {item.link}
              </ButtonLink>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
