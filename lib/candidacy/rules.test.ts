import { describe, expect, it } from "vitest";
import { duesAllowSubmission, missingCriteria, submissionRefusal } from "./rules";

const allMet = { questionnaire: true, plan: true, champion: true, dues: true };
const closesAt = new Date("2026-12-31T22:59:59Z");
const now = new Date("2026-12-01T10:00:00Z");

describe("submission eligibility", () => {
  it("accepts a complete file before the deadline, from a draft, a returned or a withdrawn file", () => {
    for (const status of [null, "DRAFT", "RETURNED", "WITHDRAWN"] as const) expect(submissionRefusal({ status, now, closesAt, criteria: allMet })).toBeNull();
  });

  it("refuses after the closing date, with the date in words", () => {
    expect(submissionRefusal({ status: "DRAFT", now: new Date("2027-01-01T00:00:00Z"), closesAt, criteria: allMet })).toMatch(/close depuis le 31 décembre 2026/);
  });

  it("says which criteria are missing, in the label's order", () => {
    const message = submissionRefusal({ status: "DRAFT", now, closesAt, criteria: { ...allMet, plan: false, dues: false } });
    expect(message).toMatch(/« Plan d’action », « Cotisation » ne sont plus remplis \(la facture de cotisation doit au moins être émise\)/);
    expect(missingCriteria({ ...allMet, champion: false })).toEqual(["champion"]);
  });

  it("refuses a file already submitted, approved or rejected, whatever its criteria", () => {
    expect(submissionRefusal({ status: "SUBMITTED", now, closesAt, criteria: allMet })).toMatch(/déjà déposée/);
    expect(submissionRefusal({ status: "APPROVED", now, closesAt, criteria: allMet })).toMatch(/déjà été acceptée/);
    expect(submissionRefusal({ status: "REJECTED", now: new Date("2027-06-01"), closesAt, criteria: allMet })).toMatch(/définitive/);
  });

  it("counts the dues once the invoice is issued: the label waits for the payment", () => {
    expect(duesAllowSubmission({ met: false, invoiced: true })).toBe(true);
    expect(duesAllowSubmission({ met: true, invoiced: true })).toBe(true);
    expect(duesAllowSubmission({ met: false, invoiced: false })).toBe(false);
  });
});
