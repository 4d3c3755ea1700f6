import Link from "next/link";
import { SerialSearch } from "@/components/certificates/serial-search";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export default function UnknownCertificate() {
  return (
    <>
      <PageHeader title="Certificat introuvable" />
      <Container className="space-y-6 py-10">
        <Notice tone="danger" title="Aucun certificat ne porte ce numéro">
          <p>
            Le numéro est bien formé, mais l&apos;association n&apos;a délivré aucun certificat sous ce numéro. Si vous le lisez sur un certificat encadré ou un PDF, ce document
            n&apos;est pas authentique : signalez-le à l&apos;association.
          </p>
        </Notice>
        <SerialSearch />
        <p>
          <Link href="/verifier">Vérifier un autre certificat</Link>
        </p>
      </Container>
    </>
  );
}
