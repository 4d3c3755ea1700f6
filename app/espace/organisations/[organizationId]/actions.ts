"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { setEpciAccess } from "@/lib/organizations/epci-access";
import { inviteMember, revokeInvitation } from "@/lib/organizations/invitations";
import { changeMemberRole, decideJoinRequest, removeMember } from "@/lib/organizations/members";
import {
  changeRoleSchema,
  decideJoinRequestSchema,
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  setEpciAccessSchema,
} from "@/lib/organizations/schemas";

function refresh<T extends { organizationId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/espace/organisations/${result.data.organizationId}`);
  return result;
}

export async function inviteMemberAction(input: unknown) {
  return refresh(
    await runAction(inviteMemberSchema, input, (data, actor) => inviteMember(getDb(), actor, data), {
      message: "Invitation envoyée.",
    }),
  );
}

export async function revokeInvitationAction(input: unknown) {
  return refresh(await runAction(revokeInvitationSchema, input, (data, actor) => revokeInvitation(getDb(), actor, data)));
}

export async function decideJoinRequestAction(input: unknown) {
  return refresh(await runAction(decideJoinRequestSchema, input, (data, actor) => decideJoinRequest(getDb(), actor, data)));
}

export async function changeMemberRoleAction(input: unknown) {
  return refresh(
    await runAction(changeRoleSchema, input, (data, actor) => changeMemberRole(getDb(), actor, data), { message: "Rôle modifié." }),
  );
}

export async function removeMemberAction(input: unknown) {
  return refresh(await runAction(removeMemberSchema, input, (data, actor) => removeMember(getDb(), actor, data)));
}

export async function setEpciAccessAction(input: unknown) {
  const result = await runAction(setEpciAccessSchema, input, (data, actor) => setEpciAccess(getDb(), actor, data));
  if (!result.ok) return result;
  return refresh({ ...result, message: `Accès de ${result.data.epciName} ${result.data.enabled ? "rouvert" : "coupé"}.` });
}
