// The registry: filter form (a plain GET form, works without JavaScript), the result table and
// its pages. Rendered by the static first page (/labellisees) and the search (/labellisees/recherche).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { registryOptions, registryPage, registryQueryString } from "@/lib/public/registry-rules";
import type { PublicLabel, RegistryFilters } from "@/lib/public/types";
import { countLabel, dayLabel, kindLabel } from "./format";

const SEARCH_PATH = "/labellisees/recherche";
const control = "mt-1 block min-h-11 w-full rounded-md border-2 border-ink-muted bg-white px-3 py-2 text-base";

export function RegistryView({ labels, filters }: { labels: PublicLabel[]; filters: RegistryFilters }) {
  const options = registryOptions(labels);
  const result = registryPage(labels, filters);
  const filtered = Boolean(filters.q || filters.region || filters.departement || filters.kind || filters.year || filters.type);
  // Unfiltered pages are the cached /labellisees/N; a search keeps its query string.
  const pageHref = (page: number) =>
    filtered ? `${SEARCH_PATH}${registryQueryString({ ...filters, page })}` : page === 1 ? "/labellisees" : `/labellisees/${page}`;

  return (
    <div className="space-y-8">
      <form method="get" action={SEARCH_PATH} role="search" aria-label="Chercher parmi les territoires labellisés" className="rounded-lg bg-surface p-5 sm:p-6">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="registre-q" className="block font-semibold">
              Nom, code postal ou code INSEE
            </label>
            <p id="registre-q-aide" className="text-sm text-ink-muted">
              Par exemple « Meyreuil », « 13590 » ou « 13060 ».
            </p>
            <input id="registre-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} aria-describedby={result.searchMessage ? "registre-q-aide registre-q-erreur" : "registre-q-aide"} aria-invalid={result.searchMessage ? true : undefined} className={control} />
            {result.searchMessage ? (
              <p id="registre-q-erreur" className="mt-1 font-semibold text-danger-700">
                {result.searchMessage}
              </p>
            ) : null}
          </div>
          <Select id="registre-region" name="region" label="Région" value={filters.region} all="Toutes les régions" options={options.regions} />
          <Select id="registre-departement" name="departement" label="Département" value={filters.departement} all="Tous les départements" options={options.departments} />
          <Select
            id="registre-kind"
            name="kind"
            label="Type de territoire"
            value={filters.kind}
            all="Communes et intercommunalités"
            options={[
              { value: "COMMUNE", label: "Communes" },
              { value: "EPCI", label: "Intercommunalités" },
            ]}
          />
          <Select id="registre-year" name="year" label="Campagne" value={filters.year ? String(filters.year) : undefined} all="Toutes les campagnes" options={options.years.map((year) => ({ value: String(year), label: String(year) }))} />
          <Select
            id="registre-type"
            name="type"
            label="Obtention"
            value={filters.type}
            all="Premiers labels et renouvellements"
            options={[
              { value: "premier", label: "Premier label" },
              { value: "renouvellement", label: "Renouvellement" },
            ]}
          />
        </div>
        <div className="mt-5 flex flex-wrap items-center gap-4">
          <Button type="submit">Rechercher</Button>
          {filtered ? <Link href="/labellisees">Effacer la recherche</Link> : null}
        </div>
      </form>

      <section aria-labelledby="registre-resultats" className="space-y-4">
        <h2 id="registre-resultats" className="text-2xl">
          {filtered ? countLabel(result.total, "territoire trouvé", "territoires trouvés") : countLabel(result.total, "territoire labellisé", "territoires labellisés")}
          {result.pageCount > 1 ? <span className="text-lg font-normal text-ink-muted"> · page {result.page} sur {result.pageCount}</span> : null}
        </h2>
        {result.total === 0 ? (
          <p>{filtered ? "Aucun territoire labellisé ne correspond à cette recherche. Essayez un autre nom ou retirez un filtre." : "Aucun territoire ne détient le label pour le moment."}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Territoires labellisés, triés par nom</caption>
              <thead>
                <tr className="border-b-2 border-ink-muted">
                  <th scope="col" className="py-2 pr-4">Territoire</th>
                  <th scope="col" className="py-2 pr-4">Département</th>
                  <th scope="col" className="py-2 pr-4">Campagne</th>
                  <th scope="col" className="py-2 pr-4">Obtention</th>
                  <th scope="col" className="py-2">Valable jusqu’au</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.territoryCode} className="border-b border-line align-top">
                    <th scope="row" className="py-3 pr-4 font-normal">
                      <Link href={`/territoires/${row.territoryCode}`} className="font-semibold">
                        {row.name}
                      </Link>
                      <span className="block text-sm text-ink-muted">{kindLabel(row)}</span>
                    </th>
                    <td className="py-3 pr-4">{row.departmentName ? `${row.departmentName} (${row.departmentCode})` : "—"}</td>
                    <td className="py-3 pr-4">{row.year}</td>
                    <td className="py-3 pr-4">{row.renewal ? "Renouvellement" : "Premier label"}</td>
                    <td className="py-3">{dayLabel(row.validUntilOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label="Pages de résultats">
            <ul className="flex flex-wrap items-center gap-4">
              {result.page > 1 ? (
                <li>
                  <Link href={pageHref(result.page - 1)} rel="prev">
                    Page précédente
                  </Link>
                </li>
              ) : null}
              <li aria-current="page">
                Page {result.page} sur {result.pageCount}
              </li>
              {result.page < result.pageCount ? (
                <li>
                  <Link href={pageHref(result.page + 1)} rel="next">
                    Page suivante
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function Select({ id, name, label, value, all, options }: { id: string; name: string; label: string; value: string | undefined; all: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
