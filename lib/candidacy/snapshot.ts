// What a submitted candidacy holds, frozen in CandidacyRevision.snapshot (a database trigger
// refuses any UPDATE or DELETE of a revision). Reviewers read this, never the live file, which
// keeps evolving. Plain data only (dates as ISO strings): the browser can read it too.
import type { ActionStatus, CandidacyStatus, Priority, SizeBand, TerritoryKind } from "@/lib/db/generated/enums";

export const SNAPSHOT_FORMAT = 1;

export type SnapshotTheme = { key: string; title: string; score: number | null; answered: number; applicable: number; dontKnow: number };

export type SnapshotAnswer = { themeKey: string; questionKey: string; question: string; answer: string | null; dontKnow: boolean; comment: string | null };

export type SnapshotAction = {
  id: string;
  title: string;
  description: string;
  status: ActionStatus;
  priority: Priority;
  progress: number;
  dueOn: string | null;
  owner: string | null;
  criteria: string[];
  completedAt: string | null;
  evidences: { label: string; fileName: string | null; sha256: string | null; url: string | null }[];
};

export type SnapshotFile = { id: string; label: string; fileId: string; name: string; mimeType: string; size: number; sha256: string };

export type CandidacySnapshot = {
  format: typeof SNAPSHOT_FORMAT;
  organization: { id: string; name: string; territoryCode: string; kind: TerritoryKind; population: number; departmentCode: string | null };
  round: { id: string; year: number; name: string };
  questionnaire: {
    met: boolean;
    metBy: "assessment" | "diagonal" | null;
    version: { id: string; key: string; title: string } | null;
    sizeBand: SizeBand | null;
    status: "IN_PROGRESS" | "COMPLETED" | null;
    completedAt: string | null;
    overall: number | null;
    themes: SnapshotTheme[];
    answers: SnapshotAnswer[];
    diagonal: { diagnosedOn: string; fileId: string; fileName: string; sha256: string } | null;
  };
  plan: { met: boolean; actionCount: number; distinctCriteria: number; missing: string[]; actions: SnapshotAction[] };
  champion: { met: boolean; name: string | null; function: string | null; isElected: boolean | null; acceptedAt: string | null };
  dues: { met: boolean; paidAt: string | null; amountCents: number | null; invoiceNumber: string | null };
  note: string;
  attachments: SnapshotFile[];
  submittedBy: { id: string; name: string };
  submittedAt: string;
  /**
   * Renewals: the progression of the action plan since the previous label, computed at
   * submission by the renewal feature (progressionForSnapshot). Null for a first-year file.
   */
  progression: unknown | null;
};

export const CRITERION_KEYS = ["questionnaire", "plan", "champion", "dues"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export const CRITERION_TITLES: Record<CriterionKey, string> = {
  questionnaire: "Questionnaire IMMUNITE CYBER",
  plan: "Plan d’action",
  champion: "Cyber Champion",
  dues: "Cotisation",
};

export const CANDIDACY_STATUS_LABELS: Record<CandidacyStatus, string> = {
  DRAFT: "En préparation",
  SUBMITTED: "Déposée, en attente d’examen",
  RETURNED: "Renvoyée pour compléments",
  APPROVED: "Acceptée",
  REJECTED: "Refusée",
  WITHDRAWN: "Retirée",
};
