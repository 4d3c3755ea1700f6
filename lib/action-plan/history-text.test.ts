import { describe, expect, it } from "vitest";
import { describeChanges, describeEvent } from "./history-text";

const names = {
  criterion: (key: string) => ({ "inventaire.postes": "Tenez-vous la liste des postes ?" })[key] ?? key,
  member: (userId: string) => (userId === "u1" ? "Claire Martin" : null),
};

describe("describeChanges", () => {
  it("says each change in words, status first", () => {
    expect(
      describeChanges(
        {
          priority: { from: "MEDIUM", to: "HIGH" },
          status: { from: "TODO", to: "IN_PROGRESS" },
          progress: { from: 0, to: 40 },
          dueOn: { from: null, to: "2026-03-31" },
        },
        names,
      ),
    ).toEqual(["Statut : à lancer → en cours", "Avancement : 0 % → 40 %", "Échéance : aucune → 31/03/2026", "Priorité : moyenne → haute"]);
  });

  it("names criteria by their question and the owner by name, one line for the pair", () => {
    expect(
      describeChanges(
        { criteria: { from: ["a.b"], to: ["inventaire.postes"] }, ownerUserId: { from: null, to: "u1" }, ownerName: { from: "Prestataire", to: null } },
        names,
      ),
    ).toEqual(["Critère ajouté : « Tenez-vous la liste des postes ? »", "Critère retiré : « a.b »", "Responsable : Prestataire → Claire Martin"]);
  });

  it("ignores what it cannot read", () => {
    expect(describeChanges(null, names)).toEqual([]);
    expect(describeChanges({ status: "DONE" }, names)).toEqual([]);
  });
});

describe("describeEvent", () => {
  it("tells creation from a measure, evidence and comments apart", () => {
    expect(describeEvent({ kind: "created", changes: { source: "measure", title: "Tenir l'inventaire", criteria: ["inventaire.postes"] } }, names)).toEqual({
      summary: "Action créée à partir d'une mesure recommandée",
      details: ["Titre : « Tenir l'inventaire »", "Critères : « Tenez-vous la liste des postes ? »"],
    });
    expect(describeEvent({ kind: "evidence_added", changes: { label: "Charte signée", file: "charte.pdf" } }, names)).toEqual({
      summary: "Preuve ajoutée",
      details: ["« Charte signée » · fichier charte.pdf"],
    });
    expect(describeEvent({ kind: "comment_added", changes: {} }, names).summary).toBe("Commentaire ajouté");
  });
});
