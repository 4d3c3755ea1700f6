// Schemas shared by the action plan forms in the browser and the server. Whether the criteria
// belong to the round's questionnaire and the owner to the organization is checked by the server
// (actions.ts), which knows them.
import { z } from "zod";
import { isRealDate } from "@/lib/validation/date";
import { idSchema } from "@/lib/validation/id";
import { QUESTION_KEY_PATTERN } from "@/lib/questionnaire/content/validate";

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 5000;
export const MAX_CRITERIA = 10;


const CRITERION_NOT_FOUND = "Ce critère n'existe pas dans le questionnaire : rechargez la page.";
const DATE_INVALID = "L'échéance doit être une date réelle, au format jour/mois/année (par exemple 31/03/2026).";

/** An empty field clears the date (null); left out, it is unchanged (undefined). */
const dueOn = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z.string({ error: DATE_INVALID }).trim().refine(isRealDate, { error: DATE_INVALID }),
], { error: DATE_INVALID });

const title = z
  .string({ error: "Donnez un titre à l'action." })
  .trim()
  .min(1, { error: "Donnez un titre à l'action." })
  .max(TITLE_MAX_LENGTH, { error: `Le titre fait ${TITLE_MAX_LENGTH} caractères au plus : raccourcissez-le.` });

const description = z
  .string({ error: "La description doit être un texte." })
  .trim()
  .max(DESCRIPTION_MAX_LENGTH, { error: "La description fait 5\u00a0000 caractères au plus : raccourcissez-la." });

/** A form sends one field per checked criterion (a string when only one is checked). */
const criteria = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.string({ error: CRITERION_NOT_FOUND }).max(120, { error: CRITERION_NOT_FOUND }).regex(QUESTION_KEY_PATTERN, { error: CRITERION_NOT_FOUND }), {
      error: "Choisissez au moins un critère du questionnaire que cette action améliore.",
    })
    .min(1, { error: "Choisissez au moins un critère du questionnaire que cette action améliore." })
    .max(MAX_CRITERIA, { error: `Une action vise ${MAX_CRITERIA} critères au plus : découpez-la en plusieurs actions.` })
    .transform((keys) => [...new Set(keys)]),
);

/** Empty means "nobody" (null). */
const optionalId = (label: string) => z.union([z.literal("").transform(() => null), z.null(), idSchema(label)]);

const ownerName = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z.string().trim().max(120, { error: "Le nom du responsable fait 120 caractères au plus." }).transform((value) => value || null),
]);

const priority = z.enum(["LOW", "MEDIUM", "HIGH"], { error: "Choisissez une priorité : basse, moyenne ou haute." });
const status = z.enum(["TODO", "IN_PROGRESS", "DONE", "ABANDONED"], { error: "Choisissez un statut : à lancer, en cours, fait ou abandonné." });

const progress = z.coerce
  .number({ error: "L'avancement est un pourcentage de 0 à 100." })
  .int({ error: "L'avancement est un pourcentage entier de 0 à 100." })
  .min(0, { error: "L'avancement est un pourcentage de 0 à 100." })
  .max(100, { error: "L'avancement est un pourcentage de 0 à 100." });

const abandonReason = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z.string().trim().max(1000, { error: "Le motif d'abandon fait 1\u00a0000 caractères au plus." }).transform((value) => value || null),
]);

const ONE_OWNER = "Choisissez un membre de la collectivité ou saisissez le nom d'une personne, pas les deux.";

export const createActionSchema = z
  .object({
    organizationId: idSchema("Identifiant de la collectivité"),
    title,
    description: description.default(""),
    criteria,
    ownerUserId: optionalId("Responsable").optional(),
    ownerName: ownerName.optional(),
    dueOn: dueOn.optional(),
    priority: priority.default("MEDIUM"),
    status: status.default("TODO"),
    abandonReason: abandonReason.optional(),
    progress: progress.default(0),
  })
  .refine((input) => !(input.ownerUserId && input.ownerName), { error: ONE_OWNER, path: ["ownerName"] });

/** Fields left out keep their stored value. */
export const updateActionSchema = z
  .object({
    actionId: idSchema("Identifiant de l'action"),
    title: title.optional(),
    description: description.optional(),
    criteria: criteria.optional(),
    ownerUserId: optionalId("Responsable").optional(),
    ownerName: ownerName.optional(),
    dueOn: dueOn.optional(),
    priority: priority.optional(),
    status: status.optional(),
    abandonReason: abandonReason.optional(),
    progress: progress.optional(),
    /** `updatedAt` of the action the person was looking at (ISO), to tell them someone else saved since. */
    baseUpdatedAt: z.iso.datetime({ error: "Version de l'action invalide : rechargez la page." }).optional(),
  })
  .refine((input) => !(input.ownerUserId && input.ownerName), { error: ONE_OWNER, path: ["ownerName"] });

export const createActionFromMeasureSchema = z.object({
  organizationId: idSchema("Identifiant de la collectivité"),
  measureKey: z
    .string({ error: "Cette mesure n'existe pas : rechargez la page." })
    .max(120, { error: "Cette mesure n'existe pas : rechargez la page." })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Cette mesure n'existe pas : rechargez la page." }),
});

export const commentSchema = z.object({
  actionId: idSchema("Identifiant de l'action"),
  body: z
    .string({ error: "Écrivez votre commentaire." })
    .trim()
    .min(1, { error: "Écrivez votre commentaire." })
    .max(DESCRIPTION_MAX_LENGTH, { error: "Le commentaire fait 5\u00a0000 caractères au plus : raccourcissez-le." }),
});

const LINK_INVALID = "Le lien doit être une adresse web sécurisée commençant par https:// (par exemple https://www.exemple.fr/preuve.pdf).";

export const evidenceLinkSchema = z.object({
  actionId: idSchema("Identifiant de l'action"),
  url: z
    .string({ error: LINK_INVALID })
    .trim()
    .max(2000, { error: "Ce lien est trop long (2\u00a0000 caractères au plus)." })
    .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: LINK_INVALID })),
  label: z
    .string({ error: "Décrivez la preuve en quelques mots (par exemple « Charte signée »)." })
    .trim()
    .min(1, { error: "Décrivez la preuve en quelques mots (par exemple « Charte signée »)." })
    .max(TITLE_MAX_LENGTH, { error: `La description de la preuve fait ${TITLE_MAX_LENGTH} caractères au plus.` }),
});

const EVIDENCE_LABEL = "Décrivez la preuve en quelques mots (par exemple « Charte signée »).";

/**
 * An evidence file as the form sends it (multipart). The size and the type are checked on the
 * bytes by evidence-file.ts; here only that a file came with a label.
 */
export const evidenceFileSchema = z.object({
  actionId: idSchema("Identifiant de l'action"),
  label: z
    .string({ error: EVIDENCE_LABEL })
    .trim()
    .min(1, { error: EVIDENCE_LABEL })
    .max(TITLE_MAX_LENGTH, { error: `La description de la preuve fait ${TITLE_MAX_LENGTH} caractères au plus.` }),
  file: z.instanceof(File, { error: "Choisissez le fichier à joindre comme preuve." }).refine((file) => file.size > 0, {
    error: "Choisissez le fichier à joindre comme preuve.",
  }),
});

export type CreateActionInput = z.input<typeof createActionSchema>;
export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type CreateActionFromMeasureInput = z.input<typeof createActionFromMeasureSchema>;
export type CommentInput = z.input<typeof commentSchema>;
export type EvidenceLinkInput = z.input<typeof evidenceLinkSchema>;
