// Asking for a sign-in link: validation, rate limits, and the e-mail itself.
import type { Db } from "@/lib/db/create-client";
import type { Email } from "@/lib/notifications/mailer";
import { type RateLimit, consumeRateLimit, purgeExpiredRateLimitsNowAndThen } from "@/lib/http/rate-limit";
import { mailboxKey } from "./mailbox";

export { emailSchema } from "./schemas";

/** Magic links are short-lived (and single-use: next-auth deletes the token when used). */
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** Sign-in e-mails: per address, and per IP (a school or a mairie may share one). */
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
  perIp: { limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

/**
 * Whether a sign-in e-mail may be sent now, counted on the mailbox (so "Maire+1@" and
 * "maire@" share one budget) and on the client's address (lib/http/client-address.ts). The
 * answer never depends on whether an account exists for the address.
 */
export async function allowSignInRequest(db: Db, email: string, clientAddress: string, now = new Date()): Promise<boolean> {
  const byEmail = await consumeRateLimit(db, `sign-in:email:${mailboxKey(email)}`, SIGN_IN_LIMITS.perEmail, now);
  const byClient = await consumeRateLimit(db, `sign-in:ip:${clientAddress}`, SIGN_IN_LIMITS.perIp, now);
  await purgeExpiredRateLimitsNowAndThen(db, now);
  return byEmail && byClient;
}

export function signInEmail(to: string, url: string): Email {
  const minutes = MAGIC_LINK_MAX_AGE_SECONDS / 60;
  return {
    to,
    subject: "Votre lien de connexion — Label Commune Cyber Dynamique",
    text: [
      "Bonjour,",
      "",
      "Pour vous connecter à la plateforme du label Commune Cyber Dynamique, ouvrez ce lien :",
      url,
      "",
      `Il est valable ${minutes} minutes et ne sert qu'une fois.`,
      "Si vous n'avez pas demandé à vous connecter, ignorez ce message : rien ne sera fait sans ce lien.",
      "",
      "L'équipe de l'Association des Communes Cyber Dynamiques",
    ].join("\n"),
    html: `<p>Bonjour,</p><p>Pour vous connecter à la plateforme du label Commune Cyber Dynamique, cliquez sur ce lien :</p><p><a href="${url.replaceAll("&", "&amp;")}">Me connecter</a></p><p>Il est valable ${minutes} minutes et ne sert qu'une fois.</p><p>Si vous n'avez pas demandé à vous connecter, ignorez ce message : rien ne sera fait sans ce lien.</p><p>L'équipe de l'Association des Communes Cyber Dynamiques</p>`,
  };
}
