import type { Metadata } from "next";
import Link from "next/link";
import { TiersEditor } from "@/components/dues/tiers-editor";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { bandLabel } from "@/lib/dues/tiers";
import { tiersEditorOf } from "@/lib/dues/tiers-admin";
import { saveTiersAction } from "./actions";

export const metadata: Metadata = { title: "Barème des cotisations" };

type Props = { params: Promise<{ roundId: string }> };

export default async function RoundTiersPage({ params }: Props) {
  const { roundId } = await params;
  const actor = await requireActorOrRedirect(`/admin/campagnes/${roundId}/cotisations`);
  const editor = await orNotFound(tiersEditorOf(getDb(), actor, roundId));
  if (!editor) {
    return (
      <>
        <PageHeader title="Barème des cotisations" />
        <Container className="py-10">
          <p>
            Cette campagne n’existe pas. <Link href="/admin/campagnes">Retour aux campagnes</Link>
          </p>
        </Container>
      </>
    );
  }
  const { round, tiers, editable } = editor;
  return (
    <>
      <PageHeader title={`Barème des cotisations ${round.year}`} lead="Le montant de la cotisation par type de collectivité et par tranche de population. Il se fixe pendant la préparation de la campagne et ne change plus une fois celle-ci ouverte." />
      <Container className="space-y-8 py-10">
        <p>
          <Link href="/admin/campagnes">← Retour aux campagnes</Link>
        </p>
        {editable ? (
          <TiersEditor roundId={round.id} tiers={tiers} action={saveTiersAction} />
        ) : (
          <>
            <Notice title="Barème figé">
              <p>La campagne {round.year} est {round.status === "OPEN" ? "ouverte" : "close"} : les communes ont été informées de ces montants, ils ne changent plus.</p>
            </Notice>
            <ul className="list-disc space-y-1 pl-6">
              {tiers.map((tier) => (
                <li key={`${tier.territoryKind}-${tier.minPopulation}`}>
                  {tier.territoryKind === "COMMUNE" ? "Commune" : "Intercommunalité"}, {bandLabel(tier)} : {formatEuros(tier.amountCents)}
                </li>
              ))}
            </ul>
          </>
        )}
      </Container>
    </>
  );
}
