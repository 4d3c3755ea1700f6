"use server";

import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { saveAnswer } from "@/lib/questionnaire/answers";
import { saveAnswerSchema, type SaveAnswerInput } from "@/lib/questionnaire/schemas";

/** Autosave of one answer; the tenant is the assessment's organization (checked by saveAnswer). */
export async function saveAnswerAction(input: SaveAnswerInput) {
  return runAction(saveAnswerSchema, input, (data, actor) => saveAnswer(getDb(), actor, data));
}
