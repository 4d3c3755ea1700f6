import { describe, expect, it } from "vitest";
import { candidacySnapshot as snapshot, snapshotAction as action } from "@/tests/support/snapshot";
import { diffRevisions, isEmptyDiff } from "./diff";

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
