import type { ReactNode } from "react";
import { Container } from "./container";

/** The band at the top of a content page: its single h1 and an optional lead. */
export function PageHeader({ title, lead }: { title: ReactNode; lead?: ReactNode }) {
  return (
    <div className="border-b border-line bg-brand-50">
      <Container className="py-10 sm:py-12">
        <h1 className="text-3xl sm:text-4xl">{title}</h1>
        {lead ? <p className="mt-4 max-w-3xl text-lg text-ink-muted">{lead}</p> : null}
      </Container>
    </div>
  );
}
