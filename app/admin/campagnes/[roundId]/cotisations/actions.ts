"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { saveTiersSchema } from "@/lib/dues/schemas";
import { saveTiers } from "@/lib/dues/tiers-admin";

export async function saveTiersAction(input: unknown) {
  const result = await runAction(saveTiersSchema, input, (data, actor) =>
    saveTiers(getDb(), actor, { roundId: data.roundId, tiers: data.tiers.map((tier) => ({ ...tier, amount: String(tier.amount / 100), maxPopulation: tier.maxPopulation ?? "" })) }),
  );
  if (result.ok) revalidatePath(`/admin/campagnes/${result.data.roundId}/cotisations`);
  return result;
}
