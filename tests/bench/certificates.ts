// npm run bench:certificates — issuing 1,000 certificates through the job handler.
//
// Uses BENCH_DATABASE_URL or DATABASE_URL when set, otherwise an in-memory embedded PGlite.
// Creates 1,000 labelled communes (approved candidacy + label, written directly), sends one
// `certificate.issue` job per label in transactions as the award does, and lets a pg-boss worker
// with the application's job definition issue them one at a time. Prints p50/p95 per certificate
// of render + sign + store, and the total from the first job sent to the last certificate
// stored. Targets: p95 < 100 ms, 1,000 in < 60 s.
import os from "node:os";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { issueCertificate, observeIssueTimings } from "@/lib/certificates/issue";
import { scheduleCertificateIssue } from "@/lib/certificates/jobs";
import { JOB_HANDLERS, type JobDefinition } from "@/lib/jobs/registry";
import { startWorkers } from "@/lib/jobs/worker";
import { signingIdentity } from "@/lib/certificates/signing";

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000);
const TARGET_P95_MS = 100;
const TARGET_TOTAL_S = 60;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const externalUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const embedded = externalUrl ? null : await startEmbeddedPostgres();
  const url = externalUrl ?? embedded!.url;
  await applyMigrations(url);
  const db = createPrismaClient(url, { max: 4 });
  try {
    const tag = Date.now().toString(36).slice(-4).toUpperCase();
    await db.region.upsert({ where: { code: "93" }, update: {}, create: { code: "93", name: "Provence-Alpes-Côte d'Azur" } });
    await db.department.upsert({ where: { code: "13" }, update: {}, create: { code: "13", name: "Bouches-du-Rhône", regionCode: "93" } });
    // A year of its own (rounds are one per year), far from the real ones.
    const taken = new Set((await db.round.findMany({ select: { year: true } })).map((row) => row.year));
    const year = [...Array(60).keys()].map((index) => 2099 - index).find((candidate) => !taken.has(candidate))!;
    const round = await db.round.create({
      data: { year, name: `Campagne d'essai ${year}`, status: "CLOSED", opensAt: new Date(`${year}-03-01T00:00:00Z`), closesAt: new Date(`${year}-12-31T22:59:59Z`), labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`) },
    });
    // INSEE-shaped codes of Corsica's format (2A/2B + 3 digits), made up for the bench.
    const territoryCodes = Array.from({ length: COUNT }, (_, index) => index).map((index) => (index < 1000 ? `2B${String(index).padStart(3, "0")}` : `2A${String(index - 1000).padStart(3, "0")}`));
    const existing = new Set((await db.territory.findMany({ where: { code: { in: territoryCodes } }, select: { code: true } })).map((row) => row.code));
    await db.territory.createMany({
      data: territoryCodes
        .filter((code) => !existing.has(code))
        .map((code, index) => ({ code, kind: "COMMUNE" as const, name: `Commune d'essai ${index + 1}`, searchName: `commune d essai ${index + 1}`, departmentCode: "13", regionCode: "93", population: 1000 + index, postcodes: [], cogYear: 2026 })),
    });
    const freeCodes = (await db.territory.findMany({ where: { code: { in: territoryCodes }, organization: null }, select: { code: true } })).map((row) => row.code);
    if (freeCodes.length < COUNT) throw new Error(`${COUNT - freeCodes.length} territoires d'essai déjà pris : videz la base de banc ou utilisez la base embarquée.`);
    console.log(`Préparation de ${COUNT} communes labellisées (campagne ${year}, lot ${tag})…`);
    const labelIds: string[] = [];
    for (const code of freeCodes.slice(0, COUNT)) {
      const organization = await db.organization.create({ data: { territoryCode: code, name: `Commune ${code}`, status: "ACTIVE", validatedAt: new Date() }, select: { id: true } });
      const candidacy = await db.candidacy.create({ data: { organizationId: organization.id, roundId: round.id, status: "APPROVED", revision: 1, submittedAt: new Date() }, select: { id: true } });
      const label = await db.label.create({ data: { organizationId: organization.id, roundId: round.id, candidacyId: candidacy.id, validUntil: round.labelValidUntil }, select: { id: true } });
      labelIds.push(label.id);
    }

    const identity = await signingIdentity();
    console.log(`Signature : ${identity.demonstration ? "autorité de démonstration" : "certificat configuré"} (${identity.signer.keyType}).`);
    // Warm-up outside the measure: fonts parsed, PKCS#12 decrypted, code compiled.
    await issueCertificate(db, labelIds[0]!);

    // The real job path: a pg-boss worker with the application's certificate.issue definition,
    // the jobs sent in transactions as the award sends them.
    const workers = await startWorkers({
      url,
      db,
      transport: async () => {},
      appUrl: "http://localhost:3000",
      handlers: { "certificate.issue": JOB_HANDLERS["certificate.issue"] } as unknown as Record<string, JobDefinition<never>>,
      outbox: false,
      boss: { pollingIntervalSeconds: 0.5, max: 3 },
    });
    const perCertificate: number[] = [];
    const render: number[] = [];
    const sign: number[] = [];
    const store: number[] = [];
    observeIssueTimings((timings) => {
      perCertificate.push(timings.renderMs + timings.signMs + timings.storeMs);
      render.push(timings.renderMs);
      sign.push(timings.signMs);
      store.push(timings.storeMs);
    });
    const measuredLabels = labelIds.slice(1);
    const started = performance.now();
    // CPU time of this process (render, sign, Prisma; PGlite included when embedded): what a
    // certificate costs whatever else the machine runs, unlike the wall-clock figures.
    const cpuStarted = process.cpuUsage();
    // Sent in small transactions, as awards come one by one (the worker is already taking them).
    for (let index = 0; index < measuredLabels.length; index += 10) {
      await db.$transaction(
        async (tx) => {
          for (const labelId of measuredLabels.slice(index, index + 10)) await scheduleCertificateIssue(tx, labelId);
        },
        { timeout: 30_000 },
      );
    }
    while (perCertificate.length < measuredLabels.length) {
      if (performance.now() - started > 600_000) throw new Error("délai dépassé : les tâches ne se terminent pas");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const totalS = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMsPerCertificate = (cpu.user + cpu.system) / 1000 / measuredLabels.length;
    observeIssueTimings(undefined);
    await workers.stop();
    const issued = await db.certificate.count({ where: { label: { roundId: round.id }, issuedAt: { not: null } } });
    const line = (name: string, values: number[]) => `${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms   max ${Math.max(...values).toFixed(1).padStart(6)} ms`;
    console.log(`\n${issued} certificats délivrés (${labelIds.length - 1} mesurés après un échauffement), base ${embedded ? "PGlite embarquée" : "PostgreSQL"} :`);
    console.log(line("rendu + signature + stockage", perCertificate));
    console.log(line("  rendu (pdf-lib)", render));
    console.log(line("  signature (PAdES B-B)", sign));
    console.log(line("  stockage (transaction)", store));
    console.log(`total : ${totalS.toFixed(1)} s pour ${labelIds.length - 1} certificats (${((labelIds.length - 1) / totalS).toFixed(1)} par seconde)`);
    const p95 = percentile(perCertificate, 95);
    console.log(`temps processeur : ${cpuMsPerCertificate.toFixed(1)} ms par certificat (ce processus${embedded ? ", base embarquée comprise" : ""}) ; charge de la machine : ${os.loadavg()[0]!.toFixed(1)} sur ${os.cpus().length} cœurs`);
    const perThousand = (totalS * 1000) / (labelIds.length - 1);
    console.log(
      `\nobjectifs : p95 < ${TARGET_P95_MS} ms ${p95 < TARGET_P95_MS ? "ATTEINT" : "NON ATTEINT"} ; 1 000 en < ${TARGET_TOTAL_S} s ${perThousand < TARGET_TOTAL_S ? "ATTEINT" : "NON ATTEINT"}` +
        (labelIds.length - 1 === 1000 ? "" : ` (${perThousand.toFixed(1)} s rapportés à 1 000)`),
    );
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
