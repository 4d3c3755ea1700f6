// Money is counted in integer cents everywhere; euros appear only when printed or parsed.

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** "1 234,50 €" (French spacing, narrow no-break spaces as Intl writes them). */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

/** "1234.50": the decimal form of structured invoices (Factur-X) and Stripe's amounts. */
export function decimalEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "1234,50": a spreadsheet's French decimal comma, without currency sign nor grouping. */
export function decimalCommaEuros(cents: number): string {
  return decimalEuros(cents).replace(".", ",");
}

/** The largest amount the platform accepts anywhere (a typo guard): 1 000 000 €. */
export const MAX_AMOUNT_CENTS = 100_000_000;

/**
 * Parses an amount typed by a person or read from a bank file: "1 234,56", "1234.56", "1.234,56",
 * "-15,00", "50 €". Returns cents, or null when it is not an amount (more than two decimals,
 * letters, separators in the wrong places).
 */
export function parseEuros(raw: string): number | null {
  let text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/(€|EUR)$/i, "").replace(/^\+/, "");
  let sign = 1;
  if (text.startsWith("-")) {
    sign = -1;
    text = text.slice(1);
  }
  if (!/^[0-9][0-9.,]*$/.test(text)) return null;
  let integer = text;
  let fraction = "";
  const hasComma = text.includes(",");
  const hasDot = text.includes(".");
  if (hasComma && hasDot) {
    // The last separator is the decimal one, the other groups thousands: "1.234,56", "1,234.56".
    const decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    [integer, fraction] = splitOnce(text, decimal);
    if (!/^[0-9]{1,3}([.,][0-9]{3})*$/.test(integer) || integer.includes(decimal)) return null;
    integer = integer.split(grouping).join("");
  } else if (hasComma) {
    if (text.split(",").length > 2) return null;
    [integer, fraction] = splitOnce(text, ",");
  } else if (hasDot) {
    const parts = text.split(".");
    // "1.234.567" or "1.234" group thousands; "12.5" and "12.50" are decimals.
    if (parts.length > 2 || parts[1]!.length === 3) {
      if (!/^[0-9]{1,3}(\.[0-9]{3})+$/.test(text)) return null;
      integer = parts.join("");
    } else [integer, fraction] = splitOnce(text, ".");
  }
  if (!/^[0-9]+$/.test(integer) || !/^[0-9]{0,2}$/.test(fraction) || (fraction === "" && /[.,]$/.test(text))) return null;
  const cents = Number(integer) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return sign * cents;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}
