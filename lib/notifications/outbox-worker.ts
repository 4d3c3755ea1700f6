// The worker that sends the outbox. Each round it claims a batch of due PENDING messages in one
// statement (FOR UPDATE SKIP LOCKED + a lease), so several workers never hold the same message;
// then, outside any transaction, it renders and hands each to SMTP and records the outcome.
// A worker killed mid-send lets its messages go when the lease ends; another sends them.
// SMTP down: the message stays PENDING with its error, retried later with backoff, and ends
// FAILED after MAX attempts (an administrator can retry it from /admin/messages).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { MailTransport } from "./mailer";
import { renderOutboxMessage, UnknownTemplateError } from "./render";

export const OUTBOX_DEFAULTS = {
  batchSize: 20,
  pollMs: 1000,
  leaseSeconds: 120,
  maxAttempts: 8,
};

/** Seconds before attempt n+1 after n failed attempts: 10 s, 20 s, 40 s… at most an hour. */
export function retryDelaySeconds(attempts: number, baseSeconds = 10): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempts - 1));
}

export type OutboxWorkerOptions = {
  db: Db;
  transport: MailTransport;
  appUrl: string;
  workerId?: string;
  batchSize?: number;
  pollMs?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Seconds to wait after `attempts` failures (tests make it short). */
  retryDelay?: (attempts: number) => number;
  /** Messages sent at once by one worker. */
  concurrency?: number;
  log?: (line: string) => void;
  /** Called after each message is handed to SMTP (benchmarks). */
  onSent?: (message: { id: string; createdAt: Date }) => void;
};

type Claimed = { id: string; to: string; template: string; data: unknown; organizationId: string | null; attempts: number; idempotencyKey: string; createdAt: Date };

/** Claims up to `limit` due messages for `workerId`, for `leaseSeconds`. One statement, no transaction left open. */
export async function claimOutboxMessages(db: Db, workerId: string, limit: number, leaseSeconds: number): Promise<Claimed[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseSeconds * 1000);
  return db.$queryRawUnsafe<Claimed[]>(
    `UPDATE "OutboxMessage" SET "lockedBy" = $1, "lockedUntil" = $2::timestamp, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
       WHERE "status" = 'PENDING' AND "nextAttemptAt" <= $3::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < $3::timestamp)
       ORDER BY "nextAttemptAt", "createdAt"
       LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     RETURNING "id", "to", "template", "data", "organizationId", "attempts", "idempotencyKey", "createdAt"`,
    workerId,
    until.toISOString().replace("Z", ""),
    now.toISOString().replace("Z", ""),
    limit,
  );
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

async function remindersTurnedOff(db: Db, email: string): Promise<boolean> {
  const preference = await db.emailPreference.findUnique({ where: { email }, select: { remindersEnabled: true } });
  return preference?.remindersEnabled === false;
}

/** Renders and sends one claimed message, and records what happened (only if still ours). */
async function deliver(options: Required<Pick<OutboxWorkerOptions, "db" | "transport" | "appUrl" | "maxAttempts" | "retryDelay">> & OutboxWorkerOptions, workerId: string, message: Claimed) {
  const { db } = options;
  const mine = { id: message.id, lockedBy: workerId, status: "PENDING" as const };
  let subject: string | null = null;
  try {
    const rendered = await renderOutboxMessage(db, message, options.appUrl);
    subject = rendered.subject;
    if (rendered.category === "reminder" && (await remindersTurnedOff(db, message.to))) {
      await db.outboxMessage.updateMany({
        where: mine,
        data: { status: "SKIPPED", subject, lockedBy: null, lockedUntil: null, lastError: "Rappels désactivés par la personne." },
      });
      return;
    }
    await options.transport({
      to: message.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: rendered.headers,
      attachments: rendered.attachments,
      idempotencyKey: message.idempotencyKey,
    });
    await db.outboxMessage.updateMany({ where: mine, data: { status: "SENT", sentAt: new Date(), subject, lockedBy: null, lockedUntil: null } });
    options.onSent?.({ id: message.id, createdAt: message.createdAt });
  } catch (error) {
    const permanent = error instanceof UnknownTemplateError;
    const failed = permanent || message.attempts >= options.maxAttempts;
    await db.outboxMessage.updateMany({
      where: mine,
      data: {
        status: failed ? "FAILED" : "PENDING",
        lastError: describe(error),
        subject,
        lockedBy: null,
        lockedUntil: null,
        nextAttemptAt: new Date(Date.now() + options.retryDelay(message.attempts) * 1000),
      },
    });
    options.log?.(`[outbox] ${message.id} → ${message.to} : ${failed ? "échec définitif" : `nouvel essai plus tard (essai ${message.attempts})`} — ${describe(error)}`);
  }
}

/** One round: claim a batch, send it. Returns how many messages were claimed. */
export async function runOutboxOnce(options: OutboxWorkerOptions & { workerId: string }): Promise<number> {
  const settings = {
    ...options,
    maxAttempts: options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts,
    retryDelay: options.retryDelay ?? ((attempts: number) => retryDelaySeconds(attempts)),
  };
  const claimed = await claimOutboxMessages(
    options.db,
    options.workerId,
    options.batchSize ?? OUTBOX_DEFAULTS.batchSize,
    options.leaseSeconds ?? OUTBOX_DEFAULTS.leaseSeconds,
  );
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
      while (next < claimed.length) await deliver(settings, options.workerId, claimed[next++]!);
    }),
  );
  return claimed.length;
}

export type OutboxWorker = { id: string; stop(): Promise<void>; wake(): void };

/**
 * Starts the sending loop: a full batch is followed at once by the next, otherwise the worker
 * waits `pollMs`. stop() lets the round in progress finish (messages it holds are recorded).
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const workerId = options.workerId ?? `outbox-${randomUUID()}`;
  const batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
  const pollMs = options.pollMs ?? OUTBOX_DEFAULTS.pollMs;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await runOutboxOnce({ ...options, workerId, batchSize });
      } catch (error) {
        options.log?.(`[outbox] lecture de la file impossible : ${describe(error)}`);
      }
      if (stopped) break;
      if (claimed >= batchSize) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  })();
  return {
    id: workerId,
    wake: () => {
      if (timer) clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
}
