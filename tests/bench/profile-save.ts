// npx tsx --conditions=react-server tests/bench/profile-save.ts — in-process profile of one autosave:
// the statements it sends and the time it takes, without HTTP. Needs the bench users
// (run `npm run bench:autosave` once) and BENCH_DATABASE_URL or DATABASE_URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { actorFromSessionToken } from "@/lib/auth/actor";
import { PrismaClient } from "@/lib/db/generated/client";
import { saveAnswer } from "@/lib/questionnaire/answers";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { isApplicable } from "@/lib/questionnaire/size-band";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL!;
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 200);

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: 4 }), log: [{ emit: "event", level: "query" }] });
let statements: string[] = [];
db.$on("query", (event) => statements.push(event.query));

const user = await db.user.findUniqueOrThrow({ where: { email: "secretaire-0@bench.ccd.test" }, select: { id: true } });
const assessment = await db.assessment.findFirstOrThrow({ where: { organization: { memberships: { some: { userId: user.id } } } }, select: { id: true, sizeBand: true, territoryKind: true } });
const session = await db.session.create({ data: { sessionToken: `profile-${Date.now()}`, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
const questions = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).filter((question) => isApplicable(question, assessment));

const timings = { actor: [] as number[], save: [] as number[] };
let actorStatements = 0;
let saveStatements = 0;
for (let n = 0; n < ROUNDS; n++) {
  statements = [];
  let t0 = performance.now();
  const actor = await actorFromSessionToken(db, session.sessionToken);
  timings.actor.push(performance.now() - t0);
  actorStatements = statements.length;
  statements = [];
  const question = questions[n % questions.length]!;
  const option = question.options[Math.floor(n / questions.length) % question.options.length]!;
  t0 = performance.now();
  await saveAnswer(db, actor!, { assessmentId: assessment.id, questionKey: question.key, optionKey: option.key });
  timings.save.push(performance.now() - t0);
  saveStatements = statements.length;
  if (n === ROUNDS - 1) console.log(statements.map((statement) => `  ${statement.slice(0, 160)}`).join("\n"));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(2);
console.log(`\nactor: ${actorStatements} statements, median ${median(timings.actor.slice(20))} ms`);
console.log(`save:  ${saveStatements} statements, median ${median(timings.save.slice(20))} ms`);
await db.session.delete({ where: { id: session.id } });
await db.$disconnect();
