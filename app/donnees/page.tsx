// The open data's page, as data.gouv.fr publishers describe a dataset: the files, the schema
// field by field, the licence. Static (no database): the files themselves are live.
import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { LICENCE, OPEN_DATA_FIELDS } from "@/lib/public/open-data";

export const metadata: Metadata = { title: "Données ouvertes", description: "La liste des territoires labellisés Commune Cyber Dynamique en CSV et JSON, sous Licence Ouverte 2.0." };

export default function OpenDataPage() {
  return (
    <>
      <PageHeader
        title="Données ouvertes"
        lead="La liste des communes et intercommunalités qui détiennent aujourd’hui un label valide, à réutiliser librement. Elle suit les retraits et les expirations à la minute près."
      />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="fichiers" className="space-y-3">
          <h2 id="fichiers" className="text-2xl">
            Les fichiers
          </h2>
          <ul className="list-disc space-y-2 pl-6">
            <li>
              <a href="/donnees/labellisees.csv">labellisees.csv</a> : tableur, UTF-8, séparateur virgule, une ligne par territoire.
            </li>
            <li>
              <a href="/donnees/labellisees.json">labellisees.json</a> : les mêmes lignes en JSON, avec la licence et la date de production.
            </li>
            <li>
              <a href="/donnees/schema.json">schema.json</a> : le schéma des deux fichiers au format{" "}
              <a href="https://specs.frictionlessdata.io/table-schema/">Table Schema</a>, comme sur schema.data.gouv.fr.
            </li>
          </ul>
          <p>
            Un territoire figure dans ces fichiers tant que son label est valable : il en sort le lendemain de son dernier jour de validité (heure de Paris)
            ou dès que le label est retiré. Chaque territoire a sa page publique, par exemple depuis <Link href="/labellisees">la liste des territoires labellisés</Link>.
          </p>
        </section>

        <section aria-labelledby="licence" className="space-y-3">
          <h2 id="licence" className="text-2xl">
            Licence
          </h2>
          <p>
            Ces données sont publiées par l’Association des Communes Cyber Dynamiques sous la <a href={LICENCE.path}>{LICENCE.name}</a> : vous pouvez les
            copier, les modifier et les diffuser, y compris à des fins commerciales, en mentionnant leur source (« Association des Communes Cyber
            Dynamiques ») et la date de leur dernière mise à jour.
          </p>
        </section>

        <section aria-labelledby="schema" className="space-y-3">
          <h2 id="schema" className="text-2xl">
            Les colonnes
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Colonnes des fichiers, dans leur ordre</caption>
              <thead>
                <tr className="border-b-2 border-ink-muted">
                  <th scope="col" className="py-2 pr-4">Colonne</th>
                  <th scope="col" className="py-2 pr-4">Type</th>
                  <th scope="col" className="py-2 pr-4">Description</th>
                  <th scope="col" className="py-2">Exemple</th>
                </tr>
              </thead>
              <tbody>
                {OPEN_DATA_FIELDS.map((field) => (
                  <tr key={field.name} className="border-b border-line align-top">
                    <th scope="row" className="py-2 pr-4 font-mono text-sm font-normal">{field.name}</th>
                    <td className="py-2 pr-4">{field.type === "integer" ? "nombre entier" : field.type === "date" ? "date (AAAA-MM-JJ)" : "texte"}</td>
                    <td className="py-2 pr-4">{field.description}</td>
                    <td className="py-2 font-mono text-sm break-all">{field.example}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </Container>
    </>
  );
}
