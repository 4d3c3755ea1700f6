// Schemas shared by the Cyber Champion forms in the browser and the server.
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";

const flag = z.union([z.boolean(), z.enum(["true", "false", "on", "off"]).transform((value) => value === "true" || value === "on")]);

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
  isElected: flag,
});

export const respondToDesignationSchema = z.object({
  token: z.string({ error: "Ce lien n'est pas valide." }).trim().min(10, { error: "Ce lien n'est pas valide." }).max(200, { error: "Ce lien n'est pas valide." }),
  accept: flag,
});

export type DesignateChampionInput = z.input<typeof designateChampionSchema>;
export type RespondToDesignationInput = z.input<typeof respondToDesignationSchema>;
