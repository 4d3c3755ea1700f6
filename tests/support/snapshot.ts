// A candidacy's frozen file (lib/candidacy/snapshot.ts) built by hand, for the tests of what
// reviewers read (lib/review/diff.test.ts) and the review benchmark (tests/bench/review.ts):
// a small, complete file that each caller changes where it matters to it.
import type { CandidacySnapshot, SnapshotAction } from "@/lib/candidacy/snapshot";

export function snapshotAction(id: string, overrides: Partial<SnapshotAction> = {}): SnapshotAction {
  return {
    id,
    title: `Action ${id}`,
    description: "",
    status: "TODO",
    priority: "MEDIUM",
    progress: 0,
    dueOn: null,
    owner: null,
    criteria: ["q1"],
    completedAt: null,
    evidences: [],
    ...overrides,
  };
}

/** Rognes' 2026 file: one theme, one answer, two actions, the Champion, dues not yet paid. */
export function candidacySnapshot(overrides: Partial<CandidacySnapshot> = {}): CandidacySnapshot {
  return {
    format: 1,
    organization: { id: "o", name: "Rognes", territoryCode: "13082", kind: "COMMUNE", population: 4800, departmentCode: "13" },
    round: { id: "r", year: 2026, name: "Campagne 2026" },
    questionnaire: {
      met: true,
      metBy: "assessment",
      version: { id: "v", key: "2026", title: "IMMUNITE CYBER 2026" },
      sizeBand: "FROM_3500_TO_9999",
      status: "COMPLETED",
      completedAt: "2026-10-01T10:00:00.000Z",
      overall: 40,
      themes: [{ key: "inventaire", title: "Inventaire", score: 40, answered: 5, applicable: 5, dontKnow: 0 }],
      answers: [{ themeKey: "inventaire", questionKey: "q1", question: "Q1 ?", answer: "Non", dontKnow: false, comment: null }],
      diagonal: null,
    },
    plan: { met: true, actionCount: 2, distinctCriteria: 2, missing: [], actions: [snapshotAction("a"), snapshotAction("b")] },
    champion: { met: true, name: "Claire Bernard", function: "Adjointe", isElected: true, acceptedAt: "2026-09-01T10:00:00.000Z" },
    dues: { met: false, paidAt: null, amountCents: 20000, invoiceNumber: "2026-0001" },
    note: "",
    attachments: [],
    submittedBy: { id: "u", name: "Maire" },
    submittedAt: "2026-10-02T10:00:00.000Z",
    progression: null,
    ...overrides,
  };
}
