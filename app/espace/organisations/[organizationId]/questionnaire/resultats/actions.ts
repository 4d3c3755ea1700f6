"use server";

import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { getProgressionView } from "@/lib/progression/progression";
import { computeProgressionSchema } from "@/lib/progression/schemas";

/** « Calculer ma progression »: recomputed on the server; refused for another organization (candidacy:read on it). */
export async function computeProgressionAction(input: unknown) {
  return runAction(computeProgressionSchema, input, async (data, actor) => getProgressionView(getDb(), actor, data.organizationId), {
    message: "Progression recalculée avec les dernières réponses et le plan d’action à jour.",
  });
}
