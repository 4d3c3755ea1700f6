// Schemas shared by the candidacy forms in the browser and the server.
import { z } from "zod";
import { idSchema } from "@/lib/validation/id";

export const NOTE_MAX_LENGTH = 3000;
export const ATTACHMENT_LABEL_MAX_LENGTH = 120;

export const organizationIdSchema = z.object({ organizationId: idSchema("Identifiant de la collectivité") });

export const candidacyNoteSchema = z.object({
  organizationId: idSchema("Identifiant de la collectivité"),
  note: z
    .string({ error: "Écrivez votre mot à l’association, ou laissez le champ vide." })
    .max(NOTE_MAX_LENGTH, { error: `Le mot à l’association fait ${NOTE_MAX_LENGTH} caractères au plus.` }),
});

export const submitCandidacySchema = z.object({
  organizationId: idSchema("Identifiant de la collectivité"),
  /** The confirmation box: the mayor read what will be sent. */
  confirmed: z.union([z.literal(true), z.literal("on"), z.literal("true")], { error: "Cochez la case pour confirmer l’envoi du dossier." }),
});

export const attachmentSchema = z.object({
  organizationId: idSchema("Identifiant de la collectivité"),
  label: z
    .string({ error: "Décrivez la pièce en quelques mots (par exemple « Délibération du conseil municipal »)." })
    .trim()
    .min(2, { error: "Décrivez la pièce en quelques mots (par exemple « Délibération du conseil municipal »)." })
    .max(ATTACHMENT_LABEL_MAX_LENGTH, { error: `La description fait ${ATTACHMENT_LABEL_MAX_LENGTH} caractères au plus.` }),
  file: z.instanceof(File, { error: "Choisissez le fichier à joindre." }),
});

export const attachmentIdSchema = z.object({ attachmentId: idSchema("Identifiant de la pièce jointe") });

export type CandidacyNoteInput = z.input<typeof candidacyNoteSchema>;
export type SubmitCandidacyInput = z.input<typeof submitCandidacySchema>;
