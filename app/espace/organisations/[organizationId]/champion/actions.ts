"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { designateChampion, endDesignation, resendDesignation } from "@/lib/champion/designation";
import { designateChampionSchema, designationIdSchema } from "@/lib/champion/schemas";
import { getDb } from "@/lib/db/client";

// Each action is one domain call; the organization is the one the domain found from the
// designation (or checked from the form's organizationId), never trusted from the request.
function refresh<T extends { organizationId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath(`/espace/organisations/${result.data.organizationId}/champion`);
    revalidatePath(`/espace/organisations/${result.data.organizationId}`);
  }
  return result;
}

export async function designateChampionAction(input: unknown) {
  return refresh(
    await runAction(designateChampionSchema, input, (data, actor) => designateChampion(getDb(), actor, data), {
      message: "Désignation envoyée : la personne a reçu un courriel pour accepter ou refuser.",
    }),
  );
}

export async function resendDesignationAction(input: unknown) {
  return refresh(
    await runAction(designationIdSchema, input, (data, actor) => resendDesignation(getDb(), actor, data), {
      message: "Un nouveau lien est parti : l’ancien ne fonctionne plus.",
    }),
  );
}

export async function endDesignationAction(input: unknown) {
  return refresh(await runAction(designationIdSchema, input, (data, actor) => endDesignation(getDb(), actor, data)));
}
