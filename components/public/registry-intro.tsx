import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export function RegistryIntro() {
  return (
    <>
      <PageHeader
        title="Territoires labellisés"
        lead="Les communes et intercommunalités qui détiennent aujourd’hui le label Commune Cyber Dynamique. Un label expiré ou retiré n’y figure plus."
      />
      <nav aria-label="Autres vues du registre" className="border-b border-line">
        <ul className="mx-auto flex w-full max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
          <li>
            <Link href="/labellisees/carte">La carte par département</Link>
          </li>
          <li>
            <Link href="/donnees">Les données ouvertes (CSV, JSON)</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
