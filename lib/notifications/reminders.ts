// Deadline reminders: 30 and 7 days before the open round closes, the secretary and the mayor
// of each active organization whose file is incomplete receive what is missing, with a link.
// Run by a daily pg-boss schedule (lib/notifications/jobs.ts); each (round, reminder,
// organization, person) is one outbox message by its idempotency key, whatever the number of
// workers, runs or restarts.
import { labelCriteriaOf } from "@/lib/candidacy/criteria";
import type { Db } from "@/lib/db/create-client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { queueEmail } from "./outbox";
import { dueReminder, missingSentences, type ReminderDay } from "./reminder-rules";

export type ReminderRun = { reminder: ReminderDay | null; organizations: number; queued: number };

export function reminderKey(roundId: string, reminder: ReminderDay, organizationId: string, email: string): string {
  return `reminder.deadline:${roundId}:${reminder}:${organizationId}:${email}`;
}

export async function queueDeadlineReminders(db: Db, now = new Date()): Promise<ReminderRun> {
  const round = await findOpenRound(db);
  const reminder = round ? dueReminder(round.closesAt, now) : null;
  if (!round || !reminder) return { reminder: null, organizations: 0, queued: 0 };
  const organizations = await db.organization.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  let reminded = 0;
  let queued = 0;
  for (const organization of organizations) {
    const criteria = await labelCriteriaOf(db, organization.id, round);
    if (criteria.allMet) continue;
    const recipients = await db.membership.findMany({
      where: { organizationId: organization.id, role: { in: ["SECRETARY", "MAYOR"] }, user: { disabledAt: null } },
      select: { user: { select: { email: true } } },
    });
    const emails = [...new Set(recipients.map((recipient) => recipient.user.email.toLowerCase()))];
    if (emails.length === 0) continue;
    reminded += 1;
    const missing = missingSentences(criteria);
    // One short transaction per organization: a crash half-way resumes where it stopped.
    const before = await db.outboxMessage.count({ where: { idempotencyKey: { in: emails.map((email) => reminderKey(round.id, reminder, organization.id, email)) } } });
    await db.$transaction(async (tx) => {
      for (const email of emails) {
        await queueEmail(tx, {
          to: email,
          template: "reminder.deadline",
          data: { organizationId: organization.id, organizationName: organization.name, roundName: round.name, closesAt: round.closesAt.toISOString(), daysLeft: reminder, missing },
          idempotencyKey: reminderKey(round.id, reminder, organization.id, email),
          organizationId: organization.id,
        });
      }
    });
    queued += emails.length - before;
  }
  return { reminder, organizations: reminded, queued };
}
