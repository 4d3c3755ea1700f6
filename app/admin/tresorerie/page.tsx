import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { associationPermissions } from "@/lib/auth/grants";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { boardFiltersSchema } from "@/lib/dues/schemas";
import { AGEING_BUCKETS, BOARD_STATUS_LABELS, BOARD_STATUSES } from "@/lib/dues/status";
import { duesBoard } from "@/lib/dues/treasury";
import { inputClasses } from "@/components/forms/form-field";

export const metadata: Metadata = { title: "Trésorerie" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

export default async function TreasuryPage({ searchParams }: Props) {
  const actor = await requireActorOrRedirect("/admin/tresorerie");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = boardFiltersSchema.parse(raw);
  const board = await orNotFound(duesBoard(getDb(), actor, { roundId: filters.campagne, status: filters.statut, department: filters.departement, kind: filters.type, method: filters.moyen }));
  const canRecord = associationPermissions(actor).has("dues:record");
  const query = new URLSearchParams(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")).toString();

  return (
    <>
      <PageHeader title="Trésorerie" lead="Les cotisations de la campagne : qui a reçu sa facture, qui a payé, ce qui est en retard. Les administrateurs consultent ; la trésorerie enregistre les paiements." />
      <Container className="space-y-10 py-10">
        {!board ? (
          <p>Aucune campagne ouverte ou close pour l’instant.</p>
        ) : (
          <>
            <p className="flex flex-wrap gap-3">
              {canRecord ? <ButtonLink href="/admin/tresorerie/releves">Importer un relevé bancaire</ButtonLink> : null}
              <ButtonLink href={`/admin/tresorerie/export${query ? `?${query}` : ""}`} variant="secondary" prefetch={false}>
                Exporter en CSV (tableur)
              </ButtonLink>
            </p>

            <section aria-labelledby="filtres-titre" className="space-y-3">
              <h2 id="filtres-titre" className="text-2xl">
                Filtres
              </h2>
              <form method="get" className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
                <label className="block font-semibold">
                  Campagne
                  <select name="campagne" defaultValue={board.round.id} className={inputClasses}>
                    {board.rounds.map((round) => (
                      <option key={round.id} value={round.id}>
                        {round.year}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block font-semibold">
                  Statut
                  <select name="statut" defaultValue={filters.statut ?? ""} className={inputClasses}>
                    <option value="">Tous</option>
                    {BOARD_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {BOARD_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block font-semibold">
                  Département
                  <select name="departement" defaultValue={filters.departement ?? ""} className={inputClasses}>
                    <option value="">Tous</option>
                    {board.departments.map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block font-semibold">
                  Type
                  <select name="type" defaultValue={filters.type ?? ""} className={inputClasses}>
                    <option value="">Tous</option>
                    <option value="COMMUNE">Communes</option>
                    <option value="EPCI">Intercommunalités</option>
                  </select>
                </label>
                <label className="block font-semibold">
                  Moyen de paiement
                  <select name="moyen" defaultValue={filters.moyen ?? ""} className={inputClasses}>
                    <option value="">Tous</option>
                    <option value="TRANSFER">Virement</option>
                    <option value="CARD">Carte</option>
                  </select>
                </label>
                <div className="flex items-end">
                  <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white">
                    Filtrer
                  </button>
                </div>
              </form>
            </section>

            <section aria-labelledby="totaux-titre" className="space-y-3">
              <h2 id="totaux-titre" className="text-2xl">
                Totaux {board.round.year}
              </h2>
              <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">Facturé</dt>
                <dd>{formatEuros(board.totals.invoicedCents)}</dd>
                <dt className="font-semibold">Encaissé</dt>
                <dd>{formatEuros(board.totals.paidCents)}</dd>
                <dt className="font-semibold">Reste à encaisser</dt>
                <dd>{formatEuros(board.totals.outstandingCents)}</dd>
                {board.totals.overpaidCents > 0 ? (
                  <>
                    <dt className="font-semibold">Trop-perçu à régulariser</dt>
                    <dd>{formatEuros(board.totals.overpaidCents)}</dd>
                  </>
                ) : null}
              </dl>
              <table className="w-full border-collapse text-left">
                <caption className="pb-2 text-left font-semibold">Par statut</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col">Statut</th>
                    <th scope="col" className="text-right">Organisations</th>
                    <th scope="col" className="text-right">Montant</th>
                  </tr>
                </thead>
                <tbody>
                  {BOARD_STATUSES.map((status) => (
                    <tr key={status} className="border-b border-line">
                      <th scope="row" className="py-1 font-normal">{BOARD_STATUS_LABELS[status]}</th>
                      <td className="py-1 text-right">{board.totals.byStatus[status].count}</td>
                      <td className="py-1 text-right">{formatEuros(board.totals.byStatus[status].amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="w-full border-collapse text-left">
                <caption className="pb-2 text-left font-semibold">Retards, par ancienneté après l’échéance</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col">Retard</th>
                    <th scope="col" className="text-right">Organisations</th>
                    <th scope="col" className="text-right">Reste dû</th>
                  </tr>
                </thead>
                <tbody>
                  {AGEING_BUCKETS.map((bucket) => (
                    <tr key={bucket} className="border-b border-line">
                      <th scope="row" className="py-1 font-normal">{bucket === "90+" ? "plus de 90 jours" : `${bucket} jours`}</th>
                      <td className="py-1 text-right">{board.ageing[bucket].count}</td>
                      <td className="py-1 text-right">{formatEuros(board.ageing[bucket].outstandingCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section aria-labelledby="liste-titre" className="space-y-3">
              <h2 id="liste-titre" className="text-2xl">
                Cotisations ({board.rows.length})
              </h2>
              {board.rows.length === 0 ? <Notice>Aucune organisation ne correspond à ces filtres.</Notice> : null}
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">Cotisations de la campagne {board.round.year}</caption>
                  <thead>
                    <tr className="border-b border-line">
                      <th scope="col" className="py-2 pr-3">Organisation</th>
                      <th scope="col" className="py-2 pr-3">Statut</th>
                      <th scope="col" className="py-2 pr-3">Facture</th>
                      <th scope="col" className="py-2 pr-3">Échéance</th>
                      <th scope="col" className="py-2 pr-3 text-right">Montant</th>
                      <th scope="col" className="py-2 text-right">Payé</th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.rows.map((row) => (
                      <tr key={row.organizationId} className="border-b border-line">
                        <th scope="row" className="py-2 pr-3 font-normal">
                          <Link href={`/admin/tresorerie/organisations/${row.organizationId}`}>{row.organizationName}</Link>
                          <span className="block text-sm text-ink-muted">
                            {row.kind === "COMMUNE" ? "Commune" : "EPCI"} · {row.departmentCode ?? "—"}
                          </span>
                        </th>
                        <td className="py-2 pr-3">
                          {BOARD_STATUS_LABELS[row.status]}
                          {row.overpaidCents > 0 ? <span className="block text-sm font-semibold text-danger-700">Trop-perçu {formatEuros(row.overpaidCents)}</span> : null}
                        </td>
                        <td className="py-2 pr-3">{row.invoiceNumber ?? "—"}</td>
                        <td className="py-2 pr-3">{row.dueAt ? day.format(row.dueAt) : "—"}</td>
                        <td className="py-2 pr-3 text-right">{row.duesId ? formatEuros(row.amountCents) : "—"}</td>
                        <td className="py-2 text-right">{row.duesId ? formatEuros(row.paidCents) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </Container>
    </>
  );
}
