import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareForm } from "@/components/certificates/compare-form";
import { SerialSearch } from "@/components/certificates/serial-search";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { parseSerial, serialMessage } from "@/lib/certificates/serial";
import { signingIdentity } from "@/lib/certificates/signing";
import { cachedPublicCertificate } from "@/lib/public/cached";

// Rendered on first visit, then served from cache like the territory pages: 60 s, and at once
// when a certificate or label changes (lib/public/cache.ts). A page served from cache costs no
// lookup, so it needs no per-address limit; the JSON answer and the file comparison keep theirs.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ serial: string }> };

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const day = (date: Date) => longDate.format(date).replace(/^1 /, "1er ");

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseSerial(decoded((await params).serial));
  return { title: parsed.ok ? `Certificat ${parsed.serial}` : "Vérifier un certificat", robots: { index: false } };
}

async function authorityFingerprint(): Promise<{ fingerprint: string; demonstration: boolean } | null> {
  try {
    const identity = await signingIdentity();
    return { fingerprint: identity.authorityFingerprint, demonstration: identity.demonstration };
  } catch {
    return null;
  }
}

// Public, no session or header read: everything shown comes from lib/certificates/verification.ts.
export default async function CertificateVerificationPage({ params }: Props) {
  const raw = decoded((await params).serial);
  const parsed = parseSerial(raw);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Vérifier un certificat" />
        <Container className="space-y-6 py-10">
          <Notice tone="danger" title={parsed.reason === "typo" ? "Erreur de frappe" : "Numéro incomplet ou mal formé"}>
            <p>{serialMessage(parsed.reason)}</p>
          </Notice>
          <SerialSearch initial={raw.length <= 64 ? raw : ""} />
        </Container>
      </>
    );
  }
  const [certificate, authority] = await Promise.all([cachedPublicCertificate(parsed.serial), authorityFingerprint()]);
  if (!certificate) notFound();
  const { status } = certificate;
  const tone = status.kind === "valid" ? "success" : "danger";
  const headline = { valid: "Certificat valide", expired: "Certificat expiré", revoked: "Certificat révoqué", replaced: "Certificat remplacé" }[status.kind];

  return (
    <>
      <PageHeader title={`Certificat ${certificate.serial}`} lead={`Label Commune Cyber Dynamique ${certificate.round.year} · ${certificate.territory.name}`} />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="statut-titre" className="max-w-3xl space-y-3">
          <h2 id="statut-titre" className="sr-only">
            Statut
          </h2>
          <Notice tone={tone} title={headline}>
            <p className="text-lg">{certificate.statusText}.</p>
            {status.kind === "replaced" ? (
              <p className="mt-2">
                Consultez le <Link href={`/verifier/${status.by}`}>certificat {status.by}</Link>, qui est le certificat en vigueur.
              </p>
            ) : null}
            {status.kind === "revoked" ? <p className="mt-2">L&apos;association a retiré ce label : le certificat ne prouve plus rien, même encadré.</p> : null}
          </Notice>
        </section>

        <section aria-labelledby="details-titre" className="max-w-3xl space-y-3">
          <h2 id="details-titre" className="text-2xl">
            Ce que dit le registre de l&apos;association
          </h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">Territoire</dt>
            <dd>
              {certificate.territory.name}
              <br />
              <span className="text-ink-muted">{certificate.territory.description}</span>
            </dd>
            <dt className="font-semibold">Campagne</dt>
            <dd>
              {certificate.round.name} ({certificate.isRenewal ? "renouvellement du label" : "premier label"})
            </dd>
            <dt className="font-semibold">Validité</dt>
            <dd>
              du {day(certificate.validFrom)} au {day(certificate.validUntil)}
            </dd>
            <dt className="font-semibold">Délivré le</dt>
            <dd>{day(certificate.issuedAt)}</dd>
            <dt className="font-semibold">Hologramme</dt>
            <dd>{certificate.hologramNumber ? <>n° <span className="font-mono">{certificate.hologramNumber}</span> (il doit figurer sur l&apos;exemplaire encadré)</> : "pas encore enregistré"}</dd>
            {certificate.replaces ? (
              <>
                <dt className="font-semibold">Remplace</dt>
                <dd>
                  le <Link href={`/verifier/${certificate.replaces}`}>certificat {certificate.replaces}</Link>
                </dd>
              </>
            ) : null}
            <dt className="font-semibold">Empreinte du fichier</dt>
            <dd>
              <span className="font-mono text-sm break-all">SHA-256 {certificate.sha256}</span>
            </dd>
          </dl>
        </section>

        <section aria-labelledby="comparer-titre" className="max-w-3xl space-y-3">
          <h2 id="comparer-titre" className="text-2xl">
            Comparer un fichier avec le certificat délivré
          </h2>
          <p>Vous avez reçu ce certificat en PDF ? Déposez-le : la page dit s&apos;il est identique, octet pour octet, au certificat délivré, ou s&apos;il a été modifié.</p>
          <CompareForm serial={certificate.serial} />
        </section>

        {authority ? (
          <section aria-labelledby="signature-titre" className="max-w-3xl space-y-3">
            <h2 id="signature-titre" className="text-2xl">
              La signature électronique du PDF
            </h2>
            <p>
              Le PDF est signé par l&apos;association. Pour que votre lecteur PDF reconnaisse la signature, importez le{" "}
              <a href="/verifier/autorite" download>
                certificat de l&apos;autorité de signature
              </a>{" "}
              après avoir vérifié son empreinte :
            </p>
            <p className="font-mono text-sm break-all">SHA-256 {authority.fingerprint}</p>
            {authority.demonstration ? (
              <Notice title="Autorité de démonstration">
                <p>Cette plateforme est une démonstration : ses certificats sont signés par une autorité de démonstration, sans valeur officielle.</p>
              </Notice>
            ) : null}
          </section>
        ) : null}
      </Container>
    </>
  );
}
