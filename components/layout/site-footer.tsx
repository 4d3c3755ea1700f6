import Link from "next/link";
import { Container } from "@/components/ui/container";
import { LabelMark } from "./label-mark";

const footerLinks = [
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/accessibilite", label: "Accessibilité : non conforme" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/plan-du-site", label: "Plan du site" },
  { href: "/donnees", label: "Données ouvertes" },
  { href: "/verifier", label: "Vérifier un certificat" },
];

export function SiteFooter() {
  return (
    <footer role="contentinfo" className="mt-16 border-t-4 border-brand-700 bg-white">
      <Container className="py-8">
        <div className="flex flex-col gap-6 md:flex-row md:items-start md:justify-between">
          <div className="flex max-w-xl items-start gap-3">
            <LabelMark className="h-10 w-10 shrink-0" />
            <p className="text-base text-ink-muted">
              Le label Commune Cyber Dynamique est décerné chaque année par l’Association des Communes Cyber
              Dynamiques (ACCD) aux communes et intercommunalités qui s’engagent pour leur sécurité numérique.
            </p>
          </div>
        </div>
        <nav aria-label="Pied de page" className="mt-8 border-t border-line pt-4">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {footerLinks.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-ink-muted hover:text-brand-700">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </Container>
    </footer>
  );
}
