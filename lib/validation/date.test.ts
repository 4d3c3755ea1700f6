import { describe, expect, it } from "vitest";
import { isRealDate, parisDay, parisEndOfDay, parisStartOfDay } from "./date";

describe("calendar dates", () => {
  it("accepts only days that exist", () => {
    expect(isRealDate("2027-02-28")).toBe(true);
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2027-02-29")).toBe(false);
    expect(isRealDate("2027-13-01")).toBe(false);
    expect(isRealDate("31/12/2027")).toBe(false);
    expect(isRealDate("1999-12-31")).toBe(false);
  });

  it("turns a day into the instants of Paris, winter and summer", () => {
    expect(parisStartOfDay("2027-01-15").toISOString()).toBe("2027-01-14T23:00:00.000Z");
    expect(parisEndOfDay("2027-12-31").toISOString()).toBe("2027-12-31T22:59:59.000Z");
    expect(parisStartOfDay("2027-07-01").toISOString()).toBe("2027-06-30T22:00:00.000Z");
    // The day summer time starts (28 March 2027): midnight is still winter time.
    expect(parisStartOfDay("2027-03-28").toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(parisEndOfDay("2027-03-28").toISOString()).toBe("2027-03-28T21:59:59.000Z");
    expect(parisDay(new Date("2027-12-31T22:59:59.000Z"))).toBe("2027-12-31");
    expect(parisDay(new Date("2027-06-30T22:00:00.000Z"))).toBe("2027-07-01");
  });
});
