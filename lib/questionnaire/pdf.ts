// The results of the questionnaire as a PDF the mayor can file or hand over: scores per theme
// and overall, the level in words, and the recommended measures by priority. Geist is embedded
// (read from the `geist` package at runtime) so accents and « guillemets » render everywhere.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { QuestionnaireView } from "./results";
import { COST_LABELS, EFFORT_LABELS } from "./results";

const FONT_DIR = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BRAND = rgb(0.118, 0.251, 0.557);
const MUTED = rgb(0.35, 0.37, 0.42);
const LIGHT = rgb(0.91, 0.94, 0.98);

let fonts: Promise<[Uint8Array, Uint8Array]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([readFile(path.join(FONT_DIR, "Geist-Regular.ttf")), readFile(path.join(FONT_DIR, "Geist-Bold.ttf"))]);
  return fonts;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** Splits a text into lines no wider than `width` at `size`. */
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

/** A cursor that writes top to bottom and opens a new page when the current one is full. */
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
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.3, size, font, color: options.color ?? rgb(0.1, 0.1, 0.12) });
    }
    this.y -= options.after ?? 4;
  }

  gap(height: number) {
    this.y -= height;
  }
}

export async function renderResultsPdf(view: QuestionnaireView, generatedAt = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const { assessment, result, measures } = view;
  doc.setTitle(`Résultats IMMUNITE CYBER — ${assessment.organizationName} — ${assessment.round.name}`);
  doc.setLanguage("fr-FR");
  doc.setProducer("Label Commune Cyber Dynamique");

  const out = new Writer(doc, regular, bold);
  out.text("Label Commune Cyber Dynamique", { size: 10, color: MUTED });
  out.text("Résultats du questionnaire IMMUNITE CYBER", { size: 20, bold: true, color: BRAND, after: 6 });
  out.text(`${assessment.organizationName} · ${assessment.round.name} · ${assessment.sizeBandLabel}`, { size: 12 });
  out.text(`Document établi le ${dateFormat.format(generatedAt)}`, { size: 10, color: MUTED, after: 14 });

  const completion = result.completion;
  if (!completion.complete) {
    out.text(
      `Résultats provisoires : ${completion.answered} questions sur ${completion.applicable} ont une réponse. Le score ne compte que les questions répondues.`,
      { size: 10.5, color: MUTED, after: 10 },
    );
  }

  out.text("Score global", { size: 14, bold: true, color: BRAND, after: 4 });
  if (result.overall === null || !result.level) {
    out.text("Aucune question n'a encore de réponse.", { after: 12 });
  } else {
    out.text(`${result.overall} / 100 — niveau « ${result.level.label} »`, { size: 16, bold: true });
    out.text(result.level.summary, { after: 6 });
  }
  if (completion.dontKnow > 0) {
    out.text(`${completion.dontKnow} réponse${completion.dontKnow > 1 ? "s" : ""} « Je ne sais pas » : à vérifier. Elles comptent comme « non fait ».`, { after: 6 });
  }
  out.gap(8);

  out.text("Score par thème", { size: 14, bold: true, color: BRAND, after: 8 });
  const barX = MARGIN + 190;
  const barWidth = 180;
  for (const theme of view.themes) {
    if (theme.result.notApplicable) continue;
    out.ensure(20);
    out.y -= 18;
    const score = theme.result.score;
    out.page.drawText(theme.title, { x: MARGIN, y: out.y + 4, size: 10.5, font: regular });
    out.page.drawRectangle({ x: barX, y: out.y + 1, width: barWidth, height: 12, color: LIGHT });
    if (score !== null && score > 0) out.page.drawRectangle({ x: barX, y: out.y + 1, width: (barWidth * score) / 100, height: 12, color: BRAND });
    const label = score === null ? "pas encore de réponse" : `${score} / 100 · ${theme.result.level?.label ?? ""}`;
    out.page.drawText(label, { x: barX + barWidth + 8, y: out.y + 4, size: 9.5, font: regular });
  }
  out.gap(18);

  out.text("Mesures recommandées, par priorité", { size: 14, bold: true, color: BRAND, after: 6 });
  if (measures.length === 0) out.text("Aucune mesure recommandée pour l'instant.");
  measures.forEach((measure, index) => {
    out.ensure(60);
    out.text(`${index + 1}. ${measure.title}`, { size: 12, bold: true, after: 2 });
    out.text(`Pourquoi : ${measure.why}`, { indent: 12, after: 2 });
    out.text(`Comment : ${measure.how}`, { indent: 12, after: 2 });
    out.text(`Effort ${EFFORT_LABELS[measure.effort]} · coût ${COST_LABELS[measure.cost]} · jusqu'à ${measure.potentialGain} points de score global`, {
      indent: 12,
      size: 9.5,
      color: MUTED,
      after: 10,
    });
  });

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    page.drawText(`${assessment.organizationName} · IMMUNITE CYBER ${assessment.round.year} · page ${index + 1} / ${pages.length}`, {
      x: MARGIN,
      y: 28,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save();
}
