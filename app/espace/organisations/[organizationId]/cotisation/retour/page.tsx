import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { checkoutStatusOf } from "@/lib/dues/stripe";

export const metadata: Metadata = { title: "Paiement par carte" };

type Props = { params: Promise<{ organizationId: string }>; searchParams: Promise<{ session_id?: string }> };

// The return from Stripe's page proves nothing: the payment is recorded by the webhook only.
export default async function CardReturnPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const { session_id: sessionId } = await searchParams;
  const base = `/espace/organisations/${organizationId}/cotisation`;
  const actor = await requireActorOrRedirect(`${base}/retour`);
  const status = await orNotFound(checkoutStatusOf(getDb(), actor, { organizationId, sessionId: typeof sessionId === "string" ? sessionId : "" }));
  const confirmed = status?.duesStatus === "PAID";
  return (
    <>
      <PageHeader title="Paiement par carte" />
      <Container className="max-w-3xl space-y-6 py-10">
        <div role="status">
          {confirmed ? (
            <Notice tone="success" title="Paiement confirmé">
              <p>Stripe a confirmé le paiement : la cotisation est réglée. L’acquit est envoyé à l’adresse de facturation.</p>
            </Notice>
          ) : status?.checkoutStatus === "FAILED" ? (
            <Notice tone="danger" title="Paiement refusé">
              <p>Le paiement n’a pas abouti : rien n’a été débité. Réessayez, ou réglez la facture par virement.</p>
            </Notice>
          ) : (
            <Notice title="Paiement en cours de confirmation">
              <p>
                Merci. Le paiement est en cours de confirmation par Stripe : la cotisation apparaîtra comme réglée dès sa confirmation (quelques secondes pour une carte,
                quelques jours pour un prélèvement). Inutile de payer une seconde fois.
              </p>
            </Notice>
          )}
        </div>
        <p>
          <Link href={base}>Retour à la cotisation</Link>
        </p>
      </Container>
    </>
  );
}
