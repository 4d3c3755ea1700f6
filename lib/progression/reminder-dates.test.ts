import { describe, expect, it } from "vitest";
import { dueReminder, monthsBefore, reminderDays } from "./reminder-dates";

// Labels are valid until 23:59:59 Paris time, stored in UTC.
const END_2026 = new Date("2026-12-31T22:59:59Z");
const at = (iso: string) => new Date(iso);

describe("renewal reminder dates", () => {
  it("are 3 months and 1 month before the label's last day, in Paris", () => {
    expect(reminderDays(END_2026)).toEqual({ "3-months": "2026-09-30", "1-month": "2026-11-30" });
    expect(reminderDays(new Date("2027-06-30T21:59:59Z"))).toEqual({ "3-months": "2027-03-30", "1-month": "2027-05-30" });
  });

  it("clamp the day to the month's length, and cross years", () => {
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2028-05-31", 3)).toBe("2028-02-29");
    expect(monthsBefore("2027-01-15", 3)).toBe("2026-10-15");
    expect(monthsBefore("2027-01-31", 1)).toBe("2026-12-31");
  });

  it("say which reminder is due: none before, the 3-month one, then the 1-month one, none after expiry", () => {
    expect(dueReminder(END_2026, at("2026-09-29T21:00:00Z"))).toBeNull(); // 29 September, 23:00 in Paris
    expect(dueReminder(END_2026, at("2026-09-29T22:30:00Z"))).toEqual({ kind: "3-months", day: "2026-09-30" }); // 00:30 on the 30th
    expect(dueReminder(END_2026, at("2026-11-15T08:00:00Z"))).toEqual({ kind: "3-months", day: "2026-09-30" });
    expect(dueReminder(END_2026, at("2026-11-30T08:00:00Z"))).toEqual({ kind: "1-month", day: "2026-11-30" });
    expect(dueReminder(END_2026, at("2026-12-31T20:00:00Z"))).toEqual({ kind: "1-month", day: "2026-11-30" });
    expect(dueReminder(END_2026, at("2026-12-31T23:30:00Z"))).toBeNull(); // 1 January in Paris
  });
});
