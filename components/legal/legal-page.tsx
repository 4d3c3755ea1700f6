import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";

/** Frame of the legal and information pages: title, lead, text column, last update. */
export function LegalPage({
  title,
  lead,
  updatedOn,
  children,
}: {
  title: string;
  lead?: ReactNode;
  /** Human date, e.g. "22 novembre 2026". */
  updatedOn: string;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <Container className="py-10">
        <div className="prose-content">
          {children}
          <p className="mt-12 border-t border-line pt-4 text-base text-ink-muted">Dernière mise à jour : {updatedOn}.</p>
        </div>
      </Container>
    </>
  );
}
