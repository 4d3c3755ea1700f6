import { describe, expect, it } from "vitest";
import { daysUntil, dueReminder, missingSentences } from "./reminder-rules";

// The round closes on 31 March 2027 at 23:59:59 Paris time (21:59:59 UTC, summer time).
const closesAt = new Date("2027-03-31T21:59:59Z");
const at = (iso: string) => new Date(iso);

describe("deadline reminders", () => {
  it("counts calendar days in Paris", () => {
    expect(daysUntil(closesAt, at("2027-03-01T08:00:00Z"))).toBe(30);
    expect(daysUntil(closesAt, at("2027-03-24T07:00:00Z"))).toBe(7);
    expect(daysUntil(closesAt, at("2027-03-31T20:00:00Z"))).toBe(0);
  });

  it("is due 30 days before, then 7 days before, and never after the close", () => {
    expect(dueReminder(closesAt, at("2027-02-28T08:00:00Z"))).toBeNull();
    expect(dueReminder(closesAt, at("2027-03-01T08:00:00Z"))).toBe(30);
    expect(dueReminder(closesAt, at("2027-03-23T08:00:00Z"))).toBe(30);
    expect(dueReminder(closesAt, at("2027-03-24T08:00:00Z"))).toBe(7);
    expect(dueReminder(closesAt, at("2027-03-31T21:00:00Z"))).toBe(7);
    expect(dueReminder(closesAt, at("2027-03-31T22:00:00Z"))).toBeNull();
  });

  it("lists what is missing in words", () => {
    const sentences = missingSentences({
      questionnaire: { met: false, assessmentStatus: "IN_PROGRESS" },
      plan: { complete: false, missing: ["Ajoutez encore 2 actions."] },
      champion: { met: true },
    });
    expect(sentences).toEqual([expect.stringMatching(/^Questionnaire IMMUNITE CYBER : questionnaire commencé/), "Plan d’action : Ajoutez encore 2 actions."]);
    expect(missingSentences({ questionnaire: { met: true, assessmentStatus: "COMPLETED" }, plan: { complete: true, missing: [] }, champion: { met: false } })).toHaveLength(1);
  });
});
