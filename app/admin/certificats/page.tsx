import type { Metadata } from "next";
import Link from "next/link";
import { HologramForm, ReasonForm } from "@/components/certificates/certificate-admin-forms";
import { ActionAnnouncer } from "@/components/forms/action-announcer";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listCertificatesForAdmin } from "@/lib/certificates/queries";
import { getDb } from "@/lib/db/client";
import { recordHologramAction, reissueCertificateAction, revokeCertificateAction } from "./actions";

export const metadata: Metadata = { title: "Certificats" };

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function CertificatesAdminPage() {
  const actor = await requireActorOrRedirect("/admin/certificats");
  const { certificates, waiting, canManage } = await orNotFound(listCertificatesForAdmin(getDb(), actor));
  const failing = certificates.filter((certificate) => !certificate.issuedAt);
  const issued = certificates.filter((certificate) => certificate.issuedAt);

  return (
    <>
      <PageHeader
        title="Certificats"
        lead="Les certificats signés du label : leur statut public, le numéro de l'hologramme apposé sur l'exemplaire encadré, et pour les administrateurs la révocation et le remplacement."
      />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="preparation-titre" className="space-y-3">
          <h2 id="preparation-titre" className="text-2xl">
            En préparation ou en échec
          </h2>
          {failing.length === 0 && waiting.length === 0 ? <p>Aucun certificat en attente : tous les labels ont leur certificat signé.</p> : null}
          <ul className="space-y-3">
            {waiting.map((label) => (
              <li key={label.id}>
                <Card>
                  <p>
                    <strong>{label.organization.name}</strong> · label {label.round.year} obtenu le {dateTime.format(label.awardedAt)} : certificat pas encore commencé.
                  </p>
                </Card>
              </li>
            ))}
            {failing.map((certificate) => (
              <li key={certificate.id}>
                <Card className="space-y-2">
                  <p>
                    <strong>{certificate.organization.name}</strong> · <span className="font-mono">{certificate.serial}</span> · {certificate.statusWord}
                  </p>
                  {certificate.attempts > 0 ? (
                    <Notice tone="danger" title={`${certificate.attempts} essai${certificate.attempts > 1 ? "s" : ""} en échec`}>
                      <p>
                        Dernier essai {certificate.lastAttemptAt ? `le ${dateTime.format(certificate.lastAttemptAt)}` : ""} : {certificate.lastError}. Un nouvel essai est fait
                        automatiquement ; rien n&apos;est envoyé ni publié tant que le certificat n&apos;est pas signé.
                      </p>
                    </Notice>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="delivres-titre" className="space-y-3">
          <h2 id="delivres-titre" className="text-2xl">
            Certificats délivrés
          </h2>
          {issued.length === 0 ? <p>Aucun certificat délivré pour l&apos;instant.</p> : null}
          <ul className="space-y-4">
            {issued.map((certificate) => (
              <li key={certificate.id}>
                <Card className="space-y-4">
                  {/* A revoked certificate loses its forms: their message is said here, in the card. */}
                  <ActionAnnouncer>
                  <div>
                    <h3 className="text-xl">
                      {certificate.organization.name} · <span className="font-mono">{certificate.serial}</span>
                    </h3>
                    <p>
                      Label {certificate.year} · délivré le {dateTime.format(certificate.issuedAt!)}
                      {certificate.reissueReason ? ` · remplacement : ${certificate.reissueReason}` : ""}
                    </p>
                    <p>
                      <strong>Statut : {certificate.statusWord}.</strong> {certificate.statusText}. <Link href={`/verifier/${certificate.serial}`}>Page publique</Link>
                    </p>
                  </div>
                  {certificate.current ? (
                    <div className="grid items-start gap-6 md:grid-cols-3">
                      <HologramForm certificateId={certificate.id} serial={certificate.serial} current={certificate.hologramNumber} action={recordHologramAction} />
                      {canManage ? <ReasonForm certificateId={certificate.id} serial={certificate.serial} kind="reissue" action={reissueCertificateAction} /> : null}
                      {canManage ? <ReasonForm certificateId={certificate.id} serial={certificate.serial} kind="revoke" action={revokeCertificateAction} /> : null}
                    </div>
                  ) : certificate.hologramNumber ? (
                    <p>Hologramme n° {certificate.hologramNumber}</p>
                  ) : null}
                  </ActionAnnouncer>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </Container>
    </>
  );
}
