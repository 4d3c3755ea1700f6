import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { candidacyEmails } from "@/lib/candidacy/emails";
import { reviewEmails } from "./emails";

const context = { db: {} as Db, appUrl: "https://label.example" };
const base = { organizationId: "org1", organizationName: "Rognes", year: 2026, reviewer: "Anne Leroy" };

describe("the candidacy and review e-mails", () => {
  it("give the comments on a return, the reason on a rejection, and the link to act", async () => {
    const returned = await reviewEmails["review.returned"].render({ ...base, comments: [{ criterion: "Plan d’action", comment: "Ajoutez une action sur les sauvegardes." }] }, context);
    expect(returned.subject).toContain("des compléments sont demandés");
    expect(returned.text).toContain("- Plan d’action : Ajoutez une action sur les sauvegardes.");
    expect(returned.text).toContain("https://label.example/espace/organisations/org1/candidature");
    const rejected = await reviewEmails["review.rejected"].render({ ...base, reason: "Plan absent." }, context);
    expect(rejected.text).toContain("Plan absent.");
    expect((await reviewEmails["review.approved"].render({ ...base, labelled: false }, context)).text).toContain("dès que la cotisation de l’année sera réglée");
    expect((await reviewEmails["review.approved_correspondent"].render({ organizationId: "org1", organizationName: "Rognes", year: 2026, departmentName: "Bouches-du-Rhône" }, context)).text).toContain("remise du label");
    const ask = await candidacyEmails["candidacy.ask_mayor"].render({ organizationId: "org1", organizationName: "Rognes", askedBy: "Sophie Martin", year: 2026, closesOn: "31 décembre 2026" }, context);
    expect(ask.text).toContain("Sophie Martin a préparé le dossier");
    expect(ask.text).toContain("avant le 31 décembre 2026");
    expect(reviewEmails["review.returned"].category).toBe("decision");
  });
});
