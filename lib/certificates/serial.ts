// Certificate serials, typed by hand from a framed paper: `CCD-2026-7KQ4-M9XH`. The year, then
// seven random Crockford base32 symbols and one check symbol (Luhn mod 32 over the year and the
// random part). Crockford's alphabet has no I, L, O or U, and reading accepts i/l for 1 and o
// for 0, so a reader who confuses them still lands on the right serial; any other single
// mistyped symbol changes the check and is caught before any lookup.
// Browser-safe: the verification form runs the same check as the server.

export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE = CROCKFORD.length;
export const SERIAL_PREFIX = "CCD";
/** Random symbols: 32^7 ≈ 34 billion serials a year; the database still keeps them unique. */
const RANDOM_LENGTH = 7;
/** Longer input is no serial, whatever it holds: nothing is parsed beyond this. */
export const MAX_SERIAL_INPUT = 64;

function valueOf(symbol: string): number {
  return CROCKFORD.indexOf(symbol);
}

/** Luhn mod N with N = 32: every single substitution moves the sum, so the check changes. */
export function checkSymbol(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let index = payload.length - 1; index >= 0; index--) {
    const value = valueOf(payload[index]!);
    if (value < 0) throw new Error(`symbole hors de l'alphabet : ${payload[index]}`);
    const addend = factor * value;
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return CROCKFORD[(BASE - (sum % BASE)) % BASE]!;
}

function randomSymbols(length: number, random: (size: number) => Uint8Array): string {
  // 256 is a multiple of 32: taking the low five bits of a byte is uniform.
  return Array.from(random(length), (byte) => CROCKFORD[byte & 31]).join("");
}

const defaultRandom = (size: number) => crypto.getRandomValues(new Uint8Array(size));

/** A new serial for a certificate of `year`. */
export function generateSerial(year: number, random: (size: number) => Uint8Array = defaultRandom): string {
  const body = randomSymbols(RANDOM_LENGTH, random);
  const check = checkSymbol(`${year}${body}`);
  return `${SERIAL_PREFIX}-${year}-${body.slice(0, 4)}-${body.slice(4)}${check}`;
}

export type ParsedSerial = { ok: true; serial: string } | { ok: false; reason: "format" | "typo" };

export const SERIAL_FORMAT_MESSAGE =
  "Ce numéro n'a pas la forme d'un numéro de certificat : il s'écrit CCD-, l'année, puis deux groupes de quatre caractères, par exemple CCD-2026-7KQ4-M9XH.";
export const SERIAL_TYPO_MESSAGE =
  "Ce numéro contient une erreur de frappe : vérifiez chaque caractère sur le certificat (le dernier est une clé de contrôle).";

/**
 * Reads what a person typed (spaces, dashes and case free; i, l → 1 and o → 0 as Crockford
 * says) and answers the canonical serial, or why it cannot be one.
 */
export function parseSerial(input: string): ParsedSerial {
  if (typeof input !== "string" || input.length > MAX_SERIAL_INPUT) return { ok: false, reason: "format" };
  const compact = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  const match = /^CCD(\d{4})([0-9A-HJKMNP-TV-Z]{8})$/.exec(compact);
  if (!match) return { ok: false, reason: "format" };
  const [, year, rest] = match as unknown as [string, string, string];
  const body = rest.slice(0, RANDOM_LENGTH);
  if (checkSymbol(`${year}${body}`) !== rest[RANDOM_LENGTH]) return { ok: false, reason: "typo" };
  return { ok: true, serial: `${SERIAL_PREFIX}-${year}-${body.slice(0, 4)}-${body.slice(4)}${rest[RANDOM_LENGTH]}` };
}

export function serialMessage(reason: "format" | "typo"): string {
  return reason === "typo" ? SERIAL_TYPO_MESSAGE : SERIAL_FORMAT_MESSAGE;
}
