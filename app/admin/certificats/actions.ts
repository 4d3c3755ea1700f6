"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { recordHologram, reissueCertificate, revokeLabel } from "@/lib/certificates/manage";
import { hologramSchema, reissueSchema, revokeSchema } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/client";

export async function revokeCertificateAction(input: unknown) {
  const result = await runAction(revokeSchema, input, (data, actor) => revokeLabel(getDb(), actor, data).then(() => null), {
    message: "Label retiré : la page de vérification dit « révoqué » et la commune est prévenue par courriel.",
  });
  if (result.ok) revalidatePath("/admin/certificats");
  return result;
}

export async function reissueCertificateAction(input: unknown) {
  const result = await runAction(reissueSchema, input, (data, actor) => reissueCertificate(getDb(), actor, data).then(({ serial }) => ({ serial })), {
    message: "Nouveau certificat demandé : il est signé et envoyé à la commune, l'ancien numéro dira « remplacé ».",
  });
  if (result.ok) revalidatePath("/admin/certificats");
  return result;
}

export async function recordHologramAction(input: unknown) {
  const result = await runAction(hologramSchema, input, (data, actor) => recordHologram(getDb(), actor, data), {
    message: "Numéro d'hologramme enregistré : la page de vérification l'affiche.",
  });
  if (result.ok) revalidatePath("/admin/certificats");
  return result;
}
