// The verification page as JSON, for partners and embedded badges: no session read, 404 for an
// unknown serial, 410 Gone for a revoked certificate (as Open Badges does), with the reason.
// Cacheable by anyone, revalidated each time: the ETag changes with the status.
import { getDb } from "@/lib/db/client";
import { allowVerification, clientAddress, RATE_LIMITED_MESSAGE, VERIFICATION_LIMITS } from "@/lib/certificates/rate-limit";
import { parseSerial, serialMessage } from "@/lib/certificates/serial";
import { certificateEtag, findPublicCertificate, publicCertificateJson } from "@/lib/certificates/verification";

const COMMON = { "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...COMMON, "cache-control": "no-store", ...headers } });
}

export async function GET(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  if (!(await allowVerification("lookup", clientAddress(request.headers)))) return json(429, { error: RATE_LIMITED_MESSAGE }, { "retry-after": String(VERIFICATION_LIMITS.lookup.windowMs / 1000) });
  const { serial: raw } = await params;
  const parsed = parseSerial(decodeURIComponent(raw));
  if (!parsed.ok) return json(400, { error: serialMessage(parsed.reason) });
  const certificate = await findPublicCertificate(getDb(), parsed.serial);
  if (!certificate) return json(404, { error: "Aucun certificat délivré ne porte ce numéro." });
  const etag = certificateEtag(certificate);
  const headers = { etag, "cache-control": "public, max-age=0, must-revalidate" };
  const status = certificate.status.kind === "revoked" ? 410 : 200;
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ...COMMON, ...headers } });
  return json(status, publicCertificateJson(certificate), headers);
}
