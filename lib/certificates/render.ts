// The certificate as a document worthy of a frame: A4 landscape, one page, the association's
// colours, the platform's embedded fonts (Geist, so accents and « guillemets » print
// everywhere), a QR code to the public verification page and a box where the association
// sticks the numbered hologram. Unsigned here: signing.ts seals it as the very last step.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setFillingColor,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import QRCode from "qrcode";
import { BRAND, INK, LIGHT, MUTED, longDate, wrap } from "@/lib/pdf/document";

export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const GOLD = rgb(0.72, 0.56, 0.2);
const PAPER = rgb(0.995, 0.992, 0.982);
const WARNING = rgb(0.65, 0.2, 0.05);

export type CertificateContent = {
  serial: string;
  year: number;
  territory: {
    name: string;
    kind: "COMMUNE" | "EPCI";
    epciKind?: "CC" | "CA" | "CU" | "METRO" | null;
    /** INSEE code of a commune; for an EPCI, its SIREN. */
    code: string;
    departmentCode?: string | null;
    departmentName?: string | null;
  };
  validFrom: Date;
  validUntil: Date;
  isRenewal: boolean;
  verificationUrl: string;
  signatoryName: string;
  signatoryRole: string;
  issuedAt: Date;
  /** Signed by the demonstration authority: the document says so, discreetly. */
  demonstration: boolean;
};

const EPCI_KIND_LABELS = {
  CC: "Communauté de communes",
  CA: "Communauté d'agglomération",
  CU: "Communauté urbaine",
  METRO: "Métropole",
} as const;

/** « Commune · Bouches-du-Rhône (13) · code INSEE 13060 », or the EPCI's kind and SIREN. */
export function territoryLine(territory: CertificateContent["territory"]): string {
  const department = territory.departmentName ? `${territory.departmentName}${territory.departmentCode ? ` (${territory.departmentCode})` : ""}` : null;
  if (territory.kind === "EPCI") {
    const kind = territory.epciKind ? EPCI_KIND_LABELS[territory.epciKind] : "Intercommunalité";
    return [kind, department, `SIREN ${territory.code}`].filter(Boolean).join(" · ");
  }
  return ["Commune", department, `code INSEE ${territory.code}`].filter(Boolean).join(" · ");
}

/** « du 1er janvier 2026 au 31 décembre 2026 » (French writes the first of the month « 1er »). */
export function frenchDate(date: Date): string {
  return longDate.format(date).replace(/^1 /, "1er ");
}

const FONT_ROOT = path.join(process.cwd(), "node_modules/geist/dist/fonts");
// Two faces only: each embedded font is subset when the file is written, the costliest step.
const FONT_FILES = {
  regular: "geist-sans/Geist-Regular.ttf",
  bold: "geist-sans/Geist-SemiBold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fontBytes: Promise<Record<FontName, Uint8Array>> | undefined;
function loadFontBytes() {
  fontBytes ??= Promise.all(Object.entries(FONT_FILES).map(async ([key, file]) => [key, new Uint8Array(await readFile(path.join(FONT_ROOT, file)))] as const)).then(
    (entries) => Object.fromEntries(entries) as Record<FontName, Uint8Array>,
  );
  return fontBytes;
}

type Fonts = Record<FontName, PDFFont>;

// pdf-lib parses each font again for every document (fontkit.create), and fontkit decodes its
// tables lazily on that object: most of a certificate's rendering time. Handing pdf-lib the same
// parsed font for the same bytes keeps the decoded tables (and the shaper's caches) from one
// certificate to the next; each document still makes its own subset.
const parsedFonts = new WeakMap<Uint8Array, unknown>();

/**
 * Shaping (kerning, ligatures) is the other cost, and most of a certificate's lines are the same
 * from one certificate to the next: the layout of a given text is kept (a bounded cache; pdf-lib
 * only reads the glyphs and positions it returns).
 */
function memoizeLayout<F>(font: F): F {
  const target = font as unknown as { layout: (text: string, features?: unknown) => unknown };
  const original = target.layout.bind(target);
  const cache = new Map<string, unknown>();
  target.layout = (text: string, features?: unknown) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size > 2_000) cache.clear();
      result = original(text, features);
      cache.set(key, result);
    }
    return result;
  };
  return font;
}
const cachingFontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    if (postscriptName) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) parsedFonts.set(buffer, (font = memoizeLayout(fontkit.create(buffer))));
    return font;
  },
} as typeof fontkit;

/** Text centred on `cx`, with optional letter spacing (small capitals look). */
function centred(page: PDFPage, text: string, options: { cx: number; y: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb>; spacing?: number }) {
  const spacing = options.spacing ?? 0;
  const width = options.font.widthOfTextAtSize(text, options.size) + spacing * Math.max(0, text.length - 1);
  if (spacing) page.pushOperators(pushGraphicsState(), setCharacterSpacing(spacing));
  page.drawText(text, { x: options.cx - width / 2, y: options.y, size: options.size, font: options.font, color: options.color ?? INK });
  if (spacing) page.pushOperators(popGraphicsState());
  return width;
}

/** The largest size up to `max` at which `text` fits in `width`. */
function fitted(text: string, font: PDFFont, max: number, width: number, min = 16): number {
  let size = max;
  while (size > min && font.widthOfTextAtSize(text, size) > width) size -= 1;
  return size;
}

/**
 * The QR code as a one-bit stencil image (an image mask painted in ink): a few hundred bytes,
 * sharp at any zoom because readers do not smooth stencils, and far cheaper to write than one
 * rectangle per module.
 */
function drawQrCode(doc: PDFDocument, page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const quiet = 2;
  const side = count + 2 * quiet;
  const rowBytes = Math.ceil(side / 8);
  // ImageMask with Decode [1 0]: a 1 bit paints the current colour.
  const bits = new Uint8Array(rowBytes * side);
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (!modules.get(row, column)) continue;
      const bx = column + quiet;
      const index = (row + quiet) * rowBytes + (bx >> 3);
      bits[index] = bits[index]! | (0x80 >> (bx & 7));
    }
  }
  const image = doc.context.register(
    doc.context.stream(bits, { Type: "XObject", Subtype: "Image", Width: side, Height: side, ImageMask: true, BitsPerComponent: 1, Decode: [1, 0], Interpolate: false }),
  );
  const name = page.node.newXObject("QR", image);
  page.drawRectangle({ x: x - 4, y: y - size - 4, width: size + 8, height: size + 8, color: rgb(1, 1, 1) });
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(INK),
    concatTransformationMatrix(size, 0, 0, size, x, y - size),
    drawObject(name),
    popGraphicsState(),
  );
}

function drawShield(page: PDFPage, cx: number, top: number) {
  // 32 × 38 units, drawn from its top-left corner.
  const scale = 1.05;
  const x = cx - 16 * scale;
  page.drawSvgPath("M16 0 L32 6 L32 18 C32 28 25 35 16 38 C7 35 0 28 0 18 L0 6 Z", { x, y: top, scale, color: BRAND, borderWidth: 0 });
  page.drawSvgPath("M16 3.2 L29 8.2 L29 18 C29 26.5 23.5 32.2 16 34.8 C8.5 32.2 3 26.5 3 18 L3 8.2 Z", { x, y: top, scale, borderColor: GOLD, borderWidth: 0.8 });
  page.drawSvgPath("M9.5 19 L14.2 23.8 L23 13.5", { x, y: top, scale, borderColor: rgb(1, 1, 1), borderWidth: 2.6 });
}

function drawFrame(page: PDFPage) {
  const [width, height] = A4_LANDSCAPE;
  page.drawRectangle({ x: 0, y: 0, width, height, color: PAPER });
  page.drawRectangle({ x: 18, y: 18, width: width - 36, height: height - 36, borderColor: BRAND, borderWidth: 3.5 });
  page.drawRectangle({ x: 27, y: 27, width: width - 54, height: height - 54, borderColor: GOLD, borderWidth: 0.9 });
  for (const [x, y] of [
    [27, 27],
    [width - 27, 27],
    [27, height - 27],
    [width - 27, height - 27],
  ] as const) {
    page.drawSvgPath("M0 -7 L7 0 L0 7 L-7 0 Z", { x, y, color: GOLD, borderWidth: 0 });
  }
}

/** The unsigned certificate. Same content, same bytes but for the PDF's creation date. */
export async function renderCertificate(content: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFontBytes();
  const fonts = Object.fromEntries(
    await Promise.all((Object.keys(FONT_FILES) as FontName[]).map(async (key) => [key, await doc.embedFont(bytes[key], { subset: true })] as const)),
  ) as Fonts;
  const title = `Label Commune Cyber Dynamique ${content.year}`;
  doc.setTitle(`Certificat ${content.serial} · ${title} · ${content.territory.name}`, { showInWindowTitleBar: true });
  doc.setSubject(`${title} décerné à ${content.territory.name} (${territoryLine(content.territory)}), valable jusqu'au ${frenchDate(content.validUntil)}.`);
  doc.setAuthor("ACCD - Association des Communes Cyber Dynamiques");
  doc.setKeywords([content.serial, "Commune Cyber Dynamique", String(content.year)]);
  doc.setCreator("Label Commune Cyber Dynamique");
  doc.setProducer("Label Commune Cyber Dynamique");
  doc.setLanguage("fr-FR");
  doc.setCreationDate(content.issuedAt);
  doc.setModificationDate(content.issuedAt);

  const page = doc.addPage(A4_LANDSCAPE);
  const [width] = A4_LANDSCAPE;
  const cx = width / 2;
  drawFrame(page);
  drawShield(page, cx, 556);

  centred(page, "ASSOCIATION DES COMMUNES CYBER DYNAMIQUES", { cx, y: 498, size: 9, font: fonts.bold, color: BRAND, spacing: 2.2 });
  page.drawLine({ start: { x: cx - 60, y: 487 }, end: { x: cx + 60, y: 487 }, thickness: 0.9, color: GOLD });
  centred(page, title, { cx, y: 450, size: 30, font: fonts.bold, color: BRAND });
  centred(page, "CERTIFICAT DE LABELLISATION", { cx, y: 427, size: 10, font: fonts.regular, color: MUTED, spacing: 2.5 });

  centred(page, "est décerné à", { cx, y: 395, size: 13, font: fonts.regular, color: MUTED });
  const nameSize = fitted(content.territory.name, fonts.bold, 36, 680);
  centred(page, content.territory.name, { cx, y: 356, size: nameSize, font: fonts.bold, color: INK });
  centred(page, territoryLine(content.territory), { cx, y: 333, size: 12, font: fonts.regular, color: MUTED });

  const reason = content.isRenewal
    ? "pour la progression continue de sa démarche de cybersécurité : un plan d'action exécuté et poursuivi, au service de ses agents, de ses élus et de ses habitants."
    : "pour son engagement dans la cybersécurité : diagnostic IMMUNITE CYBER, plan d'action, Cyber Champion désigné, au service de ses agents, de ses élus et de ses habitants.";
  let lineY = 303;
  for (const line of wrap(reason, fonts.regular, 11.5, 560)) {
    centred(page, line, { cx, y: lineY, size: 11.5, font: fonts.regular, color: INK });
    lineY -= 16;
  }

  const badge = content.isRenewal ? "Renouvellement du label" : "Premier label";
  const badgeWidth = fonts.bold.widthOfTextAtSize(badge, 11) + 30;
  page.drawRectangle({ x: cx - badgeWidth / 2, y: 244, width: badgeWidth, height: 22, color: LIGHT, borderColor: BRAND, borderWidth: 0.8 });
  centred(page, badge, { cx, y: 251, size: 11, font: fonts.bold, color: BRAND });
  centred(page, `Valable du ${frenchDate(content.validFrom)} au ${frenchDate(content.validUntil)}`, { cx, y: 222, size: 12.5, font: fonts.regular, color: INK });

  // Bottom left: how to check it.
  const left = 62;
  drawQrCode(doc, page, content.verificationUrl, left, 176, 92);
  const textX = left + 108;
  page.drawText("Vérifier ce certificat", { x: textX, y: 160, size: 10.5, font: fonts.bold, color: BRAND });
  page.drawText("Scannez le code ou saisissez", { x: textX, y: 145, size: 9, font: fonts.regular, color: MUTED });
  page.drawText("le numéro sur la page", { x: textX, y: 133, size: 9, font: fonts.regular, color: MUTED });
  const host = content.verificationUrl.replace(/^https?:\/\//, "").replace(/\/verifier\/.*$/, "/verifier");
  page.drawText(host, { x: textX, y: 121, size: 9, font: fonts.regular, color: INK });
  page.drawText("N° de certificat", { x: textX, y: 101, size: 8.5, font: fonts.regular, color: MUTED });
  page.pushOperators(pushGraphicsState(), setCharacterSpacing(0.8));
  page.drawText(content.serial, { x: textX, y: 86, size: 12, font: fonts.bold, color: INK });
  page.pushOperators(popGraphicsState());

  // Centre: the box where the association applies the numbered hologram.
  const boxWidth = 170;
  const boxX = cx - boxWidth / 2;
  page.drawRectangle({ x: boxX, y: 76, width: boxWidth, height: 100, borderColor: GOLD, borderWidth: 1, borderDashArray: [4, 3] });
  centred(page, "Hologramme de sécurité", { cx: boxX + boxWidth / 2, y: 150, size: 9, font: fonts.regular, color: GOLD });
  centred(page, "apposé par l'association", { cx: boxX + boxWidth / 2, y: 138, size: 8, font: fonts.regular, color: MUTED });
  page.drawText("N°", { x: boxX + 14, y: 90, size: 9, font: fonts.regular, color: MUTED });
  page.drawLine({ start: { x: boxX + 30, y: 89 }, end: { x: boxX + boxWidth - 14, y: 89 }, thickness: 0.6, color: MUTED, dashArray: [1.5, 2] });

  // Bottom right: who signs.
  const right = width - 62;
  const rightText = (text: string, y: number, size: number, font: PDFFont, color = INK) =>
    page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y, size, font, color });
  rightText(`Fait le ${frenchDate(content.issuedAt)}`, 160, 10, fonts.regular, MUTED);
  rightText("Pour l'association,", 140, 10, fonts.regular, MUTED);
  rightText(content.signatoryName, 118, 14, fonts.bold);
  rightText(content.signatoryRole, 101, 10.5, fonts.regular);
  page.drawLine({ start: { x: right - 190, y: 94 }, end: { x: right, y: 94 }, thickness: 0.6, color: GOLD });
  rightText("Document signé électroniquement", 82, 8.5, fonts.regular, MUTED);

  if (content.demonstration) {
    centred(page, "Document de démonstration : signé par l'autorité de démonstration de la plateforme, sans valeur officielle.", {
      cx,
      y: 40,
      size: 7.5,
      font: fonts.regular,
      color: WARNING,
    });
  }

  // The QR code is a link too, for those who read the PDF on screen.
  const link = doc.context.register(
    doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [left - 6, 78, left + 98, 182],
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(content.verificationUrl) },
    }),
  );
  page.node.set(PDFName.of("Annots"), doc.context.obj([link]));
  return doc.save({ useObjectStreams: false });
}
