import Link from "next/link";
import { deployment } from "@/lib/config/deployment";

/**
 * On a public demonstration (APP_ENV=demo), every page says so before anything else. Reads the
 * configuration only — never the session — so public pages stay static.
 */
export function DemoBanner() {
  if (!deployment().demoBanner) return null;
  return (
    <div role="region" aria-label="Démonstration" className="bg-ink px-4 py-2 text-center text-sm text-white">
      <strong>Démonstration</strong> : ce site sert à découvrir la plateforme. Les comptes et les données sont fictifs et peuvent être
      effacés à tout moment ; n’y saisissez aucune information réelle. Les courriels des comptes de démonstration se lisent dans la{" "}
      <Link href="/dev/boite-mail" className="font-semibold text-white underline">
        boîte mail de démonstration
      </Link>
      .
    </div>
  );
}
