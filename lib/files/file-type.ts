// Uploaded files are recognised by their content, never by their name or the type the browser
// claims. One place for the size limit (also a database check on StoredFile) and the signatures.
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";

import { MAX_FILE_BYTES } from "./limits";

export { MAX_FILE_BYTES };

export type FileKind = "pdf" | "png" | "jpeg";
export type FileType = { kind: FileKind; mimeType: string; extension: string };

const SIGNATURES: (FileType & { matches: (bytes: Uint8Array) => boolean })[] = [
  { kind: "pdf", mimeType: "application/pdf", extension: "pdf", matches: (b) => Buffer.from(b.subarray(0, 1024)).toString("latin1").startsWith("%PDF-") },
  { kind: "png", mimeType: "image/png", extension: "png", matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  { kind: "jpeg", mimeType: "image/jpeg", extension: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** The type of these bytes among those accepted, or null. */
export function detectFileType(bytes: Uint8Array, accepted: readonly FileKind[]): FileType | null {
  const found = SIGNATURES.find((signature) => accepted.includes(signature.kind) && signature.matches(bytes));
  return found ? { kind: found.kind, mimeType: found.mimeType, extension: found.extension } : null;
}

/**
 * pdf-lib is lenient: a "%PDF-" header followed by anything loads as an empty document, so a
 * readable PDF must also have at least one page.
 */
export async function isReadablePdf(bytes: Uint8Array): Promise<boolean> {
  if (detectFileType(bytes, ["pdf"]) === null) return false;
  try {
    return (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount() > 0;
  } catch {
    return false;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string, fallback: string): string {
  // The last segment of a path ("C:\\dossier\\x.pdf", "../../x.pdf"), then without control
  // characters (C0, C1), bidirectional overrides and isolates (U+202E before
  // "fdp.exe" shows it as "exe.pdf"), zero-width characters, quotes and path separators.
  const lastSegment = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const base = lastSegment
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"\\/:*?<>|]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .trim()
    .slice(0, 150)
    .trim();
  return base ? base : fallback;
}
