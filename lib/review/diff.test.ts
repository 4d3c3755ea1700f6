import { describe, expect, it } from "vitest";
import type { CandidacySnapshot, SnapshotAction } from "@/lib/candidacy/snapshot";
import { diffRevisions, isEmptyDiff } from "./diff";

const action = (id: string, overrides: Partial<SnapshotAction> = {}): SnapshotAction => ({
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
});

function snapshot(overrides: Partial<CandidacySnapshot> = {}): CandidacySnapshot {
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
    plan: { met: true, actionCount: 2, distinctCriteria: 2, missing: [], actions: [action("a"), action("b")] },
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

describe("what changed between two revisions", () => {
  it("is empty for the same file", () => {
    expect(isEmptyDiff(diffRevisions(snapshot(), snapshot()))).toBe(true);
  });

  it("says criterion by criterion what was added, changed or removed", () => {
    const before = snapshot();
    const after = snapshot({
      plan: { ...before.plan, actionCount: 3, actions: [action("a", { status: "DONE", progress: 100 }), action("c", { title: "Sauvegarder" })] },
      champion: { ...before.champion, name: "Paul Martin" },
      questionnaire: { ...before.questionnaire, overall: 55, themes: [{ ...before.questionnaire.themes[0]!, score: 55 }], answers: [{ ...before.questionnaire.answers[0]!, answer: "Oui" }] },
      dues: { ...before.dues, met: true, paidAt: "2026-10-20T00:00:00.000Z" },
      attachments: [{ id: "f", label: "Délibération", fileId: "s", name: "delib.pdf", mimeType: "application/pdf", size: 10, sha256: "ab" }],
      note: "Merci",
    });
    const diff = diffRevisions(before, after);
    expect(diff.plan).toEqual([
      "« Action a » : statut à lancer → fait, avancement 0 % → 100 %.",
      "Action ajoutée : « Sauvegarder » (à lancer).",
      "Action retirée : « Action b ».",
    ]);
    expect(diff.champion).toEqual(["Cyber Champion : Claire Bernard → Paul Martin."]);
    expect(diff.questionnaire).toEqual(["Score global 40 → 55 sur 100.", "Inventaire : 40 → 55 sur 100.", "1 réponse nouvelle ou modifiée."]);
    expect(diff.dues).toEqual(["Cotisation non réglée → réglée."]);
    expect(diff.attachments).toEqual(["Pièce jointe ajoutée : « Délibération » (delib.pdf)."]);
    expect(diff.note).toEqual(["Le mot à l’association a changé."]);
  });
});
