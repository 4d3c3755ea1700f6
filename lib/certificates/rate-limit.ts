// Public verification is open to anyone without an account: limits per client address, kept
// in memory (rate-limiter-flexible) so that a lookup costs no write. Each instance counts its
// own clients, which is enough to keep one scraper from walking the serials.
import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

const lookups = new RateLimiterMemory({ keyPrefix: "certificate-lookup", points: 60, duration: 60 });
const comparisons = new RateLimiterMemory({ keyPrefix: "certificate-compare", points: 20, duration: 60 });

export const RATE_LIMITED_MESSAGE = "Trop de vérifications en peu de temps depuis votre connexion : patientez une minute puis réessayez.";

export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
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
