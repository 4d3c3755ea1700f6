// Labels of the queue's filters, shared by the page and the schema (browser-safe).
import type { CandidacyStatus } from "@/lib/db/generated/enums";

/** A draft is never in the queue: reviewers see nothing of a file before it is submitted. */
export const CANDIDACY_STATUSES_IN_QUEUE = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED", "WITHDRAWN"] as const satisfies readonly CandidacyStatus[];

export const QUEUE_PAGE_SIZE = 25;

export const WAITING_LABELS = { "moins-7": "moins de 7 jours", "7-14": "de 7 à 14 jours", "plus-14": "plus de 14 jours" } as const;
