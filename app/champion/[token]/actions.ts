"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { respondToDesignation } from "@/lib/champion/designation";
import { respondToDesignationSchema } from "@/lib/champion/schemas";
import { getDb } from "@/lib/db/client";

/** Accept or decline: bound to the token and to the designated address (respondToDesignation checks both). */
export async function respondToDesignationAction(input: unknown) {
  const result = await runAction(respondToDesignationSchema, input, (data, actor) => respondToDesignation(getDb(), actor, data));
  if (result.ok) {
    revalidatePath(`/espace/organisations/${result.data.organizationId}/champion`);
    revalidatePath("/espace");
  }
  return result;
}
