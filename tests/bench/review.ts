// npm run bench:review — latency of the reviewers' queue and of opening one review page.
//
// Uses BENCH_DATABASE_URL or DATABASE_URL when set, otherwise an in-memory embedded PGlite.
// Prepares (once, idempotent) the territories, one organization per commune and one submitted
// candidacy per commune for the open round — 34,969 files, with the communes' real spread of
// départements, waiting times from 0 to 60 days, 8 % returned, 4 % approved, 10 % already in
// their second revision — each with a frozen snapshot of realistic size (every answer, a plan).
// Then times, through the domain functions the pages call, the queue's first page, each filter,
// the sort, a deep page, a correspondent's queue and the review page, each followed by a
// trivial `SELECT 1` on the same client.
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { importTerritories, needsTerritoryImport } from "@/lib/territories/import";
import { listReviewQueue } from "@/lib/review/queue";
import { getReviewFile } from "@/lib/review/read";
import { queueFiltersSchema } from "@/lib/review/schemas";
import type { CandidacySnapshot } from "@/lib/candidacy/snapshot";
import { candidacySnapshot, snapshotAction } from "@/tests/support/snapshot";

const RUNS = Number(process.env.BENCH_RUNS ?? 150);
const WARM_UP = 10;
const TARGET_P95_MS = 150;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;

/** A snapshot the size of a real one: 57 answers, nine themes, five actions with evidence. */
function sampleSnapshot(): CandidacySnapshot {
  const themes = ["inventaire", "mots-de-passe", "mises-a-jour", "utilisateurs", "neutralisation", "informatique-libertes", "teletravail", "evaluation", "services"];
  const base = candidacySnapshot();
  return candidacySnapshot({
    organization: { id: "x", name: "Commune", territoryCode: "00000", kind: "COMMUNE", population: 1200, departmentCode: "13" },
    questionnaire: {
      ...base.questionnaire,
      sizeBand: "FROM_1000_TO_3499",
      completedAt: "2026-10-01T08:00:00.000Z",
      overall: 52,
      themes: themes.map((key, index) => ({ key, title: `Thème ${index + 1}`, score: 30 + index * 5, answered: 6, applicable: 6, dontKnow: index % 3 })),
      answers: Array.from({ length: 57 }, (_, index) => ({
        themeKey: themes[index % 9]!,
        questionKey: `q-${index}`,
        question: `La mairie a-t-elle mis en place la mesure numéro ${index} décrite dans le guide des bonnes pratiques ?`,
        answer: index % 4 === 0 ? "Non, pas encore" : "Oui, pour tous les postes",
        dontKnow: index % 11 === 0,
        comment: index % 7 === 0 ? "À vérifier avec le prestataire informatique de la commune." : null,
      })),
    },
    plan: {
      met: true,
      actionCount: 5,
      distinctCriteria: 5,
      missing: [],
      actions: Array.from({ length: 5 }, (_, index) =>
        snapshotAction(`a-${index}`, {
          title: `Action ${index + 1} du plan de cybersécurité de la commune`,
          description: "Faire intervenir le prestataire, former les agents, vérifier chaque trimestre.",
          status: (["DONE", "IN_PROGRESS", "TODO", "TODO", "IN_PROGRESS"] as const)[index]!,
          priority: "HIGH",
          progress: [100, 40, 0, 0, 60][index]!,
          dueOn: "2026-12-15",
          owner: "Secrétariat de mairie",
          criteria: [`q-${index}`],
          completedAt: index === 0 ? "2026-09-01T08:00:00.000Z" : null,
          evidences: index === 0 ? [{ label: "Charte signée", fileName: "charte.pdf", sha256: "a".repeat(64), url: null }] : [],
        }),
      ),
    },
    champion: { met: true, name: "Claire Bernard", function: "Conseillère municipale", isElected: true, acceptedAt: "2026-06-01T08:00:00.000Z" },
    dues: { met: false, paidAt: null, amountCents: 10000, invoiceNumber: "2026-000123" },
    note: "Le conseil municipal a délibéré sur la démarche.",
    submittedAt: "2026-10-02T08:00:00.000Z",
  });
}

async function prepare(db: Db): Promise<{ roundId: string; candidacies: number }> {
  if (await needsTerritoryImport(db)) {
    const report = await importTerritories(db);
    console.log(`Import des territoires : ${(report.ms / 1000).toFixed(1)} s`);
  }
  let round = await db.round.findFirst({ where: { status: "OPEN" }, orderBy: { year: "desc" }, select: { id: true } });
  round ??= await db.round.create({
    data: { year: 2026, name: "Campagne 2026", status: "OPEN", opensAt: new Date("2026-03-01T00:00:00Z"), closesAt: new Date("2026-12-31T22:59:59Z"), labelValidUntil: new Date("2027-12-31T22:59:59Z") },
    select: { id: true },
  });
  const existing = await db.candidacy.count({ where: { roundId: round.id, revision: { gt: 0 } } });
  // What autovacuum does after a bulk load: statistics and the visibility map (index-only counts).
  const vacuum = () => db.$executeRawUnsafe(`VACUUM ANALYZE "Candidacy"`);
  if (existing >= 34_000) {
    await vacuum();
    return { roundId: round.id, candidacies: existing };
  }
  const started = performance.now();
  await db.$executeRaw`
    INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt")
    SELECT 'bench-org-' || code, code, name, 'ACTIVE', now(), now() FROM "Territory" WHERE kind = 'COMMUNE'
    ON CONFLICT ("territoryCode") DO NOTHING`;
  // Deterministic spread from the INSEE code: waiting 0-60 days (more recent files than old ones).
  await db.$executeRaw`
    INSERT INTO "Candidacy" (id, "organizationId", "roundId", status, revision, "submittedAt", "updatedAt", "departmentCode", "regionCode", "territoryKind", "sizeBand")
    SELECT 'bench-cand-' || t.code, o.id, ${round.id},
           (CASE WHEN h % 100 < 8 THEN 'RETURNED' WHEN h % 100 < 12 THEN 'APPROVED' ELSE 'SUBMITTED' END)::"CandidacyStatus",
           CASE WHEN h % 10 = 9 THEN 2 ELSE 1 END,
           now() - make_interval(secs => ((h % 1000) / 1000.0) ^ 1.6 * 60 * 86400),
           now(), t."departmentCode", t."regionCode", t.kind,
           (CASE WHEN t.population < 1000 THEN 'UNDER_1000' WHEN t.population < 3500 THEN 'FROM_1000_TO_3499' WHEN t.population < 10000 THEN 'FROM_3500_TO_9999' ELSE 'FROM_10000' END)::"SizeBand"
    FROM "Territory" t JOIN "Organization" o ON o."territoryCode" = t.code,
         LATERAL (SELECT abs(hashtext(t.code)) AS h) hashed
    WHERE t.kind = 'COMMUNE'
    ON CONFLICT ("organizationId", "roundId") DO NOTHING`;
  const snapshot = JSON.stringify(sampleSnapshot());
  await db.$executeRaw`
    INSERT INTO "CandidacyRevision" (id, "candidacyId", number, snapshot, "submittedAt")
    SELECT c.id || '-r' || n, c.id, n, ${snapshot}::jsonb, c."submittedAt"
    FROM "Candidacy" c, generate_series(1, c.revision) AS n
    WHERE c."roundId" = ${round.id} AND c.id LIKE 'bench-cand-%'
    ON CONFLICT ("candidacyId", number) DO NOTHING`;
  await db.$executeRaw`ANALYZE`;
  await vacuum();
  const candidacies = await db.candidacy.count({ where: { roundId: round.id, revision: { gt: 0 } } });
  console.log(`Préparation : ${candidacies} candidatures déposées et leurs versions en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { roundId: round.id, candidacies };
}

async function reviewerActor(db: Db, role: "REVIEWER" | "DEPARTMENT_CORRESPONDENT", departmentCode = ""): Promise<Actor> {
  const email = `bench.${role.toLowerCase()}@bench.ccd.test`;
  const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Banc ${role}` } });
  await db.associationRoleGrant.upsert({ where: { userId_role_departmentCode: { userId: user.id, role, departmentCode } }, update: {}, create: { userId: user.id, role, departmentCode } });
  return { userId: user.id, email, name: user.name, memberships: [], associationRoles: [{ role, departmentCode }] };
}

async function main() {
  const externalUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const embedded = externalUrl ? null : await startEmbeddedPostgres();
  const url = externalUrl ?? embedded!.url;
  const label = embedded ? "PGlite embarqué (en mémoire)" : url.replace(/\/\/[^@/]*@/, "//");
  console.log(`Base : ${label}`);
  await applyMigrations(url);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const { candidacies } = await prepare(db);
    const reviewer = await reviewerActor(db, "REVIEWER");
    const correspondent = await reviewerActor(db, "DEPARTMENT_CORRESPONDENT", "13");
    const organizations = (await db.candidacy.findMany({ where: { id: { startsWith: "bench-cand-" } }, select: { organizationId: true }, take: 5000 })).map((row) => row.organizationId);
    const q = (raw: Record<string, string>) => queueFiltersSchema.parse(raw);
    const cases: [string, () => Promise<unknown>][] = [
      ["file : 1re page", () => listReviewQueue(db, reviewer, q({}))],
      ["filtre état renvoyé", () => listReviewQueue(db, reviewer, q({ statut: "RETURNED" }))],
      ["filtre tous états", () => listReviewQueue(db, reviewer, q({ statut: "tous" }))],
      ["filtre département 13", () => listReviewQueue(db, reviewer, q({ departement: "13" }))],
      ["filtre région 84", () => listReviewQueue(db, reviewer, q({ region: "84" }))],
      ["filtre type EPCI", () => listReviewQueue(db, reviewer, q({ type: "EPCI" }))],
      ["filtre taille 10 000+", () => listReviewQueue(db, reviewer, q({ taille: "FROM_10000" }))],
      ["filtre attente > 14 j", () => listReviewQueue(db, reviewer, q({ attente: "plus-14" }))],
      ["filtres combinés", () => listReviewQueue(db, reviewer, q({ region: "93", taille: "UNDER_1000", attente: "7-14" }))],
      ["tri récents d'abord", () => listReviewQueue(db, reviewer, q({ tri: "recents" }))],
      ["page 40", () => listReviewQueue(db, reviewer, q({ page: "40" }))],
      ["file du correspondant", () => listReviewQueue(db, correspondent, q({}))],
      ["page d'examen", () => getReviewFile(db, reviewer, organizations[Math.floor(Math.random() * organizations.length)]!)],
    ];
    const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    const trivial: number[] = [];
    for (let run = 0; run < RUNS + WARM_UP; run += 1) {
      for (const [name, work] of cases) {
        const started = performance.now();
        await work();
        const elapsed = performance.now() - started;
        const t0 = performance.now();
        await db.$queryRaw`SELECT 1`;
        const trivialMs = performance.now() - t0;
        if (run < WARM_UP) continue;
        samples.get(name)!.push(elapsed);
        trivial.push(trivialMs);
      }
    }
    console.log(`\n${candidacies} candidatures, ${RUNS} mesures par requête (après ${WARM_UP} de mise en route), sur ${label}\n`);
    console.log(`${"".padEnd(24)}      p50          p95          max`);
    let worst = 0;
    for (const [name, values] of samples) {
      const sorted = [...values].sort((a, b) => a - b);
      worst = Math.max(worst, percentile(sorted, 95));
      console.log(`${name.padEnd(24)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(sorted[sorted.length - 1]!)}`);
    }
    const sortedTrivial = [...trivial].sort((a, b) => a - b);
    console.log(`${"SELECT 1".padEnd(24)} ${ms(percentile(sortedTrivial, 50))} ${ms(percentile(sortedTrivial, 95))} ${ms(sortedTrivial[sortedTrivial.length - 1]!)}`);
    const met = worst < TARGET_P95_MS;
    console.log(`\nObjectif p95 < ${TARGET_P95_MS} ms pour chaque requête : ${met ? "atteint" : "NON atteint"} (pire p95 ${worst.toFixed(1)} ms).`);
    if (!met) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

await main();
