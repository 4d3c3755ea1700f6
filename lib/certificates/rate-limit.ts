// Public verification is open to anyone without an account: limits per client address, counted
// in memory (lib/http/rate-limit.ts) so that a lookup costs no write. Each instance counts its
// own clients, which is enough to keep one scraper from walking the serials.
import "server-only";
import { env } from "@/lib/config/env";
import { UNKNOWN_CLIENT, clientAddressOf } from "@/lib/http/client-address";
import { type RateLimit, consumeRateLimitInMemory } from "@/lib/http/rate-limit";

export const VERIFICATION_LIMITS = {
  lookup: { limit: 60, windowMs: 60_000 },
  compare: { limit: 20, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

export const RATE_LIMITED_MESSAGE = "Trop de vérifications en peu de temps depuis votre connexion : patientez une minute puis réessayez.";

/**
 * The client, as the sign-in budget sees it (lib/http/client-address.ts, issue 9): the socket's
 * address, or the X-Forwarded-For entry written by TRUSTED_PROXY_HOPS proxies of ours — never
 * the leftmost entry, which the client writes itself.
 */
export function clientAddress(headers: Headers): string {
  const config = env();
  const secret = config.AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return UNKNOWN_CLIENT;
  return clientAddressOf(headers, { secret, trustedHops: config.TRUSTED_PROXY_HOPS });
}

/** True while the address is within its limit; the caller answers 429 otherwise. */
export function allowVerification(kind: keyof typeof VERIFICATION_LIMITS, address: string): Promise<boolean> {
  return consumeRateLimitInMemory(`certificate-${kind}:${address}`, VERIFICATION_LIMITS[kind]);
}
