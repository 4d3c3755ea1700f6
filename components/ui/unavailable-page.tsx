// The whole page when its content cannot be shown yet (no open round, nothing to read): the
// reason in words and the way back, instead of an empty page.
import Link from "next/link";
import { Container } from "./container";
import { Notice } from "./notice";
import { PageHeader } from "./page-header";

export function UnavailablePage({ title, notice, message, backHref }: { title: string; notice: string; message: string; backHref: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Container className="space-y-6 py-10">
        <Notice title={notice}>
          <p>{message}</p>
        </Notice>
        <Link href={backHref}>Retour à l’organisation</Link>
      </Container>
    </>
  );
}
