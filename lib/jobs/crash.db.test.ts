// A worker process killed in the middle of a job (SIGKILL, not a mock): pg-boss takes the job
// back when it expires and another worker runs it to the end, once.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { enqueueJob } from "./enqueue";
import { jobDefinition, type JobDefinition } from "./define";
import { startWorkers } from "./worker";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url, { max: 4 });
afterAll(() => db.$disconnect());

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a job whose worker is killed", () => {
  it(
    "is retried after it expires and completes once on another worker",
    async () => {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/job-child.ts"], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
      const finished: string[] = [];
      let survivor: Awaited<ReturnType<typeof startWorkers>> | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
          child.once("exit", () => reject(new Error("le worker enfant s'est arrêté")));
        });
        const id = await db.$transaction((tx) => enqueueJob(tx, "test.slow" as never, { key: "k1" } as never));
        await until(async () => (await db.devMailboxMessage.count({ where: { to: "started:k1" } })) === 1, 30_000, "le job démarre dans l'enfant");
        child.kill("SIGKILL");
        await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once("exit", resolve) : resolve(null)));

        const handlers = {
          "test.slow": jobDefinition<{ key: string }>({
            expireInSeconds: 3,
            retryDelay: 1,
            async handler(data) {
              finished.push(data.key);
            },
          }),
        } as unknown as Record<string, JobDefinition<never>>;
        survivor = await startWorkers({ url, db, transport: async () => {}, appUrl: "http://localhost:3000", handlers, outbox: false, boss: { pollingIntervalSeconds: 0.5, max: 2, schedule: false, maintenanceIntervalSeconds: 1 } });
        const boss = survivor.boss;
        await until(async () => (await boss.getJobById("test.slow", id!))?.state === "completed", 45_000, "le job repris se termine");
        const job = await boss.getJobById("test.slow", id!);
        expect(finished).toEqual(["k1"]);
        expect(job?.retryCount).toBe(1);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        await survivor?.stop();
      }
    },
    120_000,
  );
});
