// Shared zod schemas of the dues: the same in the browser forms and on the server.
import { z } from "zod";
import { MAX_AMOUNT_CENTS, parseEuros } from "./money";
import { isValidSiret, normalizeSiret } from "./siret";

const id = z.string().min(1).max(64);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .nullish()
    .transform((value) => (value ? value : null));

export const billingDetailsSchema = z.object({
  organizationId: id,
  legalName: z.string().trim().min(2, { error: "Indiquez la raison sociale, par ex. « Commune de Meyreuil »." }).max(200, { error: "200 caractères au plus." }),
  siret: z
    .string()
    .transform(normalizeSiret)
    .refine((value) => /^[0-9]{14}$/.test(value), { error: "Le SIRET compte 14 chiffres (SIREN de 9 chiffres suivi du NIC de 5 chiffres)." })
    .refine(isValidSiret, { error: "Ce SIRET n'est pas valide (sa clé de contrôle ne correspond pas) : vérifiez-le sur l'avis de situation INSEE ou annuaire-entreprises.data.gouv.fr." }),
  addressLine: z.string().trim().min(3, { error: "Indiquez l'adresse de la mairie (numéro et rue)." }).max(200, { error: "200 caractères au plus." }),
  addressLine2: optionalText(200, "200 caractères au plus."),
  postalCode: z.string().trim().regex(/^[0-9]{5}$/, { error: "Le code postal compte 5 chiffres." }),
  city: z.string().trim().min(1, { error: "Indiquez la commune de l'adresse." }).max(100, { error: "100 caractères au plus." }),
  invoiceEmail: z.string().trim().toLowerCase().email({ error: "Indiquez une adresse électronique valide, par ex. comptabilite@mairie-exemple.fr." }).max(200),
  serviceCode: optionalText(100, "Le code service Chorus Pro compte 100 caractères au plus."),
  commitmentNumber: optionalText(50, "Le numéro d'engagement compte 50 caractères au plus (règle Chorus Pro)."),
});
export type BillingDetailsInput = z.input<typeof billingDetailsSchema>;

export const organizationIdSchema = z.object({ organizationId: id });
export const invoiceIdSchema = z.object({ invoiceId: id });

/** Euros typed by a person: exact cents, positive, below the typo guard. */
export const eurosField = z.string().transform((value, ctx) => {
  const cents = parseEuros(value);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "Indiquez un montant en euros, par ex. 150 ou 150,50." });
    return z.NEVER;
  }
  if (cents <= 0) {
    ctx.addIssue({ code: "custom", message: "Le montant doit être positif." });
    return z.NEVER;
  }
  if (cents > MAX_AMOUNT_CENTS) {
    ctx.addIssue({ code: "custom", message: "Ce montant dépasse 1 000 000 € : vérifiez la saisie." });
    return z.NEVER;
  }
  return cents;
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Indiquez la date au format jj/mm/aaaa." });

export const recordTransferSchema = z.object({
  duesId: id,
  receivedOn: isoDate,
  amount: eurosField,
  reference: z.string().trim().min(1, { error: "Indiquez la référence du virement portée sur le relevé." }).max(140),
  mandateNumber: optionalText(50, "50 caractères au plus."),
});

export const cancelInvoiceSchema = z.object({
  invoiceId: id,
  reason: z.string().trim().min(5, { error: "Dites en quelques mots pourquoi la facture est annulée (il figure sur l'avoir)." }).max(300),
  reissue: z
    .union([z.boolean(), z.enum(["true", "false", "on"])])
    .optional()
    .transform((value) => value === true || value === "true" || value === "on"),
});

const population = z.coerce.number({ error: "Indiquez un nombre d'habitants." }).int({ error: "Un nombre entier d'habitants." }).min(0).max(100_000_000);

export const tierRowSchema = z.object({
  territoryKind: z.enum(["COMMUNE", "EPCI"]),
  minPopulation: population,
  maxPopulation: z.union([z.literal(""), z.null(), population]).transform((value) => (value === "" || value === null ? null : value)),
  amount: eurosField,
});

export const saveTiersSchema = z.object({
  roundId: id,
  tiers: z.array(tierRowSchema).min(1).max(40),
});
export type SaveTiersInput = z.input<typeof saveTiersSchema>;

export const confirmMatchSchema = z.object({ lineId: id, duesId: id });
export const lineIdSchema = z.object({ lineId: id });

export const statementUploadSchema = z.object({
  file: z.instanceof(File, { error: "Choisissez le fichier CSV du relevé." }).refine((file) => file.size > 0, { error: "Le fichier choisi est vide : exportez de nouveau le relevé." }),
});

/** The board's filters as they come in the address (anything else is ignored). */
export const boardFiltersSchema = z.object({
  campagne: z.string().max(64).optional().catch(undefined),
  statut: z.enum(["TO_ISSUE", "ISSUED", "PARTIAL", "PAID", "OVERDUE", "CANCELLED"]).optional().catch(undefined),
  departement: z
    .string()
    .regex(/^[0-9AB]{2,3}$/)
    .optional()
    .catch(undefined),
  type: z.enum(["COMMUNE", "EPCI"]).optional().catch(undefined),
  moyen: z.enum(["TRANSFER", "CARD"]).optional().catch(undefined),
});
