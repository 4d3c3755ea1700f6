"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { assignCandidacy, declareConflict, releaseCandidacy, takeCandidacy } from "@/lib/review/assignment";
import { addOpinion, decideCandidacy } from "@/lib/review/decision";
import { assignSchema, candidacyIdSchema, conflictSchema, decisionSchema, opinionSchema } from "@/lib/review/schemas";

// One domain call each; the organization is the candidacy's own, found by the domain.
function refresh<T extends { organizationId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath("/espace/examen");
    revalidatePath(`/espace/examen/${result.data.organizationId}`);
  }
  return result;
}

export async function takeCandidacyAction(input: unknown) {
  return refresh(await runAction(candidacyIdSchema, input, (data, actor) => takeCandidacy(getDb(), actor, data), { message: "Vous avez pris ce dossier : les autres relecteurs le voient." }));
}

export async function releaseCandidacyAction(input: unknown) {
  return refresh(await runAction(candidacyIdSchema, input, (data, actor) => releaseCandidacy(getDb(), actor, data), { message: "Le dossier est rendu à la file d’attente." }));
}

export async function assignCandidacyAction(input: unknown) {
  return refresh(await runAction(assignSchema, input, (data, actor) => assignCandidacy(getDb(), actor, data), { message: "Le dossier est attribué." }));
}

export async function declareConflictAction(input: unknown) {
  return refresh(
    await runAction(conflictSchema, input, (data, actor) => declareConflict(getDb(), actor, data), { message: "Conflit d’intérêts enregistré : les dossiers de cette organisation vous sont masqués." }),
  );
}

export async function decideCandidacyAction(input: unknown) {
  return refresh(await runAction(decisionSchema, input, (data, actor) => decideCandidacy(getDb(), actor, data), { message: "Décision enregistrée : la commune est prévenue par courriel." }));
}

export async function addOpinionAction(input: unknown) {
  return refresh(await runAction(opinionSchema, input, (data, actor) => addOpinion(getDb(), actor, data), { message: "Votre avis est enregistré : les relecteurs le liront." }));
}
