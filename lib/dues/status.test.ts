import { describe, expect, it } from "vitest";
import { ageingBucket, boardStatus } from "./status";

const now = new Date("2026-06-01T12:00:00Z");
const day = (n: number) => new Date(now.getTime() + n * 24 * 3600_000);

describe("board status", () => {
  it("tells à émettre, émise, partiellement payée, payée, en retard, annulée apart", () => {
    expect(boardStatus(null, now)).toBe("TO_ISSUE");
    expect(boardStatus({ status: "DUE", paidCents: 0, dueAt: day(3) }, now)).toBe("ISSUED");
    expect(boardStatus({ status: "DUE", paidCents: 10, dueAt: day(3) }, now)).toBe("PARTIAL");
    expect(boardStatus({ status: "DUE", paidCents: 10, dueAt: day(-1) }, now)).toBe("OVERDUE");
    expect(boardStatus({ status: "PAID", paidCents: 5000, dueAt: day(-100) }, now)).toBe("PAID");
    expect(boardStatus({ status: "CANCELLED", paidCents: 0, dueAt: day(-1) }, now)).toBe("CANCELLED");
  });

  it("ages overdue dues by 30-day bands", () => {
    expect(ageingBucket(day(-1), now)).toBe("1-30");
    expect(ageingBucket(day(-30), now)).toBe("1-30");
    expect(ageingBucket(day(-31), now)).toBe("31-60");
    expect(ageingBucket(day(-90), now)).toBe("61-90");
    expect(ageingBucket(day(-91), now)).toBe("90+");
  });
});
