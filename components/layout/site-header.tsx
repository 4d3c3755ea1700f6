import Link from "next/link";
import { Container } from "@/components/ui/container";
import { LabelMark } from "./label-mark";

const navigation = [
  { href: "/#le-label", label: "Le label" },
  { href: "/#conditions", label: "Les conditions" },
  { href: "/#renouvellement", label: "Le renouvellement" },
  { href: "/#recherche", label: "Trouver une commune" },
];

export function SiteHeader() {
  return (
    <header role="banner" className="border-b border-line bg-white">
      <Container className="flex items-center justify-between gap-4 py-3 sm:py-4">
        <Link href="/" className="flex min-w-0 items-center gap-2 text-brand-900 no-underline sm:gap-3">
          <LabelMark className="h-9 w-9 shrink-0 sm:h-11 sm:w-11" />
          <span className="leading-tight">
            <span className="block text-base font-bold sm:text-xl">Label Commune Cyber Dynamique</span>
            <span className="hidden text-sm text-ink-muted sm:block">Association des Communes Cyber Dynamiques</span>
          </span>
        </Link>
        {/* The sign-in page comes with the authentication work. */}
        <Link
          href="/connexion"
          className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-md border-2 border-brand-700 px-3 py-2 text-base font-semibold text-brand-700 no-underline hover:bg-brand-50 sm:px-4"
        >
          <svg viewBox="0 0 20 20" className="hidden h-5 w-5 sm:block" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 1.5c-3.6 0-7 1.8-7 4.5V18h14v-2c0-2.7-3.4-4.5-7-4.5Z"
            />
          </svg>
          Se connecter
        </Link>
      </Container>
      <nav aria-label="Menu principal" className="border-t border-line">
        <Container>
          <ul className="-mx-3 flex flex-wrap">
            {navigation.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="focus-ring-inset inline-block px-3 py-2 text-base font-medium text-ink no-underline hover:bg-brand-50 hover:text-brand-700 sm:py-3"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </Container>
      </nav>
    </header>
  );
}
