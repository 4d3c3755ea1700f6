import "server-only";
// Route handlers that hand a file to the person (exports, evidence, summaries) share one shape:
// the session is read on the server, the domain checks the permission on the resource's own
// organization, a refusal is a 404 with the same words whether the file exists or not, and the
// file always leaves as an attachment, never sniffed, never cached: nothing uploaded is ever
// shown inside the application's origin.
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";

export type Download = { filename: string; contentType: string; content: Uint8Array | string };

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** An ASCII name for old clients; the real one goes in filename* (RFC 6266). */
function asciiName(name: string): string {
  return name.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "fichier";
}

export function contentDisposition(filename: string): string {
  return `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Runs `produce` for the signed-in person and answers with the file, or a refusal. */
export async function download(produce: (actor: Actor) => Promise<Download | { notFound: string }>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return refusal(401, new NotSignedInError().message);
  try {
    const file = await produce(actor);
    if ("notFound" in file) return refusal(404, file.notFound);
    return new Response(typeof file.content === "string" ? file.content : Buffer.from(file.content), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": contentDisposition(file.filename),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return refusal(404, error.message);
    throw error;
  }
}
