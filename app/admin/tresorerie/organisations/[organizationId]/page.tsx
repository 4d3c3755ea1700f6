import type { Metadata } from "next";
import Link from "next/link";
import { CancelInvoiceForm, TransferForm } from "@/components/dues/treasurer-forms";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { associationPermissions } from "@/lib/auth/grants";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { duesHistory } from "@/lib/dues/treasury";
import { cancelInvoiceAction, recordTransferAction } from "../../actions";

export const metadata: Metadata = { title: "Cotisations d’une organisation" };

type Props = { params: Promise<{ organizationId: string }> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const STATUS = { DUE: "à régler", PAID: "réglée", CANCELLED: "facture annulée" } as const;

export default async function OrganizationDuesPage({ params }: Props) {
  const { organizationId } = await params;
  const actor = await requireActorOrRedirect(`/admin/tresorerie/organisations/${organizationId}`);
  const history = await orNotFound(duesHistory(getDb(), actor, organizationId));
  if (!history) {
    return (
      <>
        <PageHeader title="Organisation introuvable" />
        <Container className="py-10">
          <p>
            Cette organisation n’existe pas. <Link href="/admin/tresorerie">Retour à la trésorerie</Link>
          </p>
        </Container>
      </>
    );
  }
  // Recording is association work: the treasurer's role, not a member's reading permission.
  const canRecord = associationPermissions(actor).has("dues:record");
  return (
    <>
      <PageHeader title={history.organization.name} lead="Historique des factures, avoirs et paiements de la cotisation." />
      <Container className="max-w-4xl space-y-10 py-10">
        <p>
          <Link href="/admin/tresorerie">← Retour à la trésorerie</Link>
        </p>
        {history.dues.length === 0 ? <p>Aucune facture émise pour cette organisation.</p> : null}
        {history.dues.map((dues) => {
          const current = dues.invoices.find((invoice) => invoice.kind === "INVOICE" && !invoice.cancelledBy);
          return (
            <section key={dues.id} aria-labelledby={`campagne-${dues.id}`} className="space-y-4">
              <h2 id={`campagne-${dues.id}`} className="text-2xl">
                Campagne {dues.round.year} · {STATUS[dues.status]}
              </h2>
              <p>
                Montant {formatEuros(dues.amountCents)} · reçu {formatEuros(dues.paidCents)}
                {dues.paidCents > dues.amountCents ? <strong className="text-danger-700"> · trop-perçu {formatEuros(dues.paidCents - dues.amountCents)} à régulariser</strong> : null}
                {dues.paidAt ? ` · réglée le ${day.format(dues.paidAt)}` : ""}
              </p>
              <h3 className="text-lg">Factures et avoirs</h3>
              <ul className="space-y-1">
                {dues.invoices.map((invoice) => (
                  <li key={invoice.id}>
                    <a href={`/espace/organisations/${organizationId}/cotisation/facture/${invoice.id}`}>
                      {invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} {invoice.number}
                    </a>{" "}
                    · {day.format(invoice.issuedAt)} · {formatEuros(invoice.amountCents)}
                    {invoice.cancelledBy ? ` · annulée par ${invoice.cancelledBy.number}` : ""}
                    {invoice.reason ? ` · motif : ${invoice.reason}` : ""}
                  </li>
                ))}
              </ul>
              <h3 className="text-lg">Paiements</h3>
              {dues.payments.length === 0 ? <p>Aucun paiement reçu.</p> : null}
              <ul className="space-y-1">
                {dues.payments.map((payment) => (
                  <li key={payment.id}>
                    {day.format(payment.receivedAt ?? payment.createdAt)} · {formatEuros(payment.amountCents)} · {payment.method === "CARD" ? "carte" : "virement"}
                    {payment.reference ? ` · réf. ${payment.reference}` : ""}
                    {payment.mandateNumber ? ` · mandat ${payment.mandateNumber}` : ""}
                    {payment.refundedCents > 0 ? ` · remboursé ${formatEuros(payment.refundedCents)}` : ""}
                  </li>
                ))}
              </ul>
              {canRecord && current && dues.status !== "CANCELLED" ? (
                <Card className="space-y-4">
                  <h3 className="text-lg">Enregistrer un virement reçu</h3>
                  <TransferForm duesId={dues.id} remaining={formatEuros(Math.max(0, dues.amountCents - dues.paidCents))} action={recordTransferAction} />
                </Card>
              ) : null}
              {canRecord && current ? (
                <Card className="space-y-4">
                  <h3 className="text-lg">Corriger la facture {current.number}</h3>
                  <CancelInvoiceForm invoiceId={current.id} number={current.number} action={cancelInvoiceAction} />
                </Card>
              ) : null}
            </section>
          );
        })}
      </Container>
    </>
  );
}
