// Schemas shared by the joining and membership forms and their server actions.
import { z } from "zod";
import { idSchema } from "@/lib/validation/id";
import { emailSchema } from "@/lib/auth/schemas";

export const ORGANIZATION_ROLES = ["SECRETARY", "MAYOR", "CYBER_CHAMPION", "EPCI_REFERENT"] as const;


export const territoryCodeSchema = z
  .string({ error: "Choisissez votre commune ou intercommunalité dans la liste." })
  .trim()
  .regex(/^([0-9][0-9AB][0-9]{3}|[0-9]{9})$/, { error: "Choisissez votre commune ou intercommunalité dans la liste." });

export const roleSchema = z.enum(ORGANIZATION_ROLES, { error: "Choisissez un rôle dans la liste." });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} : ${max} caractères au plus.` })
    .optional()
    .transform((value) => (value ? value : undefined));

/** Claiming a territory, or asking to join the organization that already acts for it. */
export const joinTerritorySchema = z.object({
  territoryCode: territoryCodeSchema,
  role: roleSchema,
  title: optionalText(120, "Fonction"),
  message: optionalText(1000, "Message"),
});
export type JoinTerritoryInput = z.input<typeof joinTerritorySchema>;

export const decideOrganizationSchema = z
  .object({
    organizationId: idSchema("Identifiant d'organisation"),
    decision: z.enum(["approve", "reject"], { error: "Choisissez de valider ou de refuser." }),
    reason: optionalText(1000, "Motif"),
  })
  .refine((input) => input.decision === "approve" || Boolean(input.reason), {
    error: "Indiquez le motif du refus : il est transmis à la personne qui a fait la demande.",
    path: ["reason"],
  });

export const decideJoinRequestSchema = z.object({
  requestId: idSchema("Identifiant de demande"),
  decision: z.enum(["accept", "refuse"], { error: "Choisissez d'accepter ou de refuser." }),
});

export const inviteMemberSchema = z.object({
  organizationId: idSchema("Identifiant d'organisation"),
  email: emailSchema,
  role: roleSchema,
});

export const invitationTokenSchema = z.object({
  token: z.string({ error: "Ce lien d'invitation n'est pas valide." }).trim().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "Ce lien d'invitation n'est pas valide." }),
});

export const revokeInvitationSchema = z.object({ invitationId: idSchema("Identifiant d'invitation") });

export const changeRoleSchema = z.object({
  membershipId: idSchema("Identifiant de membre"),
  role: roleSchema,
});

export const removeMemberSchema = z.object({ membershipId: idSchema("Identifiant de membre") });

export const organizationIdSchema = z.object({ organizationId: idSchema("Identifiant d'organisation") });

/** A commune switching its EPCI's access to its file off or on (lib/organizations/epci-access.ts). */
export const setEpciAccessSchema = z.object({
  organizationId: idSchema("Identifiant d'organisation"),
  enabled: z.boolean({ error: "Choisissez de couper ou de rouvrir l'accès." }),
});

/** An administrator opening a rejected territory to a new claim. */
export const reopenOrganizationSchema = z.object({ organizationId: idSchema("Identifiant d'organisation") });
