import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { inputClasses } from "@/components/forms/form-field";
import { buttonClasses } from "@/components/ui/button";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { CANDIDACY_STATUS_LABELS } from "@/lib/candidacy/snapshot";
import { getDb } from "@/lib/db/client";
import { SIZE_BAND_LABELS, SIZE_BANDS } from "@/lib/questionnaire/size-band";
import { listReviewQueue, queueFilterChoices } from "@/lib/review/queue";
import { CANDIDACY_STATUSES_IN_QUEUE, WAITING_LABELS } from "@/lib/review/queue-filters";
import { OVERDUE_DAYS } from "@/lib/review/rules";
import { queueFiltersSchema, type QueueFilters } from "@/lib/review/schemas";

export const metadata: Metadata = { title: "Dossiers à examiner" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" });

function hrefWith(filters: QueueFilters, change: Partial<QueueFilters>): string {
  const merged = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "statut" && value === "SUBMITTED") || (key === "tri" && value === "anciens") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/espace/examen?${query}` : "/espace/examen";
}

export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requireActorOrRedirect("/espace/examen");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = queueFiltersSchema.parse(raw);
  const db = getDb();
  const [queue, choices] = await Promise.all([orNotFound(listReviewQueue(db, actor, filters)), orNotFound(queueFilterChoices(db, actor))]);
  if (!queue) {
    return (
      <>
        <PageHeader title="Dossiers à examiner" />
        <Container className="py-10">
          <Notice title="Aucune campagne ouverte">
            <p>Les candidatures arriveront à l’ouverture de la prochaine campagne.</p>
          </Notice>
        </Container>
      </>
    );
  }
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[], all: string) => (
    <div>
      <label htmlFor={`filtre-${name}`} className="block font-semibold">
        {label}
      </label>
      <select id={`filtre-${name}`} name={name} defaultValue={value ?? ""} className={inputClasses}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeader title="Dossiers à examiner" lead={`${queue.round.name} : les candidatures déposées, les plus anciennes d’abord. Un dossier qui attend plus de ${OVERDUE_DAYS} jours est signalé.`} />
      <Container className="space-y-8 py-10">
        <form method="get" action="/espace/examen" className="grid gap-4 rounded-lg border border-line bg-white p-5 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filtrer les dossiers">
          <div>
            <label htmlFor="filtre-statut" className="block font-semibold">
              État
            </label>
            <select id="filtre-statut" name="statut" defaultValue={filters.statut} className={inputClasses}>
              {CANDIDACY_STATUSES_IN_QUEUE.map((status) => (
                <option key={status} value={status}>
                  {CANDIDACY_STATUS_LABELS[status]}
                </option>
              ))}
              <option value="tous">Tous les dossiers déposés</option>
            </select>
          </div>
          {select("departement", "Département", filters.departement, choices.departments.map((department) => ({ value: department.code, label: `${department.code} · ${department.name}` })), "Tous")}
          {select("region", "Région", filters.region, choices.regions.map((region) => ({ value: region.code, label: region.name })), "Toutes")}
          {select("type", "Type", filters.type, [{ value: "COMMUNE", label: "Communes" }, { value: "EPCI", label: "Intercommunalités" }], "Tous")}
          {select("taille", "Taille", filters.taille, SIZE_BANDS.map((band) => ({ value: band, label: SIZE_BAND_LABELS[band] })), "Toutes")}
          {select("attente", "Attente", filters.attente, Object.entries(WAITING_LABELS).map(([value, label]) => ({ value, label })), "Toutes")}
          <div>
            <label htmlFor="filtre-tri" className="block font-semibold">
              Ordre
            </label>
            <select id="filtre-tri" name="tri" defaultValue={filters.tri} className={inputClasses}>
              <option value="anciens">Les plus anciens d’abord</option>
              <option value="recents">Les plus récents d’abord</option>
            </select>
          </div>
          <div className="flex items-end">
            <button type="submit" className={buttonClasses("primary")}>
              Filtrer
            </button>
          </div>
        </form>

        <p role="status">
          {queue.total === 0 ? "Aucun dossier ne correspond à ces filtres." : `${queue.total} dossier${queue.total > 1 ? "s" : ""}${queue.pages > 1 ? ` · page ${queue.page} sur ${queue.pages}` : ""}.`}
        </p>

        {queue.rows.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Candidatures de la campagne</caption>
              <thead>
                <tr className="border-b-2 border-line">
                  <th scope="col" className="py-2 pr-4">Collectivité</th>
                  <th scope="col" className="py-2 pr-4">Déposée</th>
                  <th scope="col" className="py-2 pr-4">État</th>
                  <th scope="col" className="py-2 pr-4">Relecteur</th>
                </tr>
              </thead>
              <tbody>
                {queue.rows.map((row) => (
                  <tr key={row.id} className="border-b border-line align-top">
                    <td className="py-2 pr-4">
                      <Link href={`/espace/examen/${row.organizationId}`}>{row.organization.name}</Link>
                      <span className="block text-sm text-ink-muted">
                        {row.organization.territory.department?.name ?? row.departmentCode ?? "—"} · {row.territoryKind === "EPCI" ? "intercommunalité" : "commune"}
                        {row.sizeBand ? `, ${SIZE_BAND_LABELS[row.sizeBand]}` : ""}
                        {row.isRenewal ? " · renouvellement" : ""}
                        {row._count.opinions > 0 ? ` · ${row._count.opinions} avis` : ""}
                      </span>
                    </td>
                    <td className="py-2 pr-4">
                      {row.submittedAt ? day.format(row.submittedAt) : "—"}
                      <span className="block text-sm">
                        {row.overdue ? <strong className="text-danger-700">⚠ En attente depuis {row.waitingDays} jours</strong> : `${row.waitingDays} jour${row.waitingDays > 1 ? "s" : ""}`}
                      </span>
                    </td>
                    <td className="py-2 pr-4">
                      {CANDIDACY_STATUS_LABELS[row.status]}
                      {row.revision > 1 ? <span className="block text-sm text-ink-muted">version {row.revision}</span> : null}
                    </td>
                    <td className="py-2 pr-4">
                      {row.assignedReviewer ? (row.assignedReviewerId === actor.userId ? "Vous" : (row.assignedReviewer.name ?? row.assignedReviewer.email)) : "Personne"}
                      {row.conflict ? <span className="block text-sm text-danger-700">Conflit d’intérêts : vous ne pouvez pas le prendre</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        {queue.pages > 1 ? (
          <nav aria-label="Pages" className="flex flex-wrap gap-4">
            {queue.page > 1 ? <Link href={hrefWith(filters, { page: queue.page - 1 })}>← Page précédente</Link> : null}
            {queue.page < queue.pages ? <Link href={hrefWith(filters, { page: queue.page + 1 })}>Page suivante →</Link> : null}
          </nav>
        ) : null}
      </Container>
    </>
  );
}
