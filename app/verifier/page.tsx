import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SerialSearch } from "@/components/certificates/serial-search";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { parseSerial, serialMessage } from "@/lib/certificates/serial";

export const metadata: Metadata = {
  title: "Vérifier un certificat",
  description: "Vérifiez qu'un certificat du label Commune Cyber Dynamique est authentique et toujours valable, sans créer de compte.",
};

type Props = { searchParams: Promise<{ numero?: string | string[] }> };

// Public, no session: a typed serial is checked (format, check symbol) before any lookup.
export default async function VerifyPage({ searchParams }: Props) {
  const { numero } = await searchParams;
  const typed = typeof numero === "string" ? numero : "";
  let error: string | undefined;
  if (typed) {
    const parsed = parseSerial(typed);
    if (parsed.ok) redirect(`/verifier/${parsed.serial}`);
    error = serialMessage(parsed.reason);
  }
  return (
    <>
      <PageHeader
        title="Vérifier un certificat"
        lead="Un certificat du label Commune Cyber Dynamique porte un numéro et un code QR. Saisissez le numéro, ou scannez le code : la page dit si le certificat est authentique et toujours valable."
      />
      <Container className="space-y-8 py-10">
        <SerialSearch initial={typed} serverError={error} />
        <section aria-labelledby="comment-titre" className="max-w-3xl space-y-2">
          <h2 id="comment-titre" className="text-xl">
            Ce que la vérification garantit
          </h2>
          <p>
            La page d&apos;un certificat indique s&apos;il est valide, expiré, révoqué par l&apos;association (avec le motif) ou remplacé par un nouveau certificat, ainsi que le
            territoire, la campagne, la période de validité et le numéro de l&apos;hologramme apposé sur l&apos;exemplaire encadré. Vous pouvez aussi y déposer le fichier PDF
            reçu pour savoir s&apos;il est exactement celui que l&apos;association a délivré.
          </p>
        </section>
      </Container>
    </>
  );
}
