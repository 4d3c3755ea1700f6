// The documents the platform hands out (questionnaire results, action plan, later the
// certificate) share one look and one writer: A4, Geist embedded so accents and « guillemets »
// render everywhere, text that wraps and flows onto new pages, a footer with page numbers.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

const FONT_DIR = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 50;
export const BRAND = rgb(0.118, 0.251, 0.557);
export const MUTED = rgb(0.35, 0.37, 0.42);
export const INK = rgb(0.1, 0.1, 0.12);
export const LIGHT = rgb(0.91, 0.94, 0.98);

export const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

let fonts: Promise<[Uint8Array, Uint8Array]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([readFile(path.join(FONT_DIR, "Geist-Regular.ttf")), readFile(path.join(FONT_DIR, "Geist-Bold.ttf"))]);
  return fonts;
}

/** Splits a text into lines no wider than `width` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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
export class Writer {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - 2 * MARGIN;

  constructor(
    readonly doc: PDFDocument,
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

  gap(height: number) {
    this.y -= height;
  }

  /** Writes "<footer> · page n / total" at the bottom of every page, then the bytes. */
  async finish(footer: string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      page.drawText(`${footer} · page ${index + 1} / ${pages.length}`, { x: MARGIN, y: 28, size: 8.5, font: this.regular, color: MUTED });
    });
    return this.doc.save();
  }
}

/** A new French document with the platform's fonts, and its writer on the first page. */
export async function startDocument(title: string): Promise<Writer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(title);
  doc.setLanguage("fr-FR");
  doc.setProducer("Label Commune Cyber Dynamique");
  return new Writer(doc, regular, bold);
}
