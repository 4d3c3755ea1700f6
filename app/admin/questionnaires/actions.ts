"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { deriveVersionSchema } from "@/lib/questionnaire/schemas";
import { deriveVersion, publishVersion } from "@/lib/questionnaire/versions";

const versionIdSchema = z.object({
  versionId: z.string().trim().min(1).max(64).regex(/^[a-z0-9_-]+$/i, { error: "Identifiant de version invalide." }),
});

/** Publishing freezes the version for good (questionnaire:manage, checked by publishVersion). */
export async function publishVersionAction(input: unknown) {
  const result = await runAction(versionIdSchema, input, async (data, actor) => {
    const version = await publishVersion(getDb(), actor, data.versionId);
    return { id: version.id };
  }, { message: "La version est publiée : elle ne peut plus être modifiée." });
  if (result.ok) revalidatePath("/admin/questionnaires", "layout");
  return result;
}

/** Next year's draft, copied from a published version with the same question keys. */
export async function deriveVersionAction(input: unknown) {
  const result = await runAction(deriveVersionSchema, input, async (data, actor) => {
    const version = await deriveVersion(getDb(), actor, data.fromVersionId, { key: data.key, title: data.title });
    return { id: version.id };
  }, { message: "Le brouillon est créé : relisez-le avant de le publier." });
  if (result.ok) revalidatePath("/admin/questionnaires", "layout");
  return result;
}
