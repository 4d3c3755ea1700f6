// Reading a bank statement exported as CSV by a French bank: encodings (UTF-8 with or without
// BOM, Windows-1252, ISO-8859-1, UTF-16), separators (; , tab), dates (31/12/2026, 2026-12-31),
// amounts with a decimal comma, one amount column or debit and credit columns. Pure: bytes in,
// credit lines or a French explanation out. Only credits matter here (transfers received).
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { MAX_AMOUNT_CENTS, parseEuros } from "./money";

export const MAX_STATEMENT_BYTES = 2 * 1024 * 1024;
export const MAX_STATEMENT_LINES = 5_000;

export type StatementLine = { bookedOn: Date; label: string; amountCents: number; row: number };
export type ParsedStatement =
  | { ok: true; encoding: string; separator: string; lines: StatementLine[]; skippedRows: number }
  | { ok: false; message: string };

const fail = (message: string): ParsedStatement => ({ ok: false, message });

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The text of the file and the encoding it was read with, or null if none fits. */
export function decodeStatement(bytes: Buffer): { text: string; encoding: string } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "UTF-16LE" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "UTF-16BE" };
  let text: string;
  let encoding: string;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    if (!isValidUtf8(bytes.subarray(3))) return null;
    text = bytes.subarray(3).toString("utf8");
    encoding = "UTF-8";
  } else if (isValidUtf8(bytes)) {
    text = bytes.toString("utf8");
    encoding = "UTF-8";
  } else {
    // Windows-1252 is what French banks' "Excel" exports use; it is ISO-8859-1 plus € and ’.
    text = iconv.decode(bytes, "windows-1252");
    encoding = "Windows-1252";
  }
  // NUL bytes or control characters: a binary file, a spreadsheet (.xlsx), or UTF-16 without BOM.
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.test(text)) return null;
  return { text, encoding };
}

const normalizeHeader = (value: string) =>
  value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();

function findColumns(header: string[]) {
  const names = header.map(normalizeHeader);
  const index = (test: (name: string) => boolean) => names.findIndex(test);
  return {
    date: index((name) => /^date( (d'?)?operation| comptable| de valeur)?$/.test(name) || name === "date"),
    dateAny: index((name) => name.startsWith("date")),
    label: index((name) => /libelle|label|description|intitule|motif|detail/.test(name)),
    amount: index((name) => /^montant|^amount|^somme/.test(name)),
    credit: index((name) => /credit/.test(name)),
    debit: index((name) => /debit/.test(name)),
  };
}

function parseDate(raw: string): Date | null {
  const text = raw.trim();
  let day: number, month: number, year: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) {
    day = Number(match[1]);
    month = Number(match[2]);
    year = Number(match[3]!.length === 2 ? `20${match[3]}` : match[3]);
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 2000 || year > 2100) return null;
  return date;
}

export function parseStatement(bytes: Buffer): ParsedStatement {
  if (bytes.length === 0) return fail("Le fichier est vide : exportez le relevé depuis l'espace de la banque, au format CSV.");
  if (bytes.length > MAX_STATEMENT_BYTES) {
    return fail("Le fichier dépasse 2 Mo : exportez une période plus courte (un mois de relevé suffit).");
  }
  const decoded = decodeStatement(bytes);
  if (!decoded) {
    return fail(
      "Ce fichier n'est pas un relevé CSV lisible (encodage inconnu ou fichier binaire, par exemple un classeur Excel) : exportez le relevé au format CSV, puis réessayez.",
    );
  }
  const firstLine = decoded.text.split(/\r?\n/, 1)[0] ?? "";
  const separator = [";", "\t", ","].map((candidate) => ({ candidate, count: firstLine.split(candidate).length - 1 })).sort((a, b) => b.count - a.count)[0]!;
  if (separator.count === 0) return fail("Aucune colonne reconnue : le relevé doit être un CSV séparé par des points-virgules (;) avec les colonnes date, libellé et montant.");
  const rowCount = decoded.text.replace(/\r?\n$/, "").split(/\n/).length;
  if (rowCount > MAX_STATEMENT_LINES + 1) {
    return fail(
      `Le relevé compte ${new Intl.NumberFormat("fr-FR").format(rowCount - 1)} lignes : au-delà de ${new Intl.NumberFormat("fr-FR").format(MAX_STATEMENT_LINES)}, exportez une période plus courte.`,
    );
  }
  let rows: string[][];
  try {
    rows = parse(decoded.text, { delimiter: separator.candidate, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch {
    return fail("Le fichier CSV est mal formé (guillemets non fermés) : exportez-le de nouveau depuis la banque.");
  }
  // Some banks put a few lines of account information before the header: find it.
  const headerAt = rows.findIndex((row) => {
    const columns = findColumns(row);
    return (columns.date >= 0 || columns.dateAny >= 0) && columns.label >= 0 && (columns.amount >= 0 || columns.credit >= 0);
  });
  if (headerAt < 0 || headerAt > 20) {
    return fail("Les colonnes « Date », « Libellé » et « Montant » (ou « Crédit ») sont introuvables dans la première ligne du relevé.");
  }
  const columns = findColumns(rows[headerAt]!);
  const dateColumn = columns.date >= 0 ? columns.date : columns.dateAny;
  const lines: StatementLine[] = [];
  let skipped = 0;
  for (let index = headerAt + 1; index < rows.length; index++) {
    const row = rows[index]!;
    const bookedOn = parseDate(row[dateColumn] ?? "");
    const label = (row[columns.label] ?? "").replace(/\s+/g, " ").trim();
    let amountCents: number | null = null;
    if (columns.credit >= 0 && (row[columns.credit] ?? "").trim() !== "") amountCents = parseEuros(row[columns.credit]!);
    else if (columns.amount >= 0 && (row[columns.amount] ?? "").trim() !== "") amountCents = parseEuros(row[columns.amount]!);
    if (!bookedOn || amountCents === null) {
      skipped++;
      continue;
    }
    // Debits (negative amounts) are the association's own spending: not dues.
    if (amountCents <= 0) continue;
    if (amountCents > MAX_AMOUNT_CENTS) {
      skipped++;
      continue;
    }
    lines.push({ bookedOn, label: label.slice(0, 500), amountCents: Math.abs(amountCents), row: index + 1 });
  }
  return { ok: true, encoding: decoded.encoding, separator: separator.candidate, lines, skippedRows: skipped };
}
