"use server";

// The action plan's server actions. Each one is a public POST endpoint: runAction resolves who
// acts and validates the input with the shared schema; the domain function then checks the
// permission on the organization of the action touched (or receiving the new action).
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { toEditableAction } from "@/lib/action-plan/editable";
import { addComment, addEvidenceLink, createAction, createActionFromMeasure, updateAction } from "@/lib/action-plan/actions";
import { addEvidenceFile } from "@/lib/action-plan/evidence-file";
import {
  commentSchema,
  createActionFromMeasureSchema,
  createActionSchema,
  evidenceFileSchema,
  evidenceLinkSchema,
  updateActionSchema,
  type CommentInput,
  type CreateActionFromMeasureInput,
  type CreateActionInput,
  type EvidenceLinkInput,
  type UpdateActionInput,
} from "@/lib/action-plan/schemas";

/** A free action, written by hand. */
export async function createActionAction(input: CreateActionInput) {
  return runAction(createActionSchema, input, async (data, actor) => {
    const action = await createAction(getDb(), actor, data);
    return { actionId: action.id };
  }, { message: "L'action est ajoutée au plan." });
}

/** One click on a recommended measure of the questionnaire results. */
export async function createActionFromMeasureAction(input: CreateActionFromMeasureInput) {
  return runAction(createActionFromMeasureSchema, input, async (data, actor) => {
    const action = await createActionFromMeasure(getDb(), actor, data);
    return { actionId: action.id };
  }, { message: "La mesure est ajoutée au plan." });
}

/** Autosave of one group of fields of an action; fields left out keep their value. */
export async function updateActionAction(input: UpdateActionInput) {
  return runAction(updateActionSchema, input, async (data, actor) => {
    const { action, changed, conflict } = await updateAction(getDb(), actor, data);
    return {
      changed,
      conflict: conflict ? { by: conflict.by, at: conflict.at.toISOString() } : null,
      action: toEditableAction(action),
    };
  });
}

export async function addCommentAction(input: CommentInput) {
  return runAction(commentSchema, input, async (data, actor) => {
    const comment = await addComment(getDb(), actor, data);
    return { commentId: comment.id };
  }, { message: "Votre commentaire est enregistré." });
}

export async function addEvidenceLinkAction(input: EvidenceLinkInput) {
  return runAction(evidenceLinkSchema, input, async (data, actor) => {
    const evidence = await addEvidenceLink(getDb(), actor, data);
    return { evidenceId: evidence.id };
  }, { message: "Le lien est ajouté aux preuves." });
}

/** A file as evidence (multipart form: actionId, label, file); its type is read from its bytes. */
export async function addEvidenceFileAction(input: FormData) {
  return runAction(evidenceFileSchema, input, async (data, actor) => {
    const bytes = new Uint8Array(await data.file.arrayBuffer());
    const evidence = await addEvidenceFile(getDb(), actor, { actionId: data.actionId, label: data.label, name: data.file.name, bytes });
    return { evidenceId: evidence.id };
  }, { message: "Le fichier est ajouté aux preuves." });
}
