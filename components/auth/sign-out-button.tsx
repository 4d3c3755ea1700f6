"use client";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      // next-auth's client is loaded on the click only: this button is in the header of every
      // page, public ones included, whose first load should carry as little script as possible.
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/" }))}
    >
      Se déconnecter
    </button>
  );
}
