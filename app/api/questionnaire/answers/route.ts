// Autosave of one answer as JSON: the same schema and domain function as saveAnswerAction, for
// clients that are not the page (the load benchmark, scripts). Answers like the action, with an
// HTTP status: 403 sent from another site and 413 a body over a few KB (lib/http/guard.ts), 401
// not signed in (checked before the body is read), 404 refused (same words whether the
// questionnaire exists or not), 422 a French message about the answer itself.
import { runAction } from "@/lib/auth/action";
import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { BODY_LIMITS, readCappedText, refuseCrossSite } from "@/lib/http/guard";
import { saveAnswer } from "@/lib/questionnaire/answers";
import { saveAnswerSchema } from "@/lib/questionnaire/schemas";

const NOT_SIGNED_IN = new NotSignedInError().message;
const DENIED = new AccessDeniedError().message;

export async function POST(request: Request) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  // JSON only: a cross-site HTML form cannot send application/json without a CORS preflight.
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return Response.json({ ok: false, message: "Envoyez la réponse en JSON (Content-Type: application/json)." }, { status: 415 });
  }
  // Nobody makes the server read a body before showing a session; then a few KB at most.
  if (!(await getActor())) return Response.json({ ok: false, message: NOT_SIGNED_IN }, { status: 401, headers: { "cache-control": "no-store" } });
  const read = await readCappedText(request, BODY_LIMITS.autosave);
  if (!read.ok) return read.response;
  let body: unknown = null;
  try {
    body = JSON.parse(read.text);
  } catch {
    body = null;
  }
  const result = await runAction(saveAnswerSchema, body, (data, actor) => saveAnswer(getDb(), actor, data));
  const status = result.ok ? 200 : result.message === NOT_SIGNED_IN ? 401 : result.message === DENIED ? 404 : 422;
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}
