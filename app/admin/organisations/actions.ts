"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { decideOrganizationSchema } from "@/lib/organizations/schemas";
import { decideOrganization } from "@/lib/organizations/validation";

export async function decideOrganizationAction(input: unknown) {
  const result = await runAction(decideOrganizationSchema, input, (data, actor) => decideOrganization(getDb(), actor, data));
  if (result.ok) revalidatePath("/admin/organisations");
  return result;
}
