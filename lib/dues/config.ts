import "server-only";
// The association as it appears on invoices, from configuration. Outside production, demo values
// stand in so a newcomer can issue an invoice; in production nothing is invented.
import { DomainError } from "@/lib/auth/errors";
import { env, type Env } from "@/lib/config/env";

export type Issuer = {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  siret: string;
  rna: string;
  email: string | null;
  vatWording: string;
  iban: string;
  bic: string;
  paymentTermsDays: number;
};

const DEMO_ISSUER: Omit<Issuer, "paymentTermsDays"> = {
  name: "Association Commune Cyber Dynamique",
  addressLine: "12 rue de la République",
  postalCode: "13001",
  city: "Marseille",
  siret: "12345678200002",
  rna: "W133000000",
  email: "tresorerie@demo.ccd.test",
  vatWording: "TVA non applicable, article 261-7-1° du code général des impôts",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
};

/** The issuer, or a French refusal naming the variables to set (production only). */
export function issuerOf(current: Env = env()): Issuer {
  const configured = {
    name: current.DUES_ISSUER_NAME,
    addressLine: current.DUES_ISSUER_ADDRESS_LINE,
    postalCode: current.DUES_ISSUER_POSTCODE,
    city: current.DUES_ISSUER_CITY,
    siret: current.DUES_ISSUER_SIRET,
    rna: current.DUES_ISSUER_RNA,
    vatWording: current.DUES_VAT_WORDING,
    iban: current.DUES_IBAN,
    bic: current.DUES_BIC,
  };
  if (current.APP_ENV === "production") {
    const missing = Object.entries(configured)
      .filter(([, value]) => !value)
      .map(([key]) => key);
    if (missing.length > 0) {
      throw new DomainError(
        "La facturation n'est pas encore configurée (coordonnées de l'association) : prévenez l'administrateur de la plateforme, rien n'a été émis.",
      );
    }
  }
  const merged = Object.fromEntries(Object.entries(configured).map(([key, value]) => [key, value ?? DEMO_ISSUER[key as keyof typeof DEMO_ISSUER]]));
  return { ...(merged as Omit<Issuer, "email" | "paymentTermsDays">), email: current.DUES_ISSUER_EMAIL ?? (current.APP_ENV === "production" ? null : DEMO_ISSUER.email), paymentTermsDays: current.DUES_PAYMENT_TERMS_DAYS };
}

/** Card payment is offered only when both Stripe keys are set. */
export function stripeConfigured(current: Env = env()): boolean {
  return Boolean(current.STRIPE_SECRET_KEY && current.STRIPE_WEBHOOK_SECRET);
}
