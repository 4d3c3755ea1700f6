// Forms of the certificate pages, shared by the browser and the server actions. Browser-safe.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const REASON_MIN = 10;
export const reasonField = z
  .string({ error: "Indiquez le motif." })
  .trim()
  .min(REASON_MIN, { error: `Indiquez le motif en une phrase (au moins ${REASON_MIN} caractères) : il sera montré sur la page de vérification et envoyé à la commune.` })
  .max(500, { error: "Le motif tient en 500 caractères au plus." });

export const revokeSchema = z.object({ certificateId: id, reason: reasonField });
export const reissueSchema = z.object({ certificateId: id, reason: reasonField });

/** Hologram numbers as printed: letters, digits and dashes; spaces and case do not matter. */
export const hologramNumberField = z
  .string({ error: "Saisissez le numéro imprimé sur l'hologramme." })
  .transform((value) => value.normalize("NFKC").toUpperCase().replace(/\s+/g, ""))
  .pipe(
    z
      .string()
      .min(3, { error: "Saisissez le numéro imprimé sur l'hologramme (au moins 3 caractères)." })
      .max(32, { error: "Un numéro d'hologramme tient en 32 caractères au plus." })
      .regex(/^[A-Z0-9][A-Z0-9-]*$/, { error: "Le numéro d'hologramme ne contient que des lettres, des chiffres et des tirets." }),
  );

export const hologramSchema = z.object({ certificateId: id, hologramNumber: hologramNumberField });
