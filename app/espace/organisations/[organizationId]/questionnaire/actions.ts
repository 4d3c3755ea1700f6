"use server";

import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { saveAnswer } from "@/lib/questionnaire/answers";
import { diagonalEvidenceSchema, saveDiagonalEvidence } from "@/lib/questionnaire/diagonal";
import { saveAnswerSchema, type SaveAnswerInput } from "@/lib/questionnaire/schemas";

/** Autosave of one answer; the tenant is the assessment's organization (checked by saveAnswer). */
export async function saveAnswerAction(input: SaveAnswerInput) {
  return runAction(saveAnswerSchema, input, (data, actor) => saveAnswer(getDb(), actor, data));
}

/** The Gendarmerie's Diagonal summary (multipart form: organizationId, diagnosedOn, file). */
export async function saveDiagonalEvidenceAction(input: FormData) {
  return runAction(diagonalEvidenceSchema, input, (data, actor) => saveDiagonalEvidence(getDb(), actor, data), {
    message: "Le diagnostic Diagonal est enregistré.",
  });
}
