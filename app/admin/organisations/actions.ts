"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { decideOrganizationSchema, reopenOrganizationSchema } from "@/lib/organizations/schemas";
import { decideOrganization, reopenOrganization } from "@/lib/organizations/validation";

export async function decideOrganizationAction(input: unknown) {
  const result = await runAction(decideOrganizationSchema, input, (data, actor) => decideOrganization(getDb(), actor, data));
  if (result.ok) revalidatePath("/admin/organisations");
  return result;
}

export async function reopenOrganizationAction(input: unknown) {
  const result = await runAction(reopenOrganizationSchema, input, (data, actor) => reopenOrganization(getDb(), actor, data), {
    message: "Territoire rouvert : la prochaine demande d’adhésion repartira de zéro.",
  });
  if (result.ok) revalidatePath("/admin/organisations");
  return result;
}
