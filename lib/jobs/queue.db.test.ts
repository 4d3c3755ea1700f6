// The job queue on this database (PGlite through its socket server, and PostgreSQL): a job sent
// in a transaction exists only if it commits, is run once across two workers, and a job that
// keeps failing ends failed with its last error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { enqueueJob, UnknownQueueError } from "./enqueue";
import { jobDefinition, type JobDefinition } from "./registry";
import { startWorkers, type RunningWorkers } from "./worker";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url, { max: 4 });
const noMail = async () => {};

const ran: string[] = [];
let failures = 0;
const handlers = {
  "test.record": jobDefinition<{ key: string }>({
    async handler(data) {
      ran.push(data.key);
    },
  }),
  "test.fail": jobDefinition<{ key: string }>({
    retryLimit: 2,
    retryDelay: 1,
    retryBackoff: false,
    async handler() {
      failures += 1;
      throw new Error(`Échec n°${failures}`);
    },
  }),
} as unknown as Record<string, JobDefinition<never>>;

// enqueueJob's names are checked against the registry; the tests' handlers are not in it.
const send = (tx: Parameters<typeof enqueueJob>[0], name: string, data: object, options?: Parameters<typeof enqueueJob>[3]) =>
  enqueueJob(tx, name as never, data as never, options);

let workers: RunningWorkers[] = [];

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("délai dépassé");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const options = { url, db, transport: noMail, appUrl: "http://localhost:3000", handlers, outbox: false as const, boss: { pollingIntervalSeconds: 0.5, max: 2 } };
  workers = [await startWorkers(options), await startWorkers(options)];
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await db.$disconnect();
});

describe("enqueueJob in an application transaction", () => {
  it("keeps the job when the transaction commits and drops it on rollback", async () => {
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "commit@jobs.test" } });
      await send(tx, "test.record", { key: "committed" });
    });
    await expect(
      db.$transaction(async (tx) => {
        await send(tx, "test.record", { key: "rolled-back" });
        throw new Error("annulé");
      }),
    ).rejects.toThrow("annulé");
    await until(() => ran.includes("committed"));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ran.filter((key) => key === "rolled-back")).toEqual([]);
  });

  it("drops a second job with the same singletonKey while the first waits", async () => {
    const later = new Date(Date.now() + 3600_000);
    const first = await db.$transaction((tx) => send(tx, "test.record", { key: "single" }, { singletonKey: "one", startAfter: later }));
    const second = await db.$transaction((tx) => send(tx, "test.record", { key: "single" }, { singletonKey: "one", startAfter: later }));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
  });

  it("refuses a queue no worker created, rather than losing the job", async () => {
    await expect(db.$transaction((tx) => send(tx, "test.unknown", {}))).rejects.toBeInstanceOf(UnknownQueueError);
  });
});

describe("two workers on one queue", () => {
  it("run each of 200 jobs exactly once", async () => {
    ran.length = 0;
    for (let batch = 0; batch < 10; batch += 1) {
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 20; i += 1) await send(tx, "test.record", { key: `job-${batch * 20 + i}` });
      });
    }
    await until(() => ran.filter((key) => key.startsWith("job-")).length >= 200, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const keys = ran.filter((key) => key.startsWith("job-"));
    expect(keys).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
  });

  it("ends a job failing three times as failed, with its last error", async () => {
    const id = await db.$transaction((tx) => send(tx, "test.fail", { key: "doomed" }));
    const boss = workers[0]!.boss;
    await until(async () => (await boss.getJobById("test.fail", id!))?.state === "failed", 45_000);
    const job = await boss.getJobById("test.fail", id!);
    expect(failures).toBe(3);
    expect(job?.retryCount).toBe(2);
    expect(JSON.stringify(job?.output)).toContain("Échec n°3");
  });
});
