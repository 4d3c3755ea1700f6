// The organization page's certificate panel: the label's certificates, their status in words,
// the public verification link, and the download for whoever holds `certificate:download`.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { Actor } from "@/lib/auth/actor";
import { getOrganizationCertificates } from "@/lib/certificates/queries";
import { getDb } from "@/lib/db/client";

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export async function CertificatePanel({ actor, organizationId }: { actor: Actor; organizationId: string }) {
  const { labels, canDownload } = await getOrganizationCertificates(getDb(), actor, organizationId);
  if (labels.length === 0) return null;
  return (
    <section aria-labelledby="certificat-titre" className="space-y-3">
      <h2 id="certificat-titre" className="text-2xl">
        Certificat du label
      </h2>
      {labels.map((label) => (
        <Card key={label.id} className="space-y-4">
          <h3 className="text-xl">Label {label.year}</h3>
          {label.preparing ? (
            <Notice title="Certificat en préparation">
              <p>Le certificat signé est en cours de fabrication : il arrive par courriel au maire et au secrétariat, et sera téléchargeable ici dans quelques instants.</p>
            </Notice>
          ) : null}
          <ul className="space-y-4">
            {label.certificates.map((certificate) => (
              <li key={certificate.id} className="space-y-2">
                <p>
                  <span className="font-mono font-semibold">{certificate.serial}</span> · délivré le {longDate.format(certificate.issuedAt)}
                </p>
                <p>
                  <strong>Statut : {certificate.statusWord}.</strong> {certificate.statusText}.
                  {certificate.hologramNumber ? ` Hologramme n° ${certificate.hologramNumber}.` : ""}
                </p>
                <p className="flex flex-wrap gap-3">
                  {canDownload ? (
                    // A plain link: the route answers a file, not a page.
                    <a href={`/espace/organisations/${organizationId}/certificat/${certificate.id}`} download className={buttonClasses()}>
                      Télécharger le certificat {certificate.serial} (PDF signé)
                    </a>
                  ) : null}
                  <Link href={`/verifier/${certificate.serial}`} className="self-center">
                    Page de vérification publique
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          {!canDownload && label.certificates.length > 0 ? <p className="text-sm text-ink-muted">Le maire peut télécharger le certificat signé depuis cette page.</p> : null}
        </Card>
      ))}
    </section>
  );
}
