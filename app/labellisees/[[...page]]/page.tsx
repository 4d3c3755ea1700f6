// The registry's cached views: /labellisees (page 1), /labellisees/2... and the map,
// /labellisees/carte. One optional catch-all on purpose: its views are rendered on first
// visit rather than at build time (the build has no database), then served from cache,
// regenerated every 60 s and at once when a label changes (lib/public/cache.ts). Searches and
// filters, which read the query string, go to /labellisees/recherche.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MapView } from "@/components/public/map-view";
import { RegistryIntro } from "@/components/public/registry-intro";
import { RegistryView } from "@/components/public/registry-view";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { cachedPublicLabels } from "@/lib/public/cached";
import { mapDepartments } from "@/lib/public/map";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page?: string[] }> };

type View = { kind: "list"; page: number } | { kind: "map" };

function viewOf(segments: string[] | undefined): View | null {
  if (!segments || segments.length === 0) return { kind: "list", page: 1 };
  if (segments.length !== 1) return null;
  if (segments[0] === "carte") return { kind: "map" };
  return /^[1-9][0-9]{0,4}$/.test(segments[0]!) ? { kind: "list", page: Number(segments[0]) } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = viewOf((await params).page);
  if (!view) return { title: "Page introuvable" };
  if (view.kind === "map") return { title: "Carte des territoires labellisés", description: "Le nombre de communes et intercommunalités labellisées Commune Cyber Dynamique, département par département." };
  return { title: "Territoires labellisés", description: "Les communes et intercommunalités qui détiennent le label Commune Cyber Dynamique." };
}

export default async function RegistryPage({ params }: Props) {
  const view = viewOf((await params).page);
  if (!view) notFound();
  const labels = await cachedPublicLabels();
  if (view.kind === "map") {
    return (
      <>
        <PageHeader
          title="La carte des territoires labellisés"
          lead="Le nombre de communes et d’intercommunalités labellisées dans chaque département. Choisissez un département pour voir la liste."
        />
        <Container className="py-10">
          <MapView departments={mapDepartments(labels)} />
        </Container>
      </>
    );
  }
  return (
    <>
      <RegistryIntro />
      <Container className="py-10">
        <RegistryView labels={labels} filters={{ page: view.page }} />
      </Container>
    </>
  );
}
