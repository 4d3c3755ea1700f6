import type { Metadata } from "next";
import Link from "next/link";
import { CopyText } from "@/components/public/copy-text";
import { dayLabel } from "@/components/public/format";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getCommunicationKit } from "@/lib/public/kit";

export const metadata: Metadata = { title: "Kit de communication" };

type Props = { params: Promise<{ organizationId: string }> };

const sizeNames = { petit: "petit", moyen: "moyen", grand: "grand" } as const;

export default async function KitPage({ params }: Props) {
  const { organizationId } = await params;
  const actor = await requireActorOrRedirect(`/espace/organisations/${organizationId}/kit`);
  const kit = await orNotFound(getCommunicationKit(getDb(), actor, organizationId, env().APP_URL));
  const back = `/espace/organisations/${organizationId}`;

  if (!kit.label) {
    const last = kit.lastLabel;
    return (
      <>
        <PageHeader title="Kit de communication" lead={kit.name} />
        <Container className="space-y-6 py-10">
          <Notice title="Pas de kit de communication en ce moment">
            <p>
              {last?.state === "revoked"
                ? `Le label ${last.year} a été retiré${last.revokedOn ? ` le ${dayLabel(last.revokedOn)}` : ""} : le badge, l’affiche et le communiqué ne sont plus disponibles.`
                : last?.state === "expired"
                  ? `Le label ${last.year} a expiré le ${dayLabel(last.validUntilOn)}. Le kit revient avec le renouvellement du label.`
                  : "Le kit est disponible dès que votre collectivité obtient le label, et tant qu’il est valide."}
            </p>
          </Notice>
          <Link href={back}>Retour à l’organisation</Link>
        </Container>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Kit de communication"
        lead={`${kit.name} · label ${kit.label.year}, valable jusqu’au ${kit.label.validUntilLabel}. Faites savoir à vos habitants et partenaires que votre collectivité s’engage.`}
      />
      <Container className="space-y-12 py-10">
        <section aria-labelledby="kit-badge" className="space-y-4">
          <h2 id="kit-badge" className="text-2xl">
            Le badge pour votre site internet
          </h2>
          <img src={`/badge/${kit.territoryCode}.svg`} width={240} height={80} alt={`Aperçu du badge : label ${kit.label.year} de ${kit.name}`} />
          {kit.snippet ? <CopyText label="Code HTML à coller sur votre site" text={kit.snippet} rows={3} /> : <p>Le code à coller sera prêt dès que le certificat sera émis.</p>}
          <p className="text-base text-ink-muted">
            Le badge est relié à la page de vérification du certificat et affiche toujours l’état actuel du label : il passe de lui-même à « label non valide » s’il
            expire ou est retiré.
          </p>
        </section>

        <section aria-labelledby="kit-images" className="space-y-4">
          <h2 id="kit-images" className="text-2xl">
            Le badge en images
          </h2>
          <p>Pour vos documents, lettres d’information et réseaux sociaux. Le format SVG reste net à toutes les tailles ; le PNG convient partout.</p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {kit.files.map((file) => (
              <li key={file.href}>
                <a href={file.href} download={`badge-label-${kit.label!.year}-${kit.territoryCode}-${file.size}.${file.format}`}>
                  Badge {sizeNames[file.size]}, {file.format.toUpperCase()} ({file.width} pixels de large)
                </a>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="kit-affiche" className="space-y-4">
          <h2 id="kit-affiche" className="text-2xl">
            L’affiche pour la mairie
          </h2>
          <p>Une page A4 à imprimer et afficher : le nom de votre collectivité, le label et un code QR qui mène à la vérification du certificat.</p>
          {kit.label.certificateSerial ? (
            <ButtonLink href={`/espace/organisations/${organizationId}/kit/affiche`} prefetch={false}>
              Télécharger l’affiche (PDF, A4)
            </ButtonLink>
          ) : (
            <p>L’affiche sera prête dès que le certificat sera émis.</p>
          )}
        </section>

        {kit.pressRelease ? (
          <section aria-labelledby="kit-communique" className="space-y-4">
            <h2 id="kit-communique" className="text-2xl">
              Le communiqué de presse
            </h2>
            <p>Un texte prêt à envoyer à la presse locale ou à publier : complétez les passages entre crochets, puis copiez-le.</p>
            <CopyText label="Communiqué de presse (modifiable)" text={kit.pressRelease} rows={18} editable downloadName={`communique-label-${kit.label.year}.txt`} />
          </section>
        ) : null}

        <Link href={back}>Retour à l’organisation</Link>
      </Container>
    </>
  );
}
