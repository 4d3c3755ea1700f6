// The open-data files over HTTP: bodies kept in the memo with the label list they come from,
// an ETag, 304, and one minute of caching like the badge.
import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/config/env";
import { matchesEtag } from "./badge-http";
import { memoized, PUBLIC_REVALIDATE_SECONDS } from "./cache";
import { memoPublicLabels } from "./cached";
import { openDataCsv, openDataJson, openDataRows, openDataSchema } from "./open-data";

export type OpenDataFile = "csv" | "json" | "schema";

const TYPES: Record<OpenDataFile, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  schema: "application/json; charset=utf-8",
};
const NAMES: Record<OpenDataFile, string> = { csv: "labellisees.csv", json: "labellisees.json", schema: "schema.json" };

async function body(file: OpenDataFile): Promise<{ text: string; etag: string }> {
  const appUrl = env().APP_URL;
  if (file === "schema") {
    const text = JSON.stringify(openDataSchema(appUrl), null, 2);
    return { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"` };
  }
  const labels = await memoPublicLabels();
  // Keyed by the list itself, so a change of label makes a new body.
  return memoized(`open-data:${file}:${createHash("sha256").update(JSON.stringify(labels)).digest("base64url")}`, async () => {
    const rows = openDataRows(labels, appUrl);
    const text = file === "csv" ? openDataCsv(rows) : openDataJson(rows, new Date(), appUrl);
    // The JSON carries its generation time: the ETag follows the rows, not the clock.
    return { value: { text, etag: `"${createHash("sha256").update(JSON.stringify(rows)).digest("base64url").slice(0, 22)}"` } };
  });
}

export async function openDataResponse(request: Request, file: OpenDataFile): Promise<Response> {
  const { text, etag } = await body(file);
  const headers = new Headers({
    "Cache-Control": `public, max-age=${PUBLIC_REVALIDATE_SECONDS}, must-revalidate`,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    "Content-Disposition": `inline; filename="${NAMES[file]}"`,
  });
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", TYPES[file]);
  return new Response(text, { status: 200, headers });
}
