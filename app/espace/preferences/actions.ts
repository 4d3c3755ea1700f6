"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { setRemindersEnabled } from "@/lib/notifications/preferences";
import { remindersPreferenceSchema } from "@/lib/notifications/schemas";

/** The signed-in person's own reminders, on or off (their address comes from the session). */
export async function setRemindersAction(input: unknown) {
  const result = await runAction(remindersPreferenceSchema, input, async (data, actor) =>
    setRemindersEnabled(getDb(), { email: actor.email, userId: actor.userId }, data.remindersEnabled),
  );
  if (!result.ok) return result;
  revalidatePath("/espace/preferences");
  return {
    ...result,
    message: result.data.remindersEnabled
      ? "C’est noté : vous recevrez de nouveau les rappels avant la date limite."
      : "C’est noté : vous ne recevrez plus de rappels. Les décisions et les documents officiels vous seront toujours envoyés.",
  };
}
