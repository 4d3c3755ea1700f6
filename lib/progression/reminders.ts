// Renewal reminders: every day the job (jobs registry: "progression.renewal_reminders") looks for
// labels reaching 3 months or 1 month before their end, and queues one e-mail per mayor and
// secretary of the organization, saying what the renewal needs. Exactly once per label and date,
// whatever the number of workers: each label is handled in its own transaction that locks the
// label row first, and the outbox's idempotency key (label, reminder, address) refuses a second
// message; the audit event is written only by the transaction that queued the messages.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { queueEmail } from "@/lib/notifications/outbox";
import { findOpenRound } from "@/lib/rounds/open-round";
import { criteriaOfRound, criteriaSummary } from "./criteria";
import { dueReminder, REMINDER_MONTHS } from "./reminder-dates";

const reminderKey = (labelId: string, kind: string) => `label.renewal_reminder:${labelId}:${kind}`;

export type ReminderRun = { labels: number; queued: number; messages: number };

export async function queueRenewalReminders(db: Db, now = new Date()): Promise<ReminderRun> {
  // Labels ending in the next 3 months and a few days (the rule itself is dueReminder).
  const horizon = new Date(now.getTime() + (REMINDER_MONTHS["3-months"] * 31 + 2) * 24 * 3600_000);
  const labels = await db.label.findMany({
    where: { revokedAt: null, validUntil: { gt: now, lte: horizon } },
    select: { id: true, organizationId: true, validUntil: true, round: { select: { year: true } }, organization: { select: { name: true, status: true } } },
    orderBy: { validUntil: "asc" },
  });
  const open = await findOpenRound(db);
  const openRound = open ? await db.round.findUnique({ where: { id: open.id }, select: { year: true, progressionCriteria: true, minPlanActions: true, minPlanCriteria: true } }) : null;
  const rule = openRound ? criteriaOfRound(openRound.progressionCriteria).criteria : null;
  const summary = openRound && rule ? criteriaSummary(rule, { minActions: openRound.minPlanActions, minCriteria: openRound.minPlanCriteria }) : null;

  const run: ReminderRun = { labels: labels.length, queued: 0, messages: 0 };
  for (const label of labels) {
    const due = dueReminder(label.validUntil, now);
    if (!due || label.organization.status !== "ACTIVE") continue;
    const messages = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Label" WHERE "id" = ${label.id} FOR UPDATE`;
      const key = reminderKey(label.id, due.kind);
      if (await tx.outboxMessage.findFirst({ where: { idempotencyKey: { startsWith: `${key}:` } }, select: { id: true } })) return 0;
      // Renewed already (a label of a later round), or the renewal is filed: nothing to remind.
      const renewed = await tx.label.findFirst({ where: { organizationId: label.organizationId, round: { year: { gt: label.round.year } } }, select: { id: true } });
      const filed = open
        ? await tx.candidacy.findFirst({ where: { organizationId: label.organizationId, roundId: open.id, status: { in: ["SUBMITTED", "APPROVED"] } }, select: { id: true } })
        : null;
      if (renewed || filed) return 0;
      const recipients = await tx.membership.findMany({
        where: { organizationId: label.organizationId, role: { in: ["MAYOR", "SECRETARY"] }, user: { disabledAt: null } },
        select: { user: { select: { email: true } } },
      });
      const emails = [...new Set(recipients.map((recipient) => recipient.user.email.toLowerCase()))].sort();
      for (const to of emails) {
        await queueEmail(tx, {
          to,
          template: "progression.renewal_reminder",
          idempotencyKey: `${key}:${to}`,
          organizationId: label.organizationId,
          data: {
            organizationId: label.organizationId,
            organizationName: label.organization.name,
            labelYear: label.round.year,
            validUntil: label.validUntil.toISOString(),
            kind: due.kind,
            roundYear: openRound && openRound.year > label.round.year ? openRound.year : null,
            criteria: openRound && openRound.year > label.round.year && summary ? summary.items.map(({ title, weight, sentence }) => ({ title, weight, sentence })) : [],
            passingScore: openRound && openRound.year > label.round.year && rule ? rule.passingScore : null,
          },
        });
      }
      if (emails.length > 0) {
        await recordAudit(tx, {
          actorId: null,
          organizationId: label.organizationId,
          action: "progression.renewal_reminder_queued",
          targetType: "Label",
          targetId: label.id,
          data: { kind: due.kind, day: due.day, recipients: emails.length },
        });
      }
      return emails.length;
    });
    if (messages > 0) {
      run.queued += 1;
      run.messages += messages;
    }
  }
  return run;
}
