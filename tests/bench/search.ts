// npm run bench:search — latency of the territory search.
//
// Uses BENCH_DATABASE_URL or DATABASE_URL when set (the territories are imported there, which
// is idempotent), otherwise an in-memory embedded PGlite. Runs 1,000 varied searches built
// deterministically from the data, each followed by a trivial `SELECT 1` through the same
// client: the ratio between the two separates the cost of the search from the cost of the
// round trip, which on PGlite includes the wasm engine and the socket server.
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { buildTerritoryRows, loadCogSource, type TerritoryRow } from "@/lib/territories/cog";
import { importTerritories } from "@/lib/territories/import";
import { normalizeSearchText } from "@/lib/territories/normalize";
import { searchTerritories } from "@/lib/territories/search";

const QUERIES = 1_000;
const WARM_UP = 50;
const TARGET_P95_MS = 50;

/** mulberry32: a small seeded generator, so every run asks the same questions. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type BenchQuery = { kind: string; text: string };

/** What people type: names as written, the start of a name, a later word, codes. */
function buildQueries(communes: TerritoryRow[], epci: TerritoryRow[], count: number, seed = 2026): BenchQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const withPostcode = communes.filter((commune) => commune.postcodes.length > 0);
  const makers: [weight: number, make: () => BenchQuery][] = [
    [25, () => ({ kind: "nom complet", text: pick(communes).name })],
    [20, () => {
      const name = pick(communes).name;
      return { kind: "début de nom", text: name.slice(0, 3 + Math.floor(random() * 6)) };
    }],
    [8, () => ({ kind: "2 lettres", text: pick(communes).name.slice(0, 2) })],
    [10, () => {
      const words = normalizeSearchText(pick(communes).name).split(" ");
      const word = words[words.length - 1]!;
      return { kind: "mot du nom", text: word.slice(0, Math.max(2, Math.min(word.length, 3 + Math.floor(random() * 5)))) };
    }],
    [5, () => ({ kind: "nom sans accents", text: normalizeSearchText(pick(communes).name).toUpperCase() })],
    [12, () => ({ kind: "code postal", text: pick(pick(withPostcode).postcodes) })],
    [12, () => ({ kind: "code INSEE", text: pick(communes).code })],
    [5, () => ({ kind: "EPCI", text: pick(epci).name })],
    [3, () => ({ kind: "SIREN", text: pick(epci).code })],
  ];
  const total = makers.reduce((sum, [weight]) => sum + weight, 0);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    let draw = random() * total;
    for (const [weight, make] of makers) {
      draw -= weight;
      if (draw < 0) {
        const query = make();
        // Two-letter fragments such as "L'" carry a single letter: skip, as the form would.
        if (normalizeSearchText(query.text).replace(/ /g, "").length >= 2) queries.push(query);
        break;
      }
    }
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Summary = { p50: number; p95: number; p99: number; max: number };

function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
}

const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function run(db: Db, label: string): Promise<boolean> {
  const report = await importTerritories(db);
  console.log(`Import des territoires : ${(report.ms / 1000).toFixed(1)} s (${report.communes} communes, ${report.epci} EPCI, ${report.searchKeys} clés)`);

  const rows = buildTerritoryRows(await loadCogSource());
  const queries = buildQueries(rows.communes, rows.epci, QUERIES + WARM_UP);

  const search: number[] = [];
  const trivial: number[] = [];
  const byKind = new Map<string, number[]>();
  let empty = 0;
  for (const [index, query] of queries.entries()) {
    const [outcome, searchMs] = await timed(() => searchTerritories(db, query.text));
    const [, trivialMs] = await timed(() => db.$queryRaw`SELECT 1`);
    if (!outcome.ok) throw new Error(`Requête refusée « ${query.text} » : ${outcome.message}`);
    if (index < WARM_UP) continue;
    if (outcome.results.length === 0) empty++;
    search.push(searchMs);
    trivial.push(trivialMs);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), searchMs]);
  }

  const s = summarize(search);
  const t = summarize(trivial);
  console.log(`\n${QUERIES} recherches sur ${label} (après ${WARM_UP} de mise en route), ${empty} sans résultat\n`);
  console.log(`                     p50          p95          p99          max`);
  console.log(`recherche     ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)}`);
  console.log(`SELECT 1      ${ms(t.p50)} ${ms(t.p95)} ${ms(t.p99)} ${ms(t.max)}`);
  console.log(`rapport       ${(s.p50 / t.p50).toFixed(1).padStart(11)}x ${(s.p95 / t.p95).toFixed(1).padStart(11)}x`);
  console.log(`\npar type de requête (p50 / p95 / nombre) :`);
  for (const [kind, samples] of [...byKind].sort()) {
    const summary = summarize(samples);
    console.log(`  ${kind.padEnd(18)} ${ms(summary.p50)} ${ms(summary.p95)} ${String(samples.length).padStart(5)}`);
  }
  const met = s.p95 < TARGET_P95_MS;
  console.log(`\nObjectif p95 < ${TARGET_P95_MS} ms : ${met ? "atteint" : "NON atteint"}.`);
  return met;
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
    const met = await run(db, label);
    if (!met) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

await main();
