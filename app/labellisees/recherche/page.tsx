// A search in the registry: rendered for each query (it reads the query string) from the
// cached list of labelled territories.
import type { Metadata } from "next";
import { RegistryIntro } from "@/components/public/registry-intro";
import { RegistryView } from "@/components/public/registry-view";
import { Container } from "@/components/ui/container";
import { cachedPublicLabels } from "@/lib/public/cached";
import { parseRegistryFilters } from "@/lib/public/registry-rules";

export const metadata: Metadata = { title: "Recherche parmi les territoires labellisés", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegistrySearchPage({ searchParams }: Props) {
  const filters = parseRegistryFilters(await searchParams);
  const labels = await cachedPublicLabels();
  return (
    <>
      <RegistryIntro />
      <Container className="py-10">
        <RegistryView labels={labels} filters={filters} />
      </Container>
    </>
  );
}
