// Schemas shared by the review forms in the browser and the server.
import { z } from "zod";
import { CANDIDACY_STATUSES_IN_QUEUE } from "./queue-filters";
import { idSchema } from "@/lib/validation/id";
import { COMMENT_MAX_LENGTH } from "./rules";

const comment = z.string().max(COMMENT_MAX_LENGTH, { error: `Un commentaire fait ${COMMENT_MAX_LENGTH} caractères au plus.` }).default("");
const met = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((value) => value !== "false")]).default(false);

export const candidacyIdSchema = z.object({ candidacyId: idSchema("Identifiant de la candidature") });

export const decisionSchema = z.object({
  candidacyId: idSchema("Identifiant de la candidature"),
  /** The revision the reviewer read: a newer one makes the decision stale. */
  revision: z.coerce.number({ error: "Version du dossier manquante." }).int().min(1, { error: "Version du dossier invalide." }),
  outcome: z.enum(["APPROVE", "RETURN", "REJECT"], { error: "Choisissez une décision : accepter, renvoyer pour compléments ou refuser." }),
  reason: comment,
  questionnaireMet: met,
  questionnaireComment: comment,
  planMet: met,
  planComment: comment,
  championMet: met,
  championComment: comment,
  duesMet: met,
  duesComment: comment,
});

export const assignSchema = z.object({
  candidacyId: idSchema("Identifiant de la candidature"),
  reviewerId: idSchema("Relecteur"),
});

export const conflictSchema = z.object({
  organizationId: idSchema("Identifiant de la collectivité"),
  reason: z
    .string({ error: "Dites en quelques mots la nature du conflit d’intérêts." })
    .trim()
    .min(3, { error: "Dites en quelques mots la nature du conflit d’intérêts." })
    .max(500, { error: "Le motif fait 500 caractères au plus." }),
});

export const opinionSchema = z.object({
  candidacyId: idSchema("Identifiant de la candidature"),
  body: z
    .string({ error: "Écrivez votre avis." })
    .trim()
    .min(3, { error: "Écrivez votre avis." })
    .max(COMMENT_MAX_LENGTH, { error: `Un avis fait ${COMMENT_MAX_LENGTH} caractères au plus.` }),
});

export const queueFiltersSchema = z.object({
  statut: z.enum(CANDIDACY_STATUSES_IN_QUEUE).or(z.literal("tous")).catch("SUBMITTED"),
  departement: z.string().regex(/^[0-9AB]{2,3}$/).optional().catch(undefined),
  region: z.string().regex(/^[0-9]{2}$/).optional().catch(undefined),
  type: z.enum(["COMMUNE", "EPCI"]).optional().catch(undefined),
  taille: z.enum(["UNDER_1000", "FROM_1000_TO_3499", "FROM_3500_TO_9999", "FROM_10000"]).optional().catch(undefined),
  attente: z.enum(["moins-7", "7-14", "plus-14"]).optional().catch(undefined),
  tri: z.enum(["anciens", "recents"]).catch("anciens"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type DecisionInput = z.input<typeof decisionSchema>;
export type QueueFilters = z.output<typeof queueFiltersSchema>;
