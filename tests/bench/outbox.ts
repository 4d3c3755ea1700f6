// npm run bench:outbox — how fast the outbox sends: BENCH_COUNT (10,000) messages queued by
// queueEmail (transactions of BENCH_TX messages) while the workers run, to a real local SMTP
// server (smtp-server on 127.0.0.1); prints messages per second and the delay from the commit
// of a message's transaction to SMTP accepting it (p50, p95, max), with one and with two
// workers. On a fresh in-memory embedded database (PGlite) unless BENCH_DATABASE_URL names a
// PostgreSQL (a scratch database: the bench deletes its own messages only).
import { applyMigrations } from "@/lib/db/schema-engine";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { smtpTransport } from "@/lib/notifications/mailer";
import { queueEmail } from "@/lib/notifications/outbox";
import { OUTBOX_DEFAULTS, startOutboxWorker } from "@/lib/notifications/outbox-worker";
import { startSmtpSink, type SunkMessage } from "@/tests/support/smtp-sink";

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const PER_TX = Number(process.env.BENCH_TX ?? 50);
const BATCH = Number(process.env.BENCH_BATCH ?? OUTBOX_DEFAULTS.batchSize);
const APP_URL = "http://localhost:3000";
const DOMAIN = "bench-outbox.ccd.test";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(url: string, workers: number) {
  const received: SunkMessage[] = [];
  const sink = await startSmtpSink(0, received);
  const db = createPrismaClient(url, { max: 4 });
  await db.outboxMessage.deleteMany({ where: { to: { endsWith: `@${DOMAIN}` } } });
  const committedAt = new Map<string, number>();
  const running = Array.from({ length: workers }, (_, index) => {
    const workerDb: Db = createPrismaClient(url, { max: 3 });
    const transport = smtpTransport(sink.url, "bench@localhost", APP_URL, { pool: 4 });
    const worker = startOutboxWorker({ db: workerDb, transport, appUrl: APP_URL, workerId: `bench-${workers}-${index}`, batchSize: BATCH, pollMs: 100, concurrency: 4 });
    return { worker, workerDb, transport };
  });

  const start = Date.now();
  for (let first = 0; first < COUNT; first += PER_TX) {
    const keys: string[] = [];
    await db.$transaction(async (tx) => {
      for (let i = first; i < Math.min(COUNT, first + PER_TX); i += 1) {
        const to = `m${workers}-${i}@${DOMAIN}`;
        keys.push(to);
        await queueEmail(tx, {
          to,
          template: "organization.validated",
          data: { organizationName: `Commune ${i}` },
          idempotencyKey: `bench:${workers}:${start}:${i}`,
        });
      }
    });
    const now = Date.now();
    for (const key of keys) committedAt.set(key, now);
  }
  const queuedIn = Date.now() - start;
  while (received.length < COUNT) {
    if (Date.now() - start > 30 * 60_000) throw new Error(`Seulement ${received.length} messages reçus en 30 minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const elapsed = (Math.max(...received.map((message) => message.receivedAt)) - start) / 1000;
  const delays = received.map((message) => message.receivedAt - committedAt.get(message.to[0]!)!).sort((a, b) => a - b);
  const duplicates = received.length - new Set(received.map((message) => message.to[0])).size;
  for (const { worker, workerDb, transport } of running) {
    await worker.stop();
    transport.close();
    await workerDb.$disconnect();
  }
  await db.outboxMessage.deleteMany({ where: { to: { endsWith: `@${DOMAIN}` } } });
  await db.$disconnect();
  await sink.close();
  return { workers, elapsed, perSecond: COUNT / elapsed, queuedIn, p50: percentile(delays, 50), p95: percentile(delays, 95), max: delays.at(-1)!, duplicates };
}

async function main() {
  const given = process.env.BENCH_DATABASE_URL;
  const embedded = given ? undefined : await startEmbeddedPostgres();
  const url = given ?? embedded!.url;
  if (embedded) await applyMigrations(url);
  console.log(`Outbox : ${COUNT} messages (transactions de ${PER_TX}), lots de ${BATCH} par worker, base ${given ? "PostgreSQL" : "PGlite embarquée"}, SMTP local.`);
  try {
    for (const workers of [1, 2]) {
      const result = await run(url, workers);
      console.log(
        `${workers} worker${workers > 1 ? "s" : ""} : ${result.perSecond.toFixed(0)} messages/s (${result.elapsed.toFixed(1)} s ; mise en file ${(result.queuedIn / 1000).toFixed(1)} s) ; ` +
          `commit → SMTP p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms ; doublons ${result.duplicates}`,
      );
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
