import type { Metadata } from "next";
import { DuesCalculator } from "@/components/dues/dues-calculator";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/client";
import { formatEuros } from "@/lib/dues/money";
import { bandLabel } from "@/lib/dues/tiers";
import { publicTiers } from "@/lib/dues/tiers-admin";

export const metadata: Metadata = { title: "Calculer sa cotisation" };
export const dynamic = "force-dynamic";

// Public: only the published tiers and the reference territories.
export default async function DuesCalculatorPage() {
  const published = await publicTiers(getDb());
  return (
    <>
      <PageHeader
        title="Calculer sa cotisation"
        lead="La cotisation annuelle à l’association est le quatrième critère du label. Son montant dépend du type de collectivité et de sa population."
      />
      <Container className="max-w-4xl space-y-10 py-10">
        {!published || published.tiers.length === 0 ? (
          <p>Le barème de la prochaine campagne n’est pas encore publié.</p>
        ) : (
          <>
            <section aria-labelledby="calcul-titre" className="space-y-4">
              <h2 id="calcul-titre" className="text-2xl">
                Votre collectivité
              </h2>
              <DuesCalculator year={published.year} tiers={published.tiers} />
            </section>
            <section aria-labelledby="bareme-titre" className="space-y-4">
              <h2 id="bareme-titre" className="text-2xl">
                Barème {published.year}
                {published.status === "DRAFT" ? " (en préparation)" : ""}
              </h2>
              {(["COMMUNE", "EPCI"] as const).map((kind) => (
                <table key={kind} className="w-full border-collapse text-left">
                  <caption className="pb-2 text-left font-semibold">{kind === "COMMUNE" ? "Communes" : "Intercommunalités (EPCI)"}</caption>
                  <thead>
                    <tr className="border-b border-line">
                      <th scope="col" className="py-2">
                        Population
                      </th>
                      <th scope="col" className="py-2 text-right">
                        Cotisation annuelle
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {published.tiers
                      .filter((tier) => tier.territoryKind === kind)
                      .map((tier) => (
                        <tr key={tier.minPopulation} className="border-b border-line">
                          <td className="py-2">{bandLabel(tier)}</td>
                          <td className="py-2 text-right">{formatEuros(tier.amountCents)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              ))}
            </section>
            <section aria-labelledby="usage-titre" className="space-y-3">
              <h2 id="usage-titre" className="text-2xl">
                À quoi sert la cotisation ?
              </h2>
              <ul className="list-disc space-y-1 pl-6">
                <li>l’examen du dossier de candidature par les relecteurs de l’association ;</li>
                <li>le certificat signé du label et sa page publique de vérification ;</li>
                <li>les ressources et l’accompagnement du Cyber Champion tout au long de l’année.</li>
              </ul>
              <p>
                Elle se règle sur facture (au format Factur-X, déposable sur Chorus Pro) par mandat administratif, ou par carte bancaire. L’association n’est pas assujettie à
                la TVA.
              </p>
            </section>
          </>
        )}
      </Container>
    </>
  );
}
