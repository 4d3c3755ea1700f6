// The label-award rule alone: the round's label is held once the candidacy is approved AND the
// dues are paid, whichever came first; never twice.
import type { CandidacyStatus } from "@/lib/db/generated/enums";

export type LabelFacts = { labelExists: boolean; candidacyStatus: CandidacyStatus | null; duesPaid: boolean };

export function shouldAwardLabel(facts: LabelFacts): boolean {
  return !facts.labelExists && facts.candidacyStatus === "APPROVED" && facts.duesPaid;
}
