"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { joinTerritory } from "@/lib/organizations/join";
import { joinTerritorySchema } from "@/lib/organizations/schemas";

/** Claims a territory, or asks to join the organization already acting for it. */
export async function joinTerritoryAction(input: unknown) {
  const result = await runAction(joinTerritorySchema, input, (data, actor) => joinTerritory(getDb(), actor, data));
  if (result.ok) revalidatePath("/espace");
  return result;
}
