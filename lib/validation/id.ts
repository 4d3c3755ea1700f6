import { z } from "zod";

/** A database id sent by a form ("Identifiant d'organisation manquant." / "… invalide."). */
export const idSchema = (label: string) =>
  z
    .string({ error: `${label} manquant.` })
    .trim()
    .min(1, { error: `${label} manquant.` })
    .max(64, { error: `${label} invalide.` })
    .regex(/^[a-z0-9_-]+$/i, { error: `${label} invalide.` });
