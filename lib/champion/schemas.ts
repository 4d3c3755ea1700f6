// Schemas shared by the Cyber Champion forms in the browser and the server.
import { sameMailbox } from "@/lib/auth/mailbox";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { idSchema } from "@/lib/validation/id";
import { CHAMPION_EMAIL_IS_MAYOR, CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR, checkChampionEligibility, type ChampionRule } from "./rules";

/** A yes/no from a form (radio "true"/"false", checkbox "on") or from code (a boolean). */
const flag = (message: string) =>
  z.union([z.boolean(), z.enum(["true", "false", "on", "off"]).transform((value) => value === "true" || value === "on")], { error: message });

export const designateChampionSchema = z.object({
  organizationId: z.string({ error: "Identifiant de la collectivité manquant." }).trim().min(1).max(64).regex(/^[a-z0-9_-]+$/i, { error: "Identifiant de la collectivité invalide." }),
  name: z
    .string({ error: "Indiquez le prénom et le nom du Cyber Champion." })
    .trim()
    .min(2, { error: "Indiquez le prénom et le nom du Cyber Champion." })
    .max(120, { error: "Le nom fait 120 caractères au plus." }),
  function: z
    .string({ error: "Indiquez sa fonction (par exemple « adjointe au numérique » ou « secrétaire de mairie »)." })
    .trim()
    .min(2, { error: "Indiquez sa fonction (par exemple « adjointe au numérique » ou « secrétaire de mairie »)." })
    .max(120, { error: "La fonction fait 120 caractères au plus." }),
  email: emailSchema,
  phone: z
    .union([
      z.literal("").transform(() => null),
      z.null(),
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 .()-]{6,25}$/, { error: "Ce numéro de téléphone n'est pas valide (exemple : 04 42 00 00 00)." }),
    ])
    .optional(),
  isElected: flag("Indiquez si cette personne est un élu ou un agent de la collectivité."),
});

export const respondToDesignationSchema = z.object({
  token: z.string({ error: "Ce lien n'est pas valide." }).trim().min(10, { error: "Ce lien n'est pas valide." }).max(200, { error: "Ce lien n'est pas valide." }),
  accept: flag("Choisissez d'accepter ou de refuser la désignation."),
});

export const designationIdSchema = z.object({ designationId: idSchema("Identifiant de la désignation") });

/**
 * The designation form in the browser: the same schema plus the round's rule on the fields it
 * concerns, so each is refused as the person leaves it, whatever the other fields hold.
 * `mayorEmails` are the addresses holding the MAYOR role in the organization. The server checks
 * it all again (designateChampion) with what it knows then.
 */
export function designateChampionFormSchema(rule: ChampionRule, mayorEmails: readonly string[] = []) {
  const { shape } = designateChampionSchema;
  return designateChampionSchema.extend({
    function: shape.function.refine((text) => checkChampionEligibility({ isMayor: false, isItDirector: false, function: text }, rule).eligible, {
      error: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR,
    }),
    email: shape.email.refine((email) => !rule.championMustNotBeMayor || !mayorEmails.some((mayor) => sameMailbox(mayor, email)), { error: CHAMPION_EMAIL_IS_MAYOR }),
  });
}

export type DesignateChampionInput = z.input<typeof designateChampionSchema>;
export type RespondToDesignationInput = z.input<typeof respondToDesignationSchema>;
export type DesignationIdInput = z.input<typeof designationIdSchema>;
