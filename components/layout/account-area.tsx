"use client";

// The header's right side: sign-in entry, or the person's space and sign-out. It asks
// /api/compte from the browser instead of reading the session on the server, so the root
// layout reads no cookie and public pages can be served from cache; private pages still read
// the session on the server themselves. Until the answer arrives (or without JavaScript) it
// shows the sign-in link, which a signed-in person can follow harmlessly.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { AccountLink } from "@/lib/auth/account-links";

const linkClasses =
  "inline-flex min-h-11 shrink-0 items-center gap-2 rounded-md border-2 border-brand-700 px-3 py-2 text-base font-semibold text-brand-700 no-underline hover:bg-brand-50 sm:px-4";

type Account = { signedIn: false } | { signedIn: true; name: string | null; email: string; links: AccountLink[] };

export function AccountArea() {
  const [account, setAccount] = useState<Account | null>(null);
  const pathname = usePathname();

  // Asked again on each navigation: signing in or out may have happened in between.
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/compte", { cache: "no-store", signal: controller.signal, headers: { accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<Account>) : null))
      .then((body) => {
        if (body) setAccount(body);
      })
      .catch(() => {
        // Offline or aborted: keep what is shown.
      });
    return () => controller.abort();
  }, [pathname]);

  if (!account?.signedIn) {
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
      <span className="hidden text-sm text-ink-muted md:inline">{account.name ?? account.email}</span>
      {/* Links by role (e.g. the reviewers' queue), decided on the server: lib/auth/account-links.ts. */}
      {account.links.map((link) => (
        <Link key={link.href} href={link.href} className={linkClasses}>
          {link.label}
        </Link>
      ))}
      <Link href="/espace" className={linkClasses}>
        Mon espace
      </Link>
      <SignOutButton className="min-h-11 rounded-md px-3 py-2 text-base font-semibold text-brand-700 underline underline-offset-4 hover:decoration-2" />
    </div>
  );
}
