import type { Metadata } from "next";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Connexion impossible" };

type Props = { searchParams: Promise<{ error?: string }> };

/** next-auth sends its errors here; the sign-in page explains them and offers a new link. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  redirect(`/connexion?error=${encodeURIComponent(error ?? "Default")}`);
}
