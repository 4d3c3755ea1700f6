"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { retryOutboxMessage } from "@/lib/notifications/admin";
import { retryMessageSchema } from "@/lib/notifications/schemas";

/** A failed message goes back to the queue (messages:manage, checked by retryOutboxMessage). */
export async function retryMessageAction(input: unknown) {
  const result = await runAction(retryMessageSchema, input, async (data, actor) => retryOutboxMessage(getDb(), actor, data), {
    message: "Le message est de nouveau en attente : il part dans quelques secondes.",
  });
  if (result.ok) revalidatePath("/admin/messages");
  return result;
}
