"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { attachmentIdSchema, attachmentSchema, candidacyNoteSchema, organizationIdSchema, submitCandidacySchema } from "@/lib/candidacy/schemas";
import { addCandidacyAttachment, askMayorToSubmit, removeCandidacyAttachment, saveCandidacyNote, submitCandidacy, withdrawCandidacy } from "@/lib/candidacy/submission";
import { getDb } from "@/lib/db/client";

// One domain call each; the organization is checked by the domain on the candidacy it touches.
function refresh<T extends { organizationId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath(`/espace/organisations/${result.data.organizationId}/candidature`);
    revalidatePath(`/espace/organisations/${result.data.organizationId}`);
  }
  return result;
}

export async function saveCandidacyNoteAction(input: unknown) {
  return refresh(await runAction(candidacyNoteSchema, input, (data, actor) => saveCandidacyNote(getDb(), actor, data), { message: "Votre mot à l’association est enregistré." }));
}

/** Multipart form: organizationId, label, file; the type is read from the bytes. */
export async function addCandidacyAttachmentAction(input: FormData) {
  return refresh(
    await runAction(
      attachmentSchema,
      input,
      async (data, actor) => addCandidacyAttachment(getDb(), actor, { organizationId: data.organizationId, label: data.label, name: data.file.name, bytes: new Uint8Array(await data.file.arrayBuffer()) }),
      { message: "La pièce est jointe au dossier." },
    ),
  );
}

export async function removeCandidacyAttachmentAction(input: unknown) {
  return refresh(await runAction(attachmentIdSchema, input, (data, actor) => removeCandidacyAttachment(getDb(), actor, data), { message: "La pièce est retirée du dossier." }));
}

export async function askMayorToSubmitAction(input: unknown) {
  return refresh(
    await runAction(organizationIdSchema, input, (data, actor) => askMayorToSubmit(getDb(), actor, data), { message: "Le maire a reçu un courriel lui demandant de déposer la candidature." }),
  );
}

export async function submitCandidacyAction(input: unknown) {
  return refresh(
    await runAction(submitCandidacySchema, input, (data, actor) => submitCandidacy(getDb(), actor, { organizationId: data.organizationId }), {
      message: "La candidature est déposée : l’association va l’examiner. Vous recevrez sa décision par courriel.",
    }),
  );
}

export async function withdrawCandidacyAction(input: unknown) {
  return refresh(await runAction(organizationIdSchema, input, (data, actor) => withdrawCandidacy(getDb(), actor, data), { message: "La candidature est retirée : vous pouvez compléter le dossier puis la déposer de nouveau." }));
}
