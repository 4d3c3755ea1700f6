// Who may do what, as data. Every check goes through `permissionsForRoles`; a role missing from
// these tables grants nothing (fail closed). A later feature adds its permissions here and its
// cases to tests/isolation.
import type { AssociationRole, OrganizationRole } from "@/lib/db/generated/enums";

export const PERMISSIONS = [
  "organization:read",
  "organization:update",
  "members:read",
  "members:manage",
  "audit:read",
  "assessment:read",
  "assessment:answer",
  "plan:read",
  "plan:manage",
  "champion:read",
  "champion:designate",
  "dues:read",
  "dues:pay",
  "candidacy:read",
  "candidacy:submit",
  "certificate:download",
  // Public face of the label (issue 15): the communication kit, for the organization's members.
  "label:kit",
  // Association-wide permissions (no organization needed).
  "organization:validate",
  "organization:list",
  "candidacy:review",
  "dues:record",
  "round:manage",
  "questionnaire:manage",
  // Candidacy and review (issue 12): preparing the file (word, attachments, asking the mayor);
  // reading submitted files and the queue; assigning reviewers; a correspondent's opinion.
  "candidacy:prepare",
  "review:read",
  "review:assign",
  "review:opinion",
  // Issue 10: the e-mails sent by the platform and the job queue's health (administrators).
  "messages:manage",
  // Certificates (issue 13): revoke, reissue and list them; record the hologram of a framed copy.
  "certificate:manage",
  "certificate:hologram",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_FILE: Permission[] = [
  "organization:read",
  "members:read",
  "assessment:read",
  "plan:read",
  "champion:read",
  "dues:read",
  "candidacy:read",
];

/** Every member of an organization may take its communication kit (not the EPCI's referents for member communes). */
const KIT: Permission[] = ["label:kit"];

/** Permissions a role grants inside its own organization. */
export const ORGANIZATION_ROLE_PERMISSIONS: Record<OrganizationRole, readonly Permission[]> = {
  // Prepares the file: fills, plans, designates, pays; manages colleagues.
  SECRETARY: [
    ...READ_FILE,
    "organization:update",
    "members:manage",
    "audit:read",
    "assessment:answer",
    "plan:manage",
    "champion:designate",
    "dues:pay",
    // Candidacy and review (issue 12)
    "candidacy:prepare",
    ...KIT,
  ],
  // Decides: everything the secretary does, plus submitting and the certificate.
  MAYOR: [
    ...READ_FILE,
    "organization:update",
    "members:manage",
    "audit:read",
    "assessment:answer",
    "plan:manage",
    "champion:designate",
    "dues:pay",
    "candidacy:submit",
    "certificate:download",
    // Candidacy and review (issue 12)
    "candidacy:prepare",
    ...KIT,
  ],
  // Follows the action plan.
  CYBER_CHAMPION: [...READ_FILE, "plan:manage", ...KIT],
  // IT staff of an EPCI, inside the EPCI's own organization.
  EPCI_REFERENT: [...READ_FILE, "assessment:answer", "plan:manage", ...KIT],
};

/**
 * What an EPCI referent may do for the member communes of their EPCI: the technical work,
 * not the decisions (members, submission, payment stay with the commune).
 */
export const EPCI_REFERENT_MEMBER_PERMISSIONS: readonly Permission[] = [...READ_FILE, "assessment:answer", "plan:manage"];

/** Permissions an association role grants on every organization it may see. */
export const ASSOCIATION_ROLE_PERMISSIONS: Record<AssociationRole, readonly Permission[]> = {
  REVIEWER: [
    "organization:list",
    "organization:read",
    "assessment:read",
    "plan:read",
    "champion:read",
    "candidacy:read",
    "candidacy:review",
    // Candidacy and review (issue 12)
    "review:read",
  ],
  TREASURER: ["organization:list", "organization:read", "dues:read", "dues:record"],
  // Restricted to the organizations of their départements (see access.ts).
  DEPARTMENT_CORRESPONDENT: [
    "organization:list",
    "organization:read",
    "assessment:read",
    "plan:read",
    "champion:read",
    "candidacy:read",
    // Candidacy and review (issue 12): read their départements' submitted files, give an opinion.
    "review:read",
    "review:opinion",
    // They hand the framed certificates over: they record the hologram numbers (issue 13).
    "certificate:hologram",
  ],
  ADMINISTRATOR: [
    "organization:list",
    "organization:read",
    "organization:validate",
    "members:read",
    "members:manage",
    "audit:read",
    "round:manage",
    "questionnaire:manage",
    "candidacy:read",
    "dues:read",
    // Candidacy and review (issue 12): the queue, and who reviews which file.
    "review:read",
    "review:assign",
    "messages:manage",
    "certificate:manage",
    "certificate:hologram",
  ],
};

export const ORGANIZATION_ROLE_LABELS: Record<OrganizationRole, string> = {
  SECRETARY: "Secrétaire / agent",
  MAYOR: "Maire / élu",
  CYBER_CHAMPION: "Cyber Champion",
  EPCI_REFERENT: "Référent intercommunal",
};

export const ASSOCIATION_ROLE_LABELS: Record<AssociationRole, string> = {
  REVIEWER: "Relecteur",
  TREASURER: "Trésorier",
  DEPARTMENT_CORRESPONDENT: "Correspondant départemental",
  ADMINISTRATOR: "Administrateur",
};

function lookup<R extends string>(table: Record<R, readonly Permission[]>, role: string): readonly Permission[] {
  // Own properties only: "toString" or "__proto__" are not roles.
  return Object.prototype.hasOwnProperty.call(table, role) ? table[role as R] : [];
}

export function organizationRolePermissions(role: string): readonly Permission[] {
  return lookup(ORGANIZATION_ROLE_PERMISSIONS, role);
}

export function associationRolePermissions(role: string): readonly Permission[] {
  return lookup(ASSOCIATION_ROLE_PERMISSIONS, role);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Roles that can manage an organization's members: an organization always keeps one. */
export const MANAGING_ROLES = (Object.keys(ORGANIZATION_ROLE_PERMISSIONS) as OrganizationRole[]).filter((role) =>
  ORGANIZATION_ROLE_PERMISSIONS[role].includes("members:manage"),
);
