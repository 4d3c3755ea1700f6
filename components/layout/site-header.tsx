import Link from "next/link";
import { Container } from "@/components/ui/container";
import { AccountArea } from "./account-area";
import { LabelMark } from "./label-mark";

const navigation = [
  { href: "/#le-label", label: "Le label" },
  { href: "/#conditions", label: "Les conditions" },
  { href: "/#renouvellement", label: "Le renouvellement" },
  { href: "/#recherche", label: "Trouver une commune" },
  { href: "/labellisees", label: "Territoires labellisés" },
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
        <AccountArea />
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
