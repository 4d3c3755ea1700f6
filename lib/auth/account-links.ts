// The header's links for a signed-in person, by what they may do (the header itself is drawn
// in the browser from /api/compte, so that public pages stay cacheable). Add a link here.
import { associationPermissions } from "./grants";
import type { Actor } from "./actor";

export type AccountLink = { href: string; label: string };

export function accountLinks(actor: Actor): AccountLink[] {
  const links: AccountLink[] = [];
  // Candidacy and review (issue 12): the queue for reviewers, administrators, correspondents.
  if (associationPermissions(actor).has("review:read")) links.push({ href: "/espace/examen", label: "Dossiers à examiner" });
  return links;
}
