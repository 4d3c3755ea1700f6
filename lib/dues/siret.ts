// SIREN (9 digits) and SIRET (SIREN + 5-digit NIC) carry a Luhn key. La Poste's establishments
// (SIREN 356000000) follow another rule: the digits of the SIRET add up to a multiple of 5.

const LA_POSTE_SIREN = "356000000";

export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Spaces and dots removed, as people copy it from a letterhead: "213 100 017 00012". */
export function normalizeSiret(raw: string): string {
  return raw.replace(/[\s.\u00a0-]/g, "");
}

export function isValidSiret(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    return [...siret].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  return luhnValid(siret);
}

export function isValidSiren(siren: string): boolean {
  return /^[0-9]{9}$/.test(siren) && luhnValid(siren);
}
