// The action plan as a PDF for the municipal council: whether the plan meets the label's rule,
// then the actions by status (in progress, to start, done, abandoned) with owner, due date,
// progress and the criteria they address. Geist is embedded so accents render everywhere (lib/pdf/document.ts).
import "server-only";
import { BRAND, MUTED, longDate, startDocument } from "@/lib/pdf/document";
import type { ActionStatus, Priority } from "@/lib/db/generated/enums";
import { formatFrenchDate } from "./csv";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS, type PlanCompleteness } from "./rules";

export type PdfAction = {
  title: string;
  status: ActionStatus;
  priority: Priority;
  progress: number;
  owner: string | null;
  dueOn: Date | null;
  completedAt: Date | null;
  abandonReason: string | null;
  /** Question texts. */
  criteria: readonly string[];
  evidenceCount: number;
};

export type PlanPdfInput = {
  organizationName: string;
  roundYear: number | null;
  rule: { minActions: number; minCriteria: number };
  completeness: PlanCompleteness;
  actions: readonly PdfAction[];
};

const SECTIONS: { status: ActionStatus; title: string }[] = [
  { status: "IN_PROGRESS", title: "Actions en cours" },
  { status: "TODO", title: "Actions à lancer" },
  { status: "DONE", title: "Actions réalisées" },
  { status: "ABANDONED", title: "Actions abandonnées" },
];

export async function renderPlanPdf(input: PlanPdfInput, generatedAt = new Date()): Promise<Uint8Array> {
  const out = await startDocument(`Plan d'action cybersécurité — ${input.organizationName}`);
  out.text("Label Commune Cyber Dynamique", { size: 10, color: MUTED });
  out.text("Plan d'action cybersécurité", { size: 20, bold: true, color: BRAND, after: 6 });
  out.text(input.roundYear ? `${input.organizationName} · campagne ${input.roundYear}` : input.organizationName, { size: 12 });
  out.text(`Document établi le ${longDate.format(generatedAt)}`, { size: 10, color: MUTED, after: 14 });

  const { completeness } = input;
  out.text("Règle du label", { size: 14, bold: true, color: BRAND, after: 4 });
  out.text(
    `Le plan doit compter au moins ${input.rule.minActions} actions visant au moins ${input.rule.minCriteria} critères différents du questionnaire. ` +
      `Il compte ${completeness.actionCount} action${completeness.actionCount > 1 ? "s" : ""} (hors actions abandonnées) visant ${completeness.distinctCriteria} critère${completeness.distinctCriteria > 1 ? "s" : ""}.`,
    { after: 4 },
  );
  if (completeness.complete) out.text("Le plan remplit la règle du label.", { bold: true, after: 12 });
  else {
    out.text("Le plan ne remplit pas encore la règle du label :", { bold: true, after: 2 });
    for (const sentence of completeness.missing) out.text(`• ${sentence}`, { indent: 12, after: 2 });
    out.y -= 10;
  }

  if (input.actions.length === 0) out.text("Le plan ne contient encore aucune action.");
  for (const section of SECTIONS) {
    const actions = input.actions.filter((action) => action.status === section.status);
    if (actions.length === 0) continue;
    out.ensure(60);
    out.text(`${section.title} (${actions.length})`, { size: 14, bold: true, color: BRAND, after: 6 });
    for (const action of actions) {
      out.ensure(70);
      out.text(action.title, { size: 12, bold: true, after: 2 });
      const facts = [
        `${ACTION_STATUS_LABELS[action.status]} · ${action.progress} %`,
        `priorité ${PRIORITY_LABELS[action.priority].toLowerCase()}`,
        action.owner ? `responsable : ${action.owner}` : "sans responsable",
        action.dueOn ? `échéance : ${formatFrenchDate(action.dueOn)}` : null,
        action.completedAt ? `réalisée le ${longDate.format(action.completedAt)}` : null,
        action.evidenceCount > 0 ? `${action.evidenceCount} preuve${action.evidenceCount > 1 ? "s" : ""}` : null,
      ].filter(Boolean);
      out.text(facts.join(" · "), { indent: 12, size: 9.5, color: MUTED, after: 2 });
      if (action.abandonReason) out.text(`Motif d'abandon : ${action.abandonReason}`, { indent: 12, after: 2 });
      out.text(`Critères : ${action.criteria.join(" ; ")}`, { indent: 12, size: 9.5, after: 10 });
    }
  }

  return out.finish(`${input.organizationName} · plan d'action`);
}
