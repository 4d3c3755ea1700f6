// The action plan as a PDF for the municipal council: whether the plan meets the label's rule,
// then the actions by status (in progress, to start, done, abandoned) with owner, due date,
// progress and the criteria they address. Geist is embedded so accents render everywhere (as in
// lib/questionnaire/pdf.ts; the page writer belongs in a shared lib/pdf once a third PDF comes).
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ActionStatus, Priority } from "@/lib/db/generated/enums";
import { formatFrenchDate } from "./csv";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS, type PlanCompleteness } from "./rules";

const FONT_DIR = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BRAND = rgb(0.118, 0.251, 0.557);
const MUTED = rgb(0.35, 0.37, 0.42);
const INK = rgb(0.1, 0.1, 0.12);

let fonts: Promise<[Uint8Array, Uint8Array]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([readFile(path.join(FONT_DIR, "Geist-Regular.ttf")), readFile(path.join(FONT_DIR, "Geist-Bold.ttf"))]);
  return fonts;
}

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

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

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }

  text(content: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; after?: number } = {}) {
    const size = options.size ?? 10.5;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of wrap(content, font, size, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.3, size, font, color: options.color ?? INK });
    }
    this.y -= options.after ?? 4;
  }
}

const SECTIONS: { status: ActionStatus; title: string }[] = [
  { status: "IN_PROGRESS", title: "Actions en cours" },
  { status: "TODO", title: "Actions à lancer" },
  { status: "DONE", title: "Actions réalisées" },
  { status: "ABANDONED", title: "Actions abandonnées" },
];

export async function renderPlanPdf(input: PlanPdfInput, generatedAt = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(`Plan d'action cybersécurité — ${input.organizationName}`);
  doc.setLanguage("fr-FR");
  doc.setProducer("Label Commune Cyber Dynamique");

  const out = new Writer(doc, regular, bold);
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

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    page.drawText(`${input.organizationName} · plan d'action · page ${index + 1} / ${pages.length}`, { x: MARGIN, y: 28, size: 8.5, font: regular, color: MUTED });
  });
  return doc.save();
}
