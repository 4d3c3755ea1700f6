// Schemas shared by the questionnaire form in the browser and the server.
import { z } from "zod";
import { idSchema } from "@/lib/validation/id";
import { KEY_PATTERN, QUESTION_KEY_PATTERN } from "./content/validate";

/** Also enforced by the database (Answer_comment_length_check). */
export const COMMENT_MAX_LENGTH = 5000;


const QUESTION_NOT_FOUND = "Cette question n'existe pas dans le questionnaire : rechargez la page.";
const OPTION_NOT_FOUND = "Cette réponse n'existe pas pour cette question : rechargez la page.";

/** A checkbox or hidden field sends "true"/"false"/"on"; a JSON call sends a boolean. */
const flag = z.union([z.boolean(), z.enum(["true", "false", "on", "off"]).transform((value) => value === "true" || value === "on")]);

/**
 * One autosave. Fields left out keep their stored value, so saving the comment never touches
 * the chosen option and the other way round. `optionKey: null` (or an empty string) clears the
 * choice; `dontKnow: true` replaces any option by "Je ne sais pas"; an empty comment removes it.
 * `baseRevision` is the revision the person was looking at (0 when there was no answer yet).
 */
export const saveAnswerSchema = z
  .object({
    assessmentId: idSchema("Identifiant du questionnaire"),
    questionKey: z.string({ error: QUESTION_NOT_FOUND }).max(120, { error: QUESTION_NOT_FOUND }).regex(QUESTION_KEY_PATTERN, { error: QUESTION_NOT_FOUND }),
    optionKey: z
      .union([z.literal("").transform(() => null), z.string().max(64, { error: OPTION_NOT_FOUND }).regex(KEY_PATTERN, { error: OPTION_NOT_FOUND }), z.null()], {
        error: OPTION_NOT_FOUND,
      })
      .optional(),
    dontKnow: flag.optional(),
    comment: z
      .string({ error: "Le commentaire doit être un texte." })
      .trim()
      .max(COMMENT_MAX_LENGTH, { error: "Le commentaire est trop long\u00a0: 5\u00a0000 caractères au plus. Raccourcissez-le avant d'enregistrer." })
      .nullable()
      .optional(),
    baseRevision: z.coerce.number({ error: "Version de la réponse invalide : rechargez la page." }).int().min(0).optional(),
  })
  .refine((input) => !(input.dontKnow === true && typeof input.optionKey === "string"), {
    error: "Choisissez une réponse ou « Je ne sais pas », pas les deux.",
    path: ["dontKnow"],
  });

export type SaveAnswerInput = z.input<typeof saveAnswerSchema>;
export type SaveAnswerFields = z.output<typeof saveAnswerSchema>;

/** Deriving next year's version from a published one. */
export const deriveVersionSchema = z.object({
  fromVersionId: idSchema("Identifiant de version"),
  key: z
    .string({ error: "Indiquez la clé de la nouvelle version (par exemple 2027)." })
    .trim()
    .min(1, { error: "Indiquez la clé de la nouvelle version (par exemple 2027)." })
    .max(40, { error: "La clé de version fait 40 caractères au plus." })
    .regex(KEY_PATTERN, { error: "La clé de version ne contient que des minuscules, des chiffres et des tirets (par exemple 2027)." }),
  title: z
    .string({ error: "Indiquez le titre de la nouvelle version." })
    .trim()
    .min(3, { error: "Indiquez le titre de la nouvelle version." })
    .max(200, { error: "Le titre fait 200 caractères au plus." }),
});

/** Changing the wording or weight of one question of a draft version. */
export const editQuestionSchema = z.object({
  versionId: idSchema("Identifiant de version"),
  questionKey: z.string({ error: QUESTION_NOT_FOUND }).max(120, { error: QUESTION_NOT_FOUND }).regex(QUESTION_KEY_PATTERN, { error: QUESTION_NOT_FOUND }),
  text: z.string().trim().min(5, { error: "La question doit être rédigée." }).max(500, { error: "La question fait 500 caractères au plus." }).optional(),
  help: z.string().trim().min(5, { error: "L'aide doit être rédigée." }).max(2000, { error: "L'aide fait 2\u00a0000 caractères au plus." }).optional(),
  weight: z.coerce.number({ error: "Le poids est un nombre de 1 à 10." }).int({ error: "Le poids est un nombre entier de 1 à 10." }).min(1, { error: "Le poids est un nombre de 1 à 10." }).max(10, { error: "Le poids est un nombre de 1 à 10." }).optional(),
});
