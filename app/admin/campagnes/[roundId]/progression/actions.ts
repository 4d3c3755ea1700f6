"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { updateRoundCriteria } from "@/lib/progression/manage";
import { updateRoundCriteriaSchema } from "@/lib/progression/schemas";

/** Saves a round's progression criteria while it is in preparation (round:manage, checked by updateRoundCriteria). */
export async function updateRoundCriteriaAction(input: unknown) {
  const result = await runAction(updateRoundCriteriaSchema, input, async (data, actor) => updateRoundCriteria(getDb(), actor, data), {
    message: "Critères de progression enregistrés. Ils seront figés à l’ouverture de la campagne.",
  });
  if (result.ok) revalidatePath(`/admin/campagnes/${result.data.roundId}/progression`);
  return result;
}
