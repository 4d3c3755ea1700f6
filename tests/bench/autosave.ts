// npm run bench:autosave — latency of the questionnaire's autosave under 20 people at once.
//
// Against a running server (BENCH_URL, default http://127.0.0.1:3100: the e2e stack, or
// `npm start`) and its database (BENCH_DATABASE_URL, else DATABASE_URL, else the e2e stack's
// embedded one). Prepares BENCH_USERS people, each secretary of their own commune with an
// assessment on the open round, signed in by a Session row written directly; then each saves
// answers one after the other for BENCH_SECONDS through POST /api/questionnaire/answers (the
// same schema and domain function as the page's server action). The same load then hits a
// trivial route of the same server (GET /api/territories with a fixed code), so the figures
// separate the cost of a save from the cost of a request. BENCH_PAUSE_MS adds a pause between
// one person's requests: without it (the default) the load is as heavy as the server allows.
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { isApplicable, sizeBandFor } from "@/lib/questionnaire/size-band";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3100";
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54339/postgres";
const USERS = Number(process.env.BENCH_USERS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const COOKIE = process.env.BENCH_COOKIE ?? (BASE_URL.startsWith("https:") ? "__Secure-ccd.session-token" : "ccd.session-token");
/** Pause after each request, per person (a person answers one question every few seconds); 0: back to back. */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 0);
const TARGET_P99_MS = 50;
const EMAIL_DOMAIN = "bench.ccd.test";

type BenchUser = { token: string; assessmentId: string; questions: { key: string; options: string[] }[] };

/** 20 communes nobody acts for, each with its bench secretary, a session and a started assessment. Reused across runs. */
async function prepare(db: Db): Promise<BenchUser[]> {
  const round = await db.round.findFirst({
    where: { status: "OPEN", questionnaireVersion: { status: "PUBLISHED" } },
    orderBy: { year: "desc" },
    select: { id: true, questionnaireVersionId: true },
  });
  if (!round?.questionnaireVersionId) throw new Error("Aucune campagne ouverte avec un questionnaire publié : lancez le seed de démonstration (npm run db:seed).");

  const users: BenchUser[] = [];
  for (let index = 0; index < USERS; index++) {
    const email = `secretaire-${index}@${EMAIL_DOMAIN}`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Banc d'essai ${index}`, emailVerified: new Date() } });
    let membership = await db.membership.findFirst({ where: { userId: user.id }, select: { organizationId: true } });
    if (!membership) {
      const territory = await db.territory.findFirst({
        where: { kind: "COMMUNE", organization: null, population: { lt: 1000 } },
        orderBy: { code: "desc" },
        select: { code: true, name: true },
      });
      if (!territory) throw new Error("Plus de commune libre pour le banc d'essai : importez les territoires.");
      const organization = await db.organization.create({
        data: { territoryCode: territory.code, name: `${territory.name} (banc d'essai)`, status: "ACTIVE", validatedAt: new Date() },
      });
      await db.membership.create({ data: { userId: user.id, organizationId: organization.id, role: "SECRETARY", title: "Banc d'essai" } });
      membership = { organizationId: organization.id };
    }
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: membership.organizationId },
      select: { territory: { select: { kind: true, population: true } } },
    });
    const context = { sizeBand: sizeBandFor(organization.territory.population), territoryKind: organization.territory.kind };
    const assessment = await db.assessment.upsert({
      where: { organizationId_roundId: { organizationId: membership.organizationId, roundId: round.id } },
      update: {},
      create: { organizationId: membership.organizationId, roundId: round.id, versionId: round.questionnaireVersionId, ...context },
    });
    const token = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
    const questions = QUESTIONNAIRE_2026.themes
      .flatMap((theme) => theme.questions)
      .filter((question) => isApplicable(question, { sizeBand: assessment.sizeBand, territoryKind: assessment.territoryKind }))
      .map((question) => ({ key: question.key, options: question.options.map((option) => option.key) }));
    users.push({ token, assessmentId: assessment.id, questions });
  }
  return users;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Result = { label: string; samples: number[]; errors: number; seconds: number; firstError?: string };

/** Every user sends one request after the other for `seconds`; returns each request's latency. */
async function load(label: string, users: BenchUser[], seconds: number, request: (user: BenchUser, n: number) => Promise<Response>): Promise<Result> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      // People do not click in step: spread the starts and the pauses.
      if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * PAUSE_MS));
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        try {
          const response = await request(user, n);
          const text = await response.text();
          if (!response.ok) {
            errors++;
            firstError ??= `HTTP ${response.status} ${text.slice(0, 200)}`;
            continue;
          }
          samples.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
        if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS * (0.5 + Math.random())));
      }
    }),
  );
  return { label, samples, errors, seconds: (performance.now() - started) / 1000, firstError };
}

function line(result: Result) {
  const sorted = [...result.samples].sort((a, b) => a - b);
  const f = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  const throughput = (result.samples.length / result.seconds).toFixed(0).padStart(6);
  return `${result.label.padEnd(34)} ${f(percentile(sorted, 50))} ${f(percentile(sorted, 99))} ${f(sorted[sorted.length - 1] ?? Number.NaN)} ${throughput} req/s ${String(result.samples.length).padStart(7)} ${String(result.errors).padStart(6)}`;
}

async function main() {
  const db = createPrismaClient(DATABASE_URL);
  try {
    const health = await fetch(`${BASE_URL}/`).catch(() => null);
    if (!health) throw new Error(`Aucun serveur sur ${BASE_URL} : démarrez-en un (npm start, ou la pile e2e) ou indiquez BENCH_URL.`);
    const users = await prepare(db);
    console.log(`${USERS} personnes, ${SECONDS} s par mesure, ${PAUSE_MS > 0 ? `${PAUSE_MS} ms de pause entre deux requêtes` : "sans pause"}, contre ${BASE_URL}\n`);

    const save = (user: BenchUser, n: number) => {
      const question = user.questions[n % user.questions.length]!;
      // Alternate between options, so each save changes the answer and writes a new revision.
      const optionKey = question.options[Math.floor(n / user.questions.length) % question.options.length]!;
      return fetch(`${BASE_URL}/api/questionnaire/answers`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `${COOKIE}=${user.token}` },
        body: JSON.stringify({ assessmentId: user.assessmentId, questionKey: question.key, optionKey }),
      });
    };
    const trivial = (user: BenchUser) => fetch(`${BASE_URL}/api/territories?q=13090`, { headers: { cookie: `${COOKIE}=${user.token}` } });

    // Warm-up: compiled routes, connection pool, caches.
    await load("mise en route", users, 2, save);
    await load("mise en route", users, 1, trivial);
    const results = [await load("POST /api/questionnaire/answers", users, SECONDS, save), await load("GET /api/territories?q=13090", users, SECONDS, trivial)];

    console.log(`${"".padEnd(34)} ${"p50".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)} ${"débit".padStart(10)} ${"req.".padStart(7)} ${"erreurs".padStart(6)}`);
    for (const result of results) console.log(line(result));
    for (const result of results) if (result.firstError) console.log(`\nPremière erreur (${result.label}) : ${result.firstError}`);

    const p99 = percentile([...results[0]!.samples].sort((a, b) => a - b), 99);
    const ok = p99 < TARGET_P99_MS && results[0]!.errors === 0;
    console.log(`\nObjectif : p99 de l'enregistrement < ${TARGET_P99_MS} ms — ${ok ? "atteint" : "NON atteint"} (${p99.toFixed(1)} ms).`);
    await db.session.deleteMany({ where: { user: { email: { endsWith: `@${EMAIL_DOMAIN}` } } } });
    process.exitCode = ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

await main();
