// Public verification is open to anyone without an account: limits per client address, kept
// in memory (rate-limiter-flexible) so that a lookup costs no write. Each instance counts its
// own clients, which is enough to keep one scraper from walking the serials.
import "server-only";
import { env } from "@/lib/config/env";
import { UNKNOWN_CLIENT, clientAddressOf } from "@/lib/http/client-address";
import { RateLimiterMemory } from "rate-limiter-flexible";

const lookups = new RateLimiterMemory({ keyPrefix: "certificate-lookup", points: 60, duration: 60 });
const comparisons = new RateLimiterMemory({ keyPrefix: "certificate-compare", points: 20, duration: 60 });

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
export async function allowVerification(kind: "lookup" | "compare", address: string): Promise<boolean> {
  try {
    await (kind === "lookup" ? lookups : comparisons).consume(address);
    return true;
  } catch {
    return false;
  }
}
