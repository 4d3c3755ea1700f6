// Schemas shared by the round form (administrators) and the server.
import { z } from "zod";
import { isRealDate } from "@/lib/validation/date";
import { idSchema } from "@/lib/validation/id";

const day = (label: string) =>
  z
    .string({ error: `Indiquez la date ${label}.` })
    .trim()
    .refine(isRealDate, { error: `La date ${label} doit être une date réelle (jour, mois, année).` });

const count = (what: string) =>
  z.coerce
    .number({ error: `Indiquez le nombre minimal ${what}, de 1 à 20.` })
    .int({ error: `Le nombre minimal ${what} est un nombre entier, de 1 à 20.` })
    .min(1, { error: `Le nombre minimal ${what} va de 1 à 20.` })
    .max(20, { error: `Le nombre minimal ${what} va de 1 à 20.` });

/** A checkbox: true, "on" or "true" when ticked; absent, false or "" when not. */
const checkbox = z.union([z.boolean(), z.literal("on").transform(() => true), z.literal("true").transform(() => true), z.literal("").transform(() => false)]);

export const createRoundSchema = z
  .object({
    year: z.coerce
      .number({ error: "Indiquez l'année de la campagne (par exemple 2027)." })
      .int({ error: "L'année est un nombre entier (par exemple 2027)." })
      .min(2021, { error: "L'année va de 2021 à 2100." })
      .max(2100, { error: "L'année va de 2021 à 2100." }),
    name: z
      .string({ error: "Donnez un nom à la campagne." })
      .trim()
      .min(3, { error: "Donnez un nom à la campagne (3 caractères au moins)." })
      .max(120, { error: "Le nom fait 120 caractères au plus." }),
    opensOn: day("d'ouverture"),
    closesOn: day("de clôture"),
    labelValidUntil: day("de fin de validité du label"),
    questionnaireVersionId: idSchema("Version du questionnaire"),
    minPlanActions: count("d'actions"),
    minPlanCriteria: count("de critères"),
    championMustNotBeMayor: checkbox.default(false),
  })
  .refine((input) => input.opensOn < input.closesOn, { error: "La clôture doit venir après l'ouverture.", path: ["closesOn"] })
  .refine((input) => input.closesOn <= input.labelValidUntil, {
    error: "Le label doit rester valable au moins jusqu'à la clôture de la campagne.",
    path: ["labelValidUntil"],
  });

export const roundIdSchema = z.object({ roundId: idSchema("Identifiant de la campagne") });

export type CreateRoundInput = z.input<typeof createRoundSchema>;
