// The one-page poster of the communication kit, for the mairie's door: the territory's name,
// the label and its year, its validity, and a QR code to the certificate's verification page
// with the address and serial written out for those without a phone. Geist embedded (lib/pdf).
import "server-only";
import QRCode from "qrcode";
import { rgb } from "pdf-lib";
import { A4, BRAND, INK, MUTED, startDocument, wrap } from "@/lib/pdf/document";

export type PosterInput = {
  name: string;
  kind: "COMMUNE" | "EPCI";
  year: number;
  validUntilLabel: string;
  verificationUrl: string;
  serial: string;
};

export async function renderPosterPdf(input: PosterInput): Promise<Uint8Array> {
  const out = await startDocument(`Affiche du label Commune Cyber Dynamique ${input.year} — ${input.name}`);
  const { page, regular, bold } = out;
  const [width, height] = A4;
  const centre = (text: string, y: number, size: number, font = regular, color = INK) =>
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });

  // Top band with the shield.
  page.drawRectangle({ x: 0, y: height - 190, width, height: 190, color: BRAND });
  const shield = "M20 2.5 5 8v11.2c0 9.3 6.3 16.4 15 18.8 8.7-2.4 15-9.5 15-18.8V8L20 2.5Z";
  page.drawSvgPath(shield, { x: width / 2 - 40, y: height - 30, scale: 2, color: rgb(1, 1, 1) });
  page.drawSvgPath("m13.5 20.2 4.6 4.6 8.6-9.4", { x: width / 2 - 40, y: height - 30, scale: 2, borderColor: BRAND, borderWidth: 6.4 });
  centre("Label Commune Cyber Dynamique", height - 150, 26, bold, rgb(1, 1, 1));
  centre(String(input.year), height - 178, 20, bold, rgb(0.86, 0.9, 0.96));

  // The territory's name, as large as fits.
  let size = 40;
  while (size > 18 && bold.widthOfTextAtSize(input.name, size) > width - 80) size -= 2;
  const nameLines = wrap(input.name, bold, size, width - 80);
  let y = height - 260;
  for (const line of nameLines) {
    centre(line, y, size, bold, BRAND);
    y -= size * 1.2;
  }
  centre("est labellisée Commune Cyber Dynamique", y - 6, 18);
  centre(`Label valable jusqu’au ${input.validUntilLabel}`, y - 34, 14, regular, MUTED);

  const pitch = [
    "Nous nous engageons pour protéger nos services et vos données",
    "contre les attaques informatiques : sensibilisation, plan d’action,",
    "Cyber Champion. Le label est décerné chaque année par l’Association",
    "des Communes Cyber Dynamiques.",
  ];
  let py = y - 80;
  for (const line of pitch) {
    centre(line, py, 12.5);
    py -= 18;
  }

  // QR code drawn as vector squares: sharp at any printing size.
  const qr = QRCode.create(input.verificationUrl, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const qrSize = 170;
  const cell = qrSize / modules;
  const qx = (width - qrSize) / 2;
  const qy = 150;
  page.drawRectangle({ x: qx - 12, y: qy - 12, width: qrSize + 24, height: qrSize + 24, color: rgb(1, 1, 1), borderColor: MUTED, borderWidth: 0.8 });
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (qr.modules.get(row, column)) page.drawRectangle({ x: qx + column * cell, y: qy + (modules - 1 - row) * cell, width: cell + 0.05, height: cell + 0.05, color: INK });
    }
  }
  centre("Vérifiez ce label : scannez le code ou rendez-vous sur", 112, 11.5);
  let urlSize = 11.5;
  while (urlSize > 7 && bold.widthOfTextAtSize(input.verificationUrl, urlSize) > width - 60) urlSize -= 0.5;
  centre(input.verificationUrl, 94, urlSize, bold, BRAND);
  centre(`Certificat n° ${input.serial}`, 74, 11.5, regular, MUTED);
  centre("Association des Communes Cyber Dynamiques", 40, 10, regular, MUTED);
  return out.doc.save();
}
