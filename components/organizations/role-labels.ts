import { ORGANIZATION_ROLE_LABELS } from "@/lib/auth/permissions";

export function roleLabel(role: string): string {
  return (ORGANIZATION_ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function rolesLabel(roles: string[]): string {
  return roles.map(roleLabel).join(", ");
}
