import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage } from "@/components/legal/legal-page";

export const metadata: Metadata = { title: "Plan du site" };

export default function SiteMapPage() {
  return (
    <LegalPage title="Plan du site" updatedOn="22 novembre 2026">
      <ul>
        <li>
          <Link href="/">Accueil</Link>
          <ul className="mt-2">
            <li>
              <Link href="/#recherche">Trouver une commune ou une intercommunalité</Link>
            </li>
            <li>
              <Link href="/#le-label">Qu’est-ce que le label ?</Link>
            </li>
            <li>
              <Link href="/#conditions">La première année : quatre conditions</Link>
            </li>
            <li>
              <Link href="/#renouvellement">Les années suivantes : le renouvellement</Link>
            </li>
          </ul>
        </li>
        <li>
          <Link href="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link href="/mentions-legales">Mentions légales</Link>
        </li>
        <li>
          <Link href="/accessibilite">Déclaration d’accessibilité</Link>
        </li>
        <li>
          <Link href="/donnees-personnelles">Données personnelles</Link>
        </li>
      </ul>
    </LegalPage>
  );
}
