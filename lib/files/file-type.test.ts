import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { detectFileType, isReadablePdf, safeFileName, sha256Hex } from "./file-type";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const text = (value: string) => new TextEncoder().encode(value);

describe("detectFileType", () => {
  it("recognises PDF, PNG and JPEG by content, and only the accepted kinds", () => {
    expect(detectFileType(text("%PDF-1.7\n..."), ["pdf"])?.mimeType).toBe("application/pdf");
    expect(detectFileType(png, ["pdf", "png"])?.extension).toBe("png");
    expect(detectFileType(jpeg, ["pdf", "png", "jpeg"])?.mimeType).toBe("image/jpeg");
    expect(detectFileType(png, ["pdf"])).toBeNull();
    // A Word document renamed .pdf stays a Word document.
    expect(detectFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), ["pdf", "png", "jpeg"])).toBeNull();
  });
});

describe("isReadablePdf", () => {
  it("wants a PDF with at least one page, not just its header", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(await isReadablePdf(await doc.save())).toBe(true);
    expect(await isReadablePdf(text("%PDF-1.7 and then rubbish"))).toBe(false);
    expect(await isReadablePdf(png)).toBe(false);
  });
});

describe("safeFileName and sha256Hex", () => {
  it("strips control characters, quotes and slashes, and falls back when nothing remains", () => {
    // Issue 9: only the last segment of a path is kept (it used to be "..synthèse.pdf").
    expect(safeFileName('../"synthèse"\u0000.pdf', "x.pdf")).toBe("synthèse.pdf");
    expect(safeFileName("  ", "synthese.pdf")).toBe("synthese.pdf");
    expect(sha256Hex(text("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("safeFileName (issue 9: names stored as sent)", () => {
  it("drops bidirectional overrides and isolates, zero-width and C1 control characters", () => {
    expect(safeFileName("synthese\u202Efdp.exe", "x.pdf")).toBe("synthesefdp.exe");
    expect(safeFileName("a\u2066b\u2069c\u200Bd\u200Fe\u0085f\uFEFF.pdf", "x.pdf")).toBe("abcdef.pdf");
  });
  it("keeps the last segment of a path and no leading dots", () => {
    expect(safeFileName("C:\\Users\\mairie\\synthèse.pdf", "x.pdf")).toBe("synthèse.pdf");
    expect(safeFileName("../../etc/passwd", "x.pdf")).toBe("passwd");
    expect(safeFileName("...pdf", "x.pdf")).toBe("pdf");
    expect(safeFileName("..", "x.pdf")).toBe("x.pdf");
  });
  it("keeps accents and ordinary punctuation", () => {
    expect(safeFileName("Synthèse Diagonal – mairie (2026).pdf", "x.pdf")).toBe("Synthèse Diagonal – mairie (2026).pdf");
  });
});
