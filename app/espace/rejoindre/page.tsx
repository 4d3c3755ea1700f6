import type { Metadata } from "next";
import { JoinForm } from "@/components/organizations/join-form";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findTerritoryToJoin } from "@/lib/organizations/join";
import { joinTerritoryAction } from "./actions";

export const metadata: Metadata = { title: "Rejoindre une commune ou une intercommunalité" };

type Props = { searchParams: Promise<{ territoire?: string }> };

export default async function JoinPage({ searchParams }: Props) {
  const { territoire } = await searchParams;
  await requireActorOrRedirect(`/espace/rejoindre${territoire ? `?territoire=${encodeURIComponent(territoire)}` : ""}`);
  const territory = territoire ? await findTerritoryToJoin(getDb(), territoire) : null;
  const preselected = territory
    ? {
        code: territory.code,
        kind: territory.kind,
        name: territory.name,
        departmentCode: territory.department?.code ?? null,
        departmentName: territory.department?.name ?? null,
        postcodes: territory.postcodes,
        population: territory.population,
        epciKind: territory.epciKind,
        epciCode: territory.epciCode,
        epciName: territory.epci?.name ?? null,
        match: "code" as const,
      }
    : null;

  return (
    <>
      <PageHeader
        title="Rejoindre une commune ou une intercommunalité"
        lead="Choisissez votre territoire dans la liste officielle. Si personne ne l’a encore inscrit, vous faites la demande d’adhésion ; sinon, vous demandez à rejoindre vos collègues."
      />
      <Container className="max-w-4xl py-10">
        <JoinForm preselected={preselected} action={joinTerritoryAction} />
      </Container>
    </>
  );
}
