// A separate outbox worker process, for the fault test that kills it in the middle of a send.
// Env: DATABASE_URL, SMTP_PORT, LEASE_SECONDS. Prints "ready" once polling.
import { createPrismaClient } from "@/lib/db/create-client";
import { smtpTransport } from "@/lib/notifications/mailer";
import { startOutboxWorker } from "@/lib/notifications/outbox-worker";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
const transport = smtpTransport(`smtp://127.0.0.1:${process.env.SMTP_PORT}`, "test@localhost", "http://localhost:3000", { pool: 1 });
startOutboxWorker({ db, transport, appUrl: "http://localhost:3000", workerId: "child", pollMs: 200, leaseSeconds: Number(process.env.LEASE_SECONDS ?? 3) });
console.log("ready");
