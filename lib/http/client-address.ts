// Which address a request comes from, for per-client budgets (sign-in links). Next does not
// give route handlers the socket's address, and the X-Forwarded-For it passes on is whatever
// the client wrote when nothing in front of the application sets it. So the server started by
// the launcher (lib/runtime/serve.ts) hands the socket's address over in a header whose name
// is derived from AUTH_SECRET — a client cannot guess it, and one it sends is removed — and
// X-Forwarded-For is believed only as far as TRUSTED_PROXY_HOPS says proxies of ours wrote it.
import { createHash } from "node:crypto";

/** Where a budget is kept when the address is not known (plain `next start`): one for all. */
export const UNKNOWN_CLIENT = "inconnu";

export function peerHeaderName(secret: string): string {
  return `x-ccd-peer-${createHash("sha256").update(`ccd-peer:${secret}`).digest("hex").slice(0, 16)}`;
}

/**
 * The client's address. With no trusted proxy it is the socket's. Behind `trustedHops` proxies
 * of ours, each appending the address it received the request from, the client is the entry
 * `trustedHops` places from the right of X-Forwarded-For: anything further left was written by
 * the client itself and proves nothing.
 */
export function clientAddress(input: { socketAddress: string | null; forwardedFor: string | null; trustedHops: number }): string {
  const socket = normalizeAddress(input.socketAddress);
  if (input.trustedHops <= 0) return socket ?? UNKNOWN_CLIENT;
  const entries = (input.forwardedFor ?? "")
    .split(",")
    .map((entry) => normalizeAddress(entry))
    .filter((entry): entry is string => entry !== null);
  if (entries.length === 0) return socket ?? UNKNOWN_CLIENT;
  return entries[Math.max(entries.length - input.trustedHops, 0)]!;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same client; anything that is no address is none. */
function normalizeAddress(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  if (!trimmed || trimmed.length > 64 || !/^[0-9a-f:.]+$/.test(trimmed)) return null;
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/** The client's address of a request that went through lib/runtime/serve.ts. */
export function clientAddressOf(headers: Headers, config: { secret: string; trustedHops: number }): string {
  return clientAddress({
    socketAddress: headers.get(peerHeaderName(config.secret)),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedHops: config.trustedHops,
  });
}
