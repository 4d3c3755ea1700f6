import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { associationPermissions } from "@/lib/auth/grants";
import { getActor } from "@/lib/auth/session";

const linkClasses =
  "inline-flex min-h-11 shrink-0 items-center gap-2 rounded-md border-2 border-brand-700 px-3 py-2 text-base font-semibold text-brand-700 no-underline hover:bg-brand-50 sm:px-4";

/** The header's right side: sign-in entry, or the person's space and sign-out. */
export async function AccountArea() {
  const actor = await getActor();
  if (!actor) {
    return (
      <Link href="/connexion" className={linkClasses}>
        <svg viewBox="0 0 20 20" className="hidden h-5 w-5 sm:block" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 1.5c-3.6 0-7 1.8-7 4.5V18h14v-2c0-2.7-3.4-4.5-7-4.5Z" />
        </svg>
        Se connecter
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <span className="hidden text-sm text-ink-muted md:inline">{actor.name ?? actor.email}</span>
      {/* Candidacy and review (issue 12): the queue for reviewers, administrators, correspondents. */}
      {associationPermissions(actor).has("review:read") ? (
        <Link href="/espace/examen" className={linkClasses}>
          Dossiers à examiner
        </Link>
      ) : null}
      <Link href="/espace" className={linkClasses}>
        Mon espace
      </Link>
      <SignOutButton className="min-h-11 rounded-md px-3 py-2 text-base font-semibold text-brand-700 underline underline-offset-4 hover:decoration-2" />
    </div>
  );
}
