import type { Metadata } from "next";
import Link from "next/link";
import { StatementUpload } from "@/components/dues/treasurer-forms";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { reconciliationOf } from "@/lib/dues/statements";
import { confirmBankLineAction, ignoreBankLineAction, importStatementAction } from "../actions";
import { ActionAnnouncer } from "@/components/forms/action-announcer";

export const metadata: Metadata = { title: "Relevés bancaires" };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const REASONS = { number: "numéro de facture dans le libellé", "number-and-amount": "numéro de facture et montant", amount: "même montant" } as const;

export default async function StatementsPage() {
  const actor = await requireActorOrRedirect("/admin/tresorerie/releves");
  const view = await orNotFound(reconciliationOf(getDb(), actor));
  return (
    <>
      <PageHeader title="Relevés bancaires" lead="Importez l’export CSV du compte de l’association : la plateforme propose à quelle facture correspond chaque virement reçu, vous confirmez. Rien n’est enregistré sans votre confirmation." />
      <Container className="max-w-5xl space-y-10 py-10">
        <p>
          <Link href="/admin/tresorerie">← Retour à la trésorerie</Link>
        </p>
        <section aria-labelledby="import-titre" className="space-y-3">
          <h2 id="import-titre" className="text-2xl">
            Importer un relevé
          </h2>
          <Card>
            <StatementUpload action={importStatementAction} />
          </Card>
        </section>

        <section aria-labelledby="rapprocher-titre" className="space-y-4">
          <h2 id="rapprocher-titre" className="text-2xl">
            Virements à rapprocher ({view.pending.length})
          </h2>
          {/* A confirmed or set-aside line leaves this list: its message is said above it. */}
          <ActionAnnouncer>
          {view.pending.length === 0 ? <p>Aucun virement en attente.</p> : null}
          <ul className="space-y-4">
            {view.pending.map((line) => (
              <li key={line.id}>
                <Card className="space-y-3">
                  <p>
                    <strong>{formatEuros(line.amountCents)}</strong> reçus le {day.format(line.bookedOn)} · « {line.label} »
                  </p>
                  {line.proposals.length === 0 ? <p>Aucune facture ne correspond : vérifiez le libellé, ou écartez la ligne si ce n’est pas une cotisation.</p> : null}
                  <ul className="space-y-2">
                    {line.proposals.map((proposal) => (
                      <li key={proposal.duesId} className="flex flex-wrap items-center gap-3">
                        <span>
                          {proposal.organizationName} · facture {proposal.invoiceNumber} · reste {formatEuros(proposal.remainingCents)} ({REASONS[proposal.reason]})
                        </span>
                        <ActionButton action={confirmBankLineAction} input={{ lineId: line.id, duesId: proposal.duesId }} variant="primary">
                          Confirmer<span className="sr-only"> : {formatEuros(line.amountCents)} pour la facture {proposal.invoiceNumber}</span>
                        </ActionButton>
                      </li>
                    ))}
                  </ul>
                  <ActionButton action={ignoreBankLineAction} input={{ lineId: line.id }} variant="tertiary">
                    Écarter cette ligne<span className="sr-only"> ({line.label})</span>
                  </ActionButton>
                </Card>
              </li>
            ))}
          </ul>
          </ActionAnnouncer>
        </section>

        {view.decided.length > 0 ? (
          <section aria-labelledby="traites-titre" className="space-y-3">
            <h2 id="traites-titre" className="text-2xl">
              Derniers virements traités
            </h2>
            <ul className="space-y-1">
              {view.decided.map((line) => (
                <li key={line.id}>
                  {day.format(line.bookedOn)} · {formatEuros(line.amountCents)} · « {line.label} » · {line.ignored ? "écarté" : `enregistré pour ${line.organizationName}`}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {view.statements.length > 0 ? (
          <section aria-labelledby="historique-titre" className="space-y-3">
            <h2 id="historique-titre" className="text-2xl">
              Relevés importés
            </h2>
            <ul className="space-y-1">
              {view.statements.map((statement) => (
                <li key={statement.id}>
                  {statement.filename} · {day.format(statement.importedAt)} · {statement._count.lines} ligne(s) · {statement.encoding}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Container>
    </>
  );
}
