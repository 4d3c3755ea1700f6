// A territory's public page: its label history and the current certificate's verification link,
// nothing of its file. Rendered on first visit, then served from cache (60 s, and at once when a
// label changes: lib/public/cache.ts). Unknown or malformed codes get the French 404 page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { countLabel, dayLabel, kindLabel } from "@/components/public/format";
import { TerritoryLabelStatus } from "@/components/public/territory-label-status";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { cachedTerritoryPage } from "@/lib/public/cached";
import type { TerritoryLabelHistoryEntry } from "@/lib/public/registry";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await cachedTerritoryPage((await params).code);
  return page ? { title: `${page.name} : label Commune Cyber Dynamique` } : { title: "Page introuvable" };
}

function stateLabel(entry: TerritoryLabelHistoryEntry): string {
  if (entry.state === "valid") return "Valide";
  if (entry.state === "revoked") return entry.revokedOn ? `Retiré le ${dayLabel(entry.revokedOn)}` : "Retiré";
  return "Expiré";
}

export default async function TerritoryPage({ params }: Props) {
  const page = await cachedTerritoryPage((await params).code);
  if (!page) notFound();
  const kind = kindLabel(page);
  const place = [page.departmentName ? `${page.departmentName} (${page.departmentCode})` : null, page.regionName].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader title={page.name} lead={`${kind}${place ? ` · ${place}` : ""}`} />
      <Container className="space-y-10 py-10">
        <TerritoryLabelStatus page={page} />

        <section aria-labelledby="historique-titre" className="space-y-4">
          <h2 id="historique-titre" className="text-2xl">
            Historique du label
          </h2>
          {page.history.length === 0 ? (
            <p>Ce territoire n’a pas encore obtenu le label Commune Cyber Dynamique.</p>
          ) : (
            <>
              <p>{countLabel(page.history.length, "campagne", "campagnes")} avec le label, la plus récente en premier.</p>
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">Labels obtenus par {page.name}</caption>
                  <thead>
                    <tr className="border-b-2 border-ink-muted">
                      <th scope="col" className="py-2 pr-4">Campagne</th>
                      <th scope="col" className="py-2 pr-4">Obtention</th>
                      <th scope="col" className="py-2 pr-4">Décerné le</th>
                      <th scope="col" className="py-2 pr-4">Valable jusqu’au</th>
                      <th scope="col" className="py-2 pr-4">État</th>
                      <th scope="col" className="py-2">Certificat</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.history.map((entry) => (
                      <tr key={entry.year} className="border-b border-line">
                        <th scope="row" className="py-3 pr-4">{entry.year}</th>
                        <td className="py-3 pr-4">{entry.renewal ? "Renouvellement" : "Premier label"}</td>
                        <td className="py-3 pr-4">{dayLabel(entry.awardedOn)}</td>
                        <td className="py-3 pr-4">{dayLabel(entry.validUntilOn)}</td>
                        <td className="py-3 pr-4">{stateLabel(entry)}</td>
                        <td className="py-3">
                          {entry.certificateSerial ? (
                            <Link href={`/verifier/${encodeURIComponent(entry.certificateSerial)}`}>
                              <span className="sr-only">Vérifier le certificat </span>
                              {entry.certificateSerial}
                            </Link>
                          ) : (
                            "—"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>

        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/labellisees">Tous les territoires labellisés</Link>
          <Link href="/labellisees/carte">La carte par département</Link>
        </p>
      </Container>
    </>
  );
}
