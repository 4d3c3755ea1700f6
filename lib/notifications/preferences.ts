// What a person accepts to receive. Only reminders can be turned off; decisions, notices and
// legal documents are always sent (see the categories in templates.ts).
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";

export async function remindersEnabledFor(db: Db, email: string): Promise<boolean> {
  const preference = await db.emailPreference.findUnique({ where: { email: email.toLowerCase() }, select: { remindersEnabled: true } });
  return preference?.remindersEnabled ?? true;
}

/** The signed-in person's own preference: the address is theirs, never taken from the request. */
export async function setRemindersEnabled(db: Db, actor: { email: string; userId?: string }, enabled: boolean): Promise<{ remindersEnabled: boolean }> {
  const email = actor.email.toLowerCase();
  return db.$transaction(async (tx) => {
    await tx.emailPreference.upsert({ where: { email }, update: { remindersEnabled: enabled }, create: { email, remindersEnabled: enabled } });
    if (actor.userId) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: enabled ? "preferences.reminders_on" : "preferences.reminders_off",
        targetType: "User",
        targetId: actor.userId,
      });
    }
    return { remindersEnabled: enabled };
  });
}
