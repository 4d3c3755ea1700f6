// « Is this file exactly the certificate issued under this serial? » The file is hashed here
// and compared with the stored SHA-256; it is never kept. Size and type are checked before
// anything is read in full: a bad upload gets a French message, never a 500.
import { getDb } from "@/lib/db/client";
import { readCappedBytes } from "@/lib/http/guard";
import { COMPARISON_MAX_BYTES, COMPARISON_MESSAGES } from "@/lib/certificates/comparison";
import { allowVerification, clientAddress, RATE_LIMITED_MESSAGE } from "@/lib/certificates/rate-limit";
import { parseSerial, serialMessage } from "@/lib/certificates/serial";
import { compareWithIssued } from "@/lib/certificates/verification";

function answer(status: number, body: Record<string, string>) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  if (!(await allowVerification("compare", clientAddress(request.headers)))) return answer(429, { error: RATE_LIMITED_MESSAGE });
  const { serial: raw } = await params;
  const parsed = parseSerial(decodeURIComponent(raw));
  if (!parsed.ok) return answer(400, { error: serialMessage(parsed.reason) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > COMPARISON_MAX_BYTES) return answer(413, { error: COMPARISON_MESSAGES.tooLarge });
  let bytes: Uint8Array | null;
  try {
    bytes = await readCappedBytes(request, COMPARISON_MAX_BYTES);
  } catch {
    return answer(400, { error: COMPARISON_MESSAGES.unreadable });
  }
  if (!bytes) return answer(413, { error: COMPARISON_MESSAGES.tooLarge });
  if (bytes.byteLength === 0) return answer(400, { error: COMPARISON_MESSAGES.empty });
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") return answer(415, { error: COMPARISON_MESSAGES.notPdf });
  const result = await compareWithIssued(getDb(), parsed.serial, bytes);
  if (!result) return answer(404, { error: "Aucun certificat délivré ne porte ce numéro." });
  return answer(200, { result, message: COMPARISON_MESSAGES[result] });
}
