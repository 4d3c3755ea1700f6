// Every environment variable the application reads, validated once at start.
// A missing or malformed variable stops the start with a French message naming it.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "oui", "non"], {
    error: "doit valoir true ou false",
  })
  .transform((value) => ["true", "1", "yes", "oui"].includes(value));

const postgresUrl = z
  .string()
  .url({ error: "doit être une URL de connexion, par ex. postgresql://utilisateur@hôte:5432/base" })
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    error: "doit commencer par postgresql://",
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Where the application is deployed, independent of how Next built it: "local" is a
    // developer's machine (APP_URL on a loopback address), "demo" a public demonstration,
    // "production" the real service. What each may expose: lib/config/deployment.ts.
    APP_ENV: z.enum(["local", "demo", "production"], { error: "doit valoir local, demo ou production" }).default("local"),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_MAX: z.coerce
      .number({ error: "doit être un nombre entier" })
      .int({ error: "doit être un nombre entier" })
      .min(1, { error: "doit valoir au moins 1" })
      .max(200, { error: "doit valoir au plus 200" })
      .default(10),
    EMBEDDED_DB_PORT: z.coerce
      .number({ error: "doit être un numéro de port" })
      .int()
      .min(1024, { error: "doit être un port entre 1024 et 65535" })
      .max(65535, { error: "doit être un port entre 1024 et 65535" })
      .default(54329),
    EMBEDDED_DB_DIR: z.string().min(1).default(".data/pglite"),
    APP_URL: z
      .string()
      .url({ error: "doit être l'adresse publique de l'application, par ex. https://label.example.fr" })
      .default("http://localhost:3000"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    AUTH_SECRET: z.string().min(32, { error: "doit contenir au moins 32 caractères" }).optional(),
    SMTP_URL: z
      .string()
      .url({ error: "doit être une URL smtp:// ou smtps://" })
      .refine((value) => /^smtps?:\/\//.test(value), { error: "doit commencer par smtp:// ou smtps://" })
      .optional(),
    MAIL_FROM: z.string().min(3).default("Label Commune Cyber Dynamique <ne-pas-repondre@localhost>"),
    OIDC_ISSUER: z.string().url({ error: "doit être l'URL de l'émetteur OpenID Connect" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    // ProConnect answers userinfo as a signed JWT: its algorithm, so the signature is checked.
    OIDC_USERINFO_SIGNED_ALG: z.enum(["RS256", "ES256"], { error: "doit valoir RS256 ou ES256" }).optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^sk_(test|live)_/, { error: "doit commencer par sk_test_ ou sk_live_" })
      .optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, { error: "doit commencer par whsec_" }).optional(),
    // --- Dues (issue 11): the association as invoice issuer, and the fake Stripe for tests.
    // Unset outside production: demo values (lib/dues/config.ts); in production an invoice is
    // refused until the issuer is configured.
    DUES_ISSUER_NAME: z.string().min(2).max(200).optional(),
    DUES_ISSUER_ADDRESS_LINE: z.string().min(2).max(200).optional(),
    DUES_ISSUER_POSTCODE: z.string().regex(/^[0-9]{5}$/, { error: "doit être un code postal à 5 chiffres" }).optional(),
    DUES_ISSUER_CITY: z.string().min(1).max(100).optional(),
    DUES_ISSUER_SIRET: z.string().regex(/^[0-9]{14}$/, { error: "doit contenir les 14 chiffres du SIRET" }).optional(),
    DUES_ISSUER_RNA: z.string().regex(/^W[0-9A-Z]{9}$/, { error: "doit être un numéro RNA (W suivi de 9 caractères)" }).optional(),
    DUES_ISSUER_EMAIL: z.string().email({ error: "doit être une adresse électronique" }).optional(),
    DUES_VAT_WORDING: z.string().min(5).max(300).optional(),
    DUES_IBAN: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { error: "doit être un IBAN sans espaces, par ex. FR7630006000011234567890189" }).optional(),
    DUES_BIC: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, { error: "doit être un BIC de 8 ou 11 caractères" }).optional(),
    DUES_PAYMENT_TERMS_DAYS: z.coerce.number({ error: "doit être un nombre de jours" }).int().min(0).max(60, { error: "doit valoir au plus 60 jours (délai légal)" }).default(30),
    // Where the Stripe SDK sends its requests: unset = Stripe itself; tests point it at a local fake.
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"], { error: "doit valoir http ou https" }).optional(),
    CERTIFICATE_P12_BASE64: z.string().min(1).optional(),
    CERTIFICATE_P12_PASSWORD: z.string().optional(),
    // --- Certificates (issue 13): who signs, and the optional timestamp authority (PAdES B-T).
    CERTIFICATE_TSA_URL: z.string().url({ error: "doit être l'URL d'un service d'horodatage RFC 3161, par ex. https://freetsa.org/tsr" }).optional(),
    CERTIFICATE_SIGNATORY_NAME: z.string().min(2).max(80).default("Camille Martin"),
    CERTIFICATE_SIGNATORY_ROLE: z.string().min(2).max(80).default("Présidente de l'ACCD"),
    /** Outside production without CERTIFICATE_P12_BASE64: where the demonstration authority lives. */
    CERTIFICATE_DEMO_AUTHORITY_DIR: z.string().min(1).default(".data/certificate-authority"),
    SEED_DEMO: booleanFlag.optional(),
    // --- Deployment hardening (issue 9) ---
    // How many reverse proxies of ours stand in front of the application, each appending the
    // address it received the request from to X-Forwarded-For. 0 (default): the header is
    // ignored and the client is the socket's address (lib/http/client-address.ts).
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "doit être un nombre entier" })
      .int({ error: "doit être un nombre entier" })
      .min(0, { error: "doit valoir 0 ou plus" })
      .max(10, { error: "doit valoir au plus 10" })
      .default(0),
    // Issue 10 — background work. `npm start` runs the job workers and the e-mail sender in
    // its own process unless JOB_WORKERS=false (then run `npm run worker` elsewhere).
    JOB_WORKERS: booleanFlag.optional(),
    // How often an idle worker looks for e-mails to send, in milliseconds.
    OUTBOX_POLL_MS: z.coerce.number({ error: "doit être un nombre de millisecondes" }).int().min(100).max(60_000).default(1000),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "est requise dès qu'une variable OIDC_* est définie" });
      }
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "est requise avec STRIPE_SECRET_KEY" });
    }
    if (env.APP_ENV === "production") {
      if (!env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "est requise en production" });
      if (!env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "est requise en production (envoi des liens de connexion)" });
      if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "est requise en production (la base embarquée sert au développement)" });
      if (!env.CERTIFICATE_P12_BASE64) ctx.addIssue({ code: "custom", path: ["CERTIFICATE_P12_BASE64"], message: "est requise en production (signature des certificats)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a set of variables; throws an EnvError whose lines each name a variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(environnement)";
      return `la variable ${name} ${issue.message}`;
    }),
  );
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
