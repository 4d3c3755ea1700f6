// Schemas shared by the progression's forms and server actions (pure, browser-safe).
import { z } from "zod";
import { idSchema } from "@/lib/validation/id";
import { progressionCriteriaSchema } from "./criteria";

/** « Calculer ma progression »: the organization comes from the page, its permission is checked on the server. */
export const computeProgressionSchema = z.object({ organizationId: idSchema("Identifiant de l'organisation") });

/** The criteria editor of a round in preparation. */
export const updateRoundCriteriaSchema = z.object({
  roundId: idSchema("Identifiant de la campagne"),
  criteria: progressionCriteriaSchema,
});

export type UpdateRoundCriteriaInput = z.input<typeof updateRoundCriteriaSchema>;
