"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { closeRound, createRound, openRound, retryCarryOver } from "@/lib/rounds/manage";
import { createRoundSchema, roundIdSchema } from "@/lib/rounds/schemas";

/** Next year's round, prepared as a draft (round:manage, checked by createRound). */
export async function createRoundAction(input: unknown) {
  const result = await runAction(createRoundSchema, input, async (data, actor) => createRound(getDb(), actor, data), {
    message: "La campagne est préparée. Ouvrez-la le moment venu.",
  });
  if (result.ok) revalidatePath("/admin/campagnes");
  return result;
}

export async function openRoundAction(input: unknown) {
  const result = await runAction(roundIdSchema, input, async (data, actor) => {
    const opened = await openRound(getDb(), actor, data);
    return { year: opened.year, carryOverFailed: opened.carryOverFailed, carriedOver: opened.carryOver?.carriedOver ?? 0 };
  });
  if (!result.ok) return result;
  revalidatePath("/admin/campagnes");
  const { year, carryOverFailed, carriedOver } = result.data;
  return {
    ...result,
    message: carryOverFailed
      ? `La campagne ${year} est ouverte, mais le report des plans d'action s'est interrompu : cliquez sur « Reporter les plans d'action ».`
      : `La campagne ${year} est ouverte. ${carriedOver} action${carriedOver > 1 ? "s" : ""} en cours ${carriedOver > 1 ? "continuent" : "continue"} dans cette campagne.`,
  };
}

export async function retryCarryOverAction(input: unknown) {
  const result = await runAction(roundIdSchema, input, async (data, actor) => retryCarryOver(getDb(), actor, data));
  if (!result.ok) return result;
  return { ...result, message: `Plans d'action reportés : ${result.data.carriedOver} action(s) de plus, ${result.data.alreadyCarriedOver} l'étaient déjà.` };
}

export async function closeRoundAction(input: unknown) {
  const result = await runAction(roundIdSchema, input, async (data, actor) => closeRound(getDb(), actor, data), {
    message: "La campagne est close : le questionnaire n'accepte plus de réponses.",
  });
  if (result.ok) revalidatePath("/admin/campagnes");
  return result;
}
