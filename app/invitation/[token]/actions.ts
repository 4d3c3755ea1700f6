"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/organizations/invitations";
import { invitationTokenSchema } from "@/lib/organizations/schemas";

export async function acceptInvitationAction(input: unknown) {
  const result = await runAction(invitationTokenSchema, input, (data, actor) => acceptInvitation(getDb(), actor, data));
  if (result.ok) revalidatePath("/espace");
  return result;
}
