import { describe, expect, it } from "vitest";
import { CROCKFORD, checkSymbol, generateSerial, parseSerial } from "./serial";

describe("generateSerial", () => {
  it("writes CCD-year-XXXX-XXXX in Crockford base32, and reads back as itself", () => {
    for (let i = 0; i < 500; i++) {
      const serial = generateSerial(2026);
      expect(serial).toMatch(/^CCD-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseSerial(serial)).toEqual({ ok: true, serial });
    }
  });

  it("is deterministic for given random bytes (the check of the example in the issue)", () => {
    const serial = generateSerial(2026, (size) => new Uint8Array(size).fill(7));
    expect(serial).toBe(`CCD-2026-7777-777${checkSymbol("20267777777")}`);
  });
});

describe("parseSerial", () => {
  it("detects every single-character substitution, in the year, the body and the check", () => {
    const serials = Array.from({ length: 40 }, () => generateSerial(2026));
    for (const serial of serials) {
      for (let position = 0; position < serial.length; position++) {
        const original = serial[position]!;
        if (!CROCKFORD.includes(original) || position < 4) continue;
        for (const symbol of CROCKFORD) {
          if (symbol === original) continue;
          const typo = serial.slice(0, position) + symbol + serial.slice(position + 1);
          const parsed = parseSerial(typo);
          // A letter in the year is no serial at all; anything else is the check's work.
          expect(parsed, `${serial} → ${typo}`).toEqual({ ok: false, reason: /^\d$/.test(symbol) || position > 8 ? "typo" : "format" });
        }
      }
    }
  });

  it("forgives case, spaces, missing dashes and the look-alikes Crockford maps (i, l → 1; o → 0)", () => {
    const serial = `CCD-2026-10Q4-M9X${checkSymbol("202610Q4M9X")}`;
    expect(parseSerial(` ccd 2026 iOq4 m9x${serial.at(-1)!.toLowerCase()} `)).toEqual({ ok: true, serial });
    expect(parseSerial(serial.replaceAll("-", ""))).toEqual({ ok: true, serial });
    expect(parseSerial(serial.replace("1", "L"))).toEqual({ ok: true, serial });
  });

  it("says « format » for what cannot be a serial, however long", () => {
    for (const input of ["", "CCD", "CCD-2026-7KQ4", "ABC-2026-7KQ4-M9XH", "CCD-2026-7KQ4-M9XHH", "CCD-2026-7KQ4-M9U0", "x".repeat(10_000), `CCD-2026-7KQ4-M9XH${" ".repeat(100)}`]) {
      expect(parseSerial(input)).toEqual({ ok: false, reason: "format" });
    }
  });
});
