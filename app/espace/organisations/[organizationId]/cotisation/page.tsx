import type { Metadata } from "next";
import Link from "next/link";
import { BillingDetailsForm } from "@/components/dues/billing-form";
import { DuesCriterionStatus } from "@/components/dues/dues-criterion";
import { PayByCard } from "@/components/dues/pay-by-card";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { duesPageOf } from "@/lib/dues/page";
import { groupedIban } from "@/lib/dues/pdf";
import { issuerOf } from "@/lib/dues/config";
import { issueInvoiceAction, saveBillingDetailsAction, startCardPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Cotisation" };

type Props = { params: Promise<{ organizationId: string }> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function DuesPage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/cotisation`);
  const page = await orNotFound(duesPageOf(getDb(), actor, organizationId));
  const { organization, round, dues, billing, canPay } = page;
  const current = dues?.current ?? null;
  const remaining = dues ? Math.max(0, dues.amountCents - dues.paidCents) : 0;
  let issuer: ReturnType<typeof issuerOf> | null = null;
  try {
    issuer = issuerOf();
  } catch {
    issuer = null;
  }

  return (
    <>
      <PageHeader
        title="Cotisation"
        lead={`${organization.name} · critère 4 du label : la cotisation annuelle à l’association, réglée sur facture par mandat administratif, ou par carte.`}
      />
      <Container className="max-w-4xl space-y-10 py-10">
        <p>
          <Link href={base}>← Retour à l’organisation</Link>
        </p>

        <section aria-labelledby="etat-titre" className="space-y-4">
          <h2 id="etat-titre" className="text-2xl">
            Où en êtes-vous ?
          </h2>
          {!round ? (
            <Notice title="Aucune campagne ouverte">
              <p>La cotisation se règle pendant une campagne du label. Vous pouvez déjà renseigner vos coordonnées de facturation.</p>
            </Notice>
          ) : (
            <>
              {page.criterion ? <DuesCriterionStatus criterion={page.criterion} /> : null}
              {page.quoteCents !== null && !current ? (
                <p>
                  Montant de la cotisation {round.year} pour votre collectivité : <strong>{formatEuros(page.quoteCents)}</strong> (<Link href="/cotisation">voir le barème</Link>).
                </p>
              ) : null}
              {dues && current && dues.status !== "PAID" ? (
                <Card className="space-y-3">
                  <p>
                    Facture <strong>{current.number}</strong> du {day.format(current.issuedAt)} : <strong>{formatEuros(dues.amountCents)}</strong>, à régler au plus tard le{" "}
                    <strong>{day.format(current.dueAt)}</strong>.
                    {dues.paidCents > 0 ? ` Déjà reçu : ${formatEuros(dues.paidCents)} ; reste à payer : ${formatEuros(remaining)}.` : ""}
                  </p>
                  {current.dueAt.getTime() < Date.now() ? (
                    <Notice tone="danger" title="Échéance dépassée">
                      <p>Si le mandat est déjà transmis à votre trésorerie, rien à faire : le virement sera rapproché dès sa réception.</p>
                    </Notice>
                  ) : null}
                  {issuer ? (
                    <div>
                      <p className="font-semibold">Par virement (mandat administratif)</p>
                      <p>
                        IBAN <span className="font-mono">{groupedIban(issuer.iban)}</span> · BIC <span className="font-mono">{issuer.bic}</span> · référence à indiquer :{" "}
                        <strong>{current.number}</strong>
                      </p>
                    </div>
                  ) : null}
                  {dues.awaitingCard ? (
                    <Notice title="Paiement en cours de confirmation">
                      <p>Un paiement par prélèvement attend sa confirmation par la banque : inutile de payer de nouveau.</p>
                    </Notice>
                  ) : canPay && page.cardEnabled ? (
                    <div>
                      <p className="font-semibold">Par carte bancaire</p>
                      <p className="mb-2 text-sm text-ink-muted">Vous serez dirigé vers la page de paiement sécurisée de Stripe, puis ramené ici.</p>
                      <PayByCard organizationId={organization.id} action={startCardPaymentAction} />
                    </div>
                  ) : null}
                </Card>
              ) : null}
              {dues?.status === "PAID" ? (
                <Notice tone="success" title="Cotisation réglée">
                  <p>
                    Merci : {formatEuros(dues.paidCents)} reçus{dues.paidAt ? `, cotisation réglée le ${day.format(dues.paidAt)}` : ""}.{" "}
                    <a href={`${base}/cotisation/acquit/${dues.id}`}>Télécharger l’acquit (PDF)</a>
                  </p>
                </Notice>
              ) : null}
              {canPay && !current ? (
                billing.saved ? (
                  <ActionButton action={issueInvoiceAction} input={{ organizationId: organization.id }} variant="primary">
                    Demander la facture
                  </ActionButton>
                ) : (
                  <Notice title="Première étape : vos coordonnées de facturation">
                    <p>Renseignez-les ci-dessous : elles figurent sur la facture, que vous pourrez ensuite demander.</p>
                  </Notice>
                )
              ) : null}
            </>
          )}
        </section>

        {dues && dues.invoices.length > 0 ? (
          <section aria-labelledby="documents-titre" className="space-y-3">
            <h2 id="documents-titre" className="text-2xl">
              Factures et avoirs
            </h2>
            <ul className="space-y-2">
              {dues.invoices.map((invoice) => (
                <li key={invoice.id}>
                  <a href={`${base}/cotisation/facture/${invoice.id}`}>
                    {invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} {invoice.number} (PDF)
                  </a>{" "}
                  · {day.format(invoice.issuedAt)} · {formatEuros(invoice.amountCents)}
                  {invoice.cancelledBy ? ` · annulée par l’avoir ${invoice.cancelledBy.number}` : ""}
                  {invoice.reason ? ` · motif : ${invoice.reason}` : ""}
                </li>
              ))}
            </ul>
            {dues.payments.length > 0 ? (
              <>
                <h3 className="text-lg">Paiements reçus</h3>
                <ul className="space-y-1">
                  {dues.payments
                    .filter((payment) => payment.status !== "PENDING" && payment.status !== "FAILED")
                    .map((payment) => (
                      <li key={payment.id}>
                        {day.format(payment.receivedAt ?? payment.createdAt)} · {formatEuros(payment.amountCents)} · {payment.method === "CARD" ? "carte" : "virement"}
                        {payment.refundedCents > 0 ? ` · remboursé ${formatEuros(payment.refundedCents)}` : ""}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="facturation-titre" className="space-y-4">
          <h2 id="facturation-titre" className="text-2xl">
            Coordonnées de facturation
          </h2>
          <p>
            Elles figurent sur la facture, qui est au format Factur-X : votre service comptable peut la déposer telle quelle sur Chorus Pro. Une facture déjà émise ne change
            pas : en cas d’erreur, l’association l’annule par un avoir et en émet une nouvelle.
          </p>
          {canPay ? (
            <BillingDetailsForm organizationId={organization.id} values={billing.values} action={saveBillingDetailsAction} />
          ) : billing.saved ? (
            <Card>
              <p>{billing.values.legalName}</p>
              <p>SIRET {billing.values.siret}</p>
              <p>
                {billing.values.addressLine}, {billing.values.postalCode} {billing.values.city}
              </p>
              <p>{billing.values.invoiceEmail}</p>
            </Card>
          ) : (
            <p>Pas encore renseignées : le secrétariat ou le maire les renseigne.</p>
          )}
        </section>
      </Container>
    </>
  );
}
