// A worker process killed in the middle of sending (SIGKILL, not a mock): its message stays
// held until the lease ends, then another worker sends it, once.
import { spawn } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { smtpTransport } from "./mailer";
import { queueEmail } from "./outbox";
import { startOutboxWorker } from "./outbox-worker";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
afterAll(() => db.$disconnect());

describe("a worker killed mid-send", () => {
  it(
    "lets the message go when its lease ends; another worker sends it once",
    async () => {
      const accepted: string[] = [];
      let firstRecipientSeen: () => void = () => {};
      const seen = new Promise<void>((resolve) => (firstRecipientSeen = resolve));
      let rcptCalls = 0;
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onRcptTo(address, _session, callback) {
          rcptCalls += 1;
          if (rcptCalls === 1) {
            // The first worker hangs here, in the middle of its send, until it is killed.
            firstRecipientSeen();
            setTimeout(() => callback(new Error("trop tard")), 30_000).unref();
            return;
          }
          callback();
        },
        onData(stream, session, callback) {
          stream.resume();
          stream.on("end", () => {
            accepted.push(session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","));
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
      const port = (server.server.address() as { port: number }).port;

      await db.$transaction((tx) =>
        queueEmail(tx, { to: "crash@outbox.test", template: "organization.validated", data: { organizationName: "Venelles" }, idempotencyKey: "test:crash" }),
      );

      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/outbox-child.ts"], {
        env: { ...process.env, SMTP_PORT: String(port), LEASE_SECONDS: "4" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        await seen;
        const held = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:crash" } });
        expect(held).toMatchObject({ status: "PENDING", lockedBy: "child", attempts: 1 });
        child.kill("SIGKILL");
        await new Promise((resolve) => child.once("exit", resolve));
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }

      const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "test@localhost", "http://localhost:3000", { pool: 1 });
      const survivor = startOutboxWorker({ db, transport, appUrl: "http://localhost:3000", workerId: "survivor", pollMs: 200 });
      try {
        // Not before the lease of the killed worker ends.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(accepted).toEqual([]);
        const start = Date.now();
        while ((await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:crash" } })).status !== "SENT") {
          if (Date.now() - start > 20_000) throw new Error("jamais envoyé");
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(accepted).toEqual(["crash@outbox.test"]);
        expect(await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:crash" } })).toMatchObject({ status: "SENT", attempts: 2, lockedBy: null });
      } finally {
        await survivor.stop();
        transport.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
    90_000,
  );
});
