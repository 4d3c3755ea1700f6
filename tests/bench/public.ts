// npm run bench:public — throughput of the public pages against a running server (BENCH_URL,
// default http://127.0.0.1:5150; start it with `npm start`). Each target gets BENCH_CLIENTS (20)
// clients requesting back to back for BENCH_SECONDS (20 s), beside a static file of the same
// server for as long: the two alternate in slices of BENCH_SLICE_SECONDS (2 s), so that both
// see the same load on a shared machine and their ratio means something. Prints requests/s,
// p50, p99 and the ratio to the static file, with the targets: the badge and the verification
// page ≥ 0.5 of the static file, home and registry ≥ 0.25.
// The labelled territory and its serial come from /donnees/labellisees.json (BENCH_TERRITORY
// and BENCH_SERIAL override them). When /verifier/<serial> does not answer 200 (the
// verification page belongs to another issue), it says so and measures nothing for it.
import http from "node:http";

const BASE_URL = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:5150");
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const STATIC_PATH = process.env.BENCH_STATIC ?? "/icon.svg";
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 2);

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

type Result = { count: number; errors: number; statuses: Map<number, number>; latencies: number[]; seconds: number };

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: BASE_URL.hostname, port: BASE_URL.port, path, agent, headers: { "accept-encoding": "identity", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const emptyResult = (): Result => ({ count: 0, errors: 0, statuses: new Map(), latencies: [], seconds: 0 });

/** One slice: CLIENTS clients back to back on `path` for `seconds`, added to `result`. */
async function load(result: Result, path: string, seconds: number, headers: Record<string, string> = {}): Promise<void> {
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const response = await get(path, headers);
          result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 400) result.errors++;
        } catch {
          result.errors++;
        }
        result.latencies.push(performance.now() - t0);
        result.count++;
      }
    }),
  );
  result.seconds += (performance.now() - started) / 1000;
}

/** The target and the static file, alternating slice by slice for SECONDS each. */
async function paired(path: string, headers: Record<string, string> = {}): Promise<{ target: Result; reference: Result }> {
  const target = emptyResult();
  const reference = emptyResult();
  for (let done = 0; done < SECONDS; done += SLICE_SECONDS) {
    const slice = Math.min(SLICE_SECONDS, SECONDS - done);
    await load(reference, STATIC_PATH, slice);
    await load(target, path, slice, headers);
  }
  target.latencies.sort((a, b) => a - b);
  reference.latencies.sort((a, b) => a - b);
  return { target, reference };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const rate = (result: Result) => result.count / result.seconds;

async function main() {
  const data = await get("/donnees/labellisees.json");
  if (data.status !== 200) throw new Error(`/donnees/labellisees.json answered ${data.status}: is the server at ${BASE_URL.href} running?`);
  const rows = (JSON.parse(data.body.toString("utf8")) as { territoires: { code: string; numero_certificat: string }[] }).territoires;
  const territory = process.env.BENCH_TERRITORY ?? rows[0]?.code;
  const serial = process.env.BENCH_SERIAL ?? rows.find((row) => row.code === territory)?.numero_certificat ?? "";
  if (!territory) throw new Error("No labelled territory: seed the demo (npm run db:seed) or set BENCH_TERRITORY.");

  const badgePath = `/badge/${territory}.svg`;
  const badge = await get(badgePath);
  const etag = String(badge.headers.etag ?? "");
  const verification = serial ? await get(`/verifier/${serial}`) : null;
  const hasVerification = verification?.status === 200;

  const targets: { name: string; path: string; headers?: Record<string, string>; goal: number | null }[] = [
    { name: "badge SVG", path: badgePath, goal: 0.5 },
    { name: "badge SVG, If-None-Match (304)", path: badgePath, headers: { "if-none-match": etag }, goal: 0.5 },
    ...(hasVerification ? [{ name: "verification page", path: `/verifier/${serial}`, goal: 0.5 }] : []),
    { name: "registry /labellisees", path: "/labellisees", goal: 0.25 },
    { name: `territory page /territoires/${territory}`, path: `/territoires/${territory}`, goal: hasVerification ? null : 0.5 },
    { name: "home /", path: "/", goal: 0.25 },
    // For comparison: the same registry rendered for each request (the search reads the query).
    { name: "registry search (rendered per request)", path: "/labellisees/recherche?departement=13", goal: null },
  ];

  console.log(`bench:public — ${BASE_URL.origin}, ${CLIENTS} clients × ${SECONDS} s per target, territory ${territory}${serial ? `, serial ${serial}` : ""}`);
  if (!hasVerification) {
    console.log(`  /verifier/${serial || "<serial>"} answered ${verification?.status ?? "nothing"}: the verification page is not in this build; the territory page is measured in its place (goal 0.5).`);
  }
  // Warm every target once (first visits render and fill the caches).
  for (const target of [{ path: STATIC_PATH }, ...targets]) await get(target.path);

  const line = (name: string, result: Result, reference: Result | null, goal: number | null) => {
    const ratio = reference ? rate(result) / rate(reference) : null;
    const statuses = [...result.statuses].map(([status, count]) => `${status}×${count}`).join(" ");
    const verdict = goal === null || ratio === null ? "" : ratio >= goal ? `≥ ${goal} ✓` : `< ${goal} ✗`;
    console.log(
      `${name.padEnd(44)} ${rate(result).toFixed(0).padStart(7)} req/s  p50 ${percentile(result.latencies, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(result.latencies, 99).toFixed(1).padStart(6)} ms  ${ratio === null ? "" : `ratio ${ratio.toFixed(2)} `}${verdict.padEnd(7)} [${statuses}${result.errors ? `, ${result.errors} errors` : ""}]`,
    );
    return goal === null || ratio === null || ratio >= goal;
  };
  console.log("");
  let ok = true;
  for (const target of targets) {
    const { target: result, reference } = await paired(target.path, target.headers);
    line(`  static file ${STATIC_PATH}, same slices`, reference, null, null);
    ok = line(target.name, result, reference, target.goal) && ok;
  }
  console.log(`\n${ok ? "All targets met." : "Some targets missed."}`);
  agent.destroy();
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  agent.destroy();
  process.exit(1);
});
