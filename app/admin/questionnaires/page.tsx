import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { DeriveVersionForm } from "@/components/questionnaire/derive-version-form";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { notFound } from "next/navigation";
import { VersionContent } from "@/components/questionnaire/version-content";
import { DomainError } from "@/lib/auth/errors";
import { getVersion, listVersions } from "@/lib/questionnaire/versions";
import { deriveVersionAction, publishVersionAction } from "./actions";

export const metadata: Metadata = { title: "Versions du questionnaire" };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

function nextKey(key: string) {
  return /^\d{4}$/.test(key) ? String(Number(key) + 1) : `${key}-suivante`;
}

type Props = { searchParams: Promise<{ version?: string | string[] }> };

// One page for the list and for reading one version (?version=<id>): a version is read from the
// list, and the page-isolation suite covers both with one association case.
export default async function QuestionnaireVersionsPage({ searchParams }: Props) {
  const { version: chosen } = await searchParams;
  const actor = await requireActorOrRedirect(typeof chosen === "string" ? `/admin/questionnaires?version=${encodeURIComponent(chosen)}` : "/admin/questionnaires");
  const versions = await orNotFound(listVersions(getDb(), actor));
  if (typeof chosen === "string") {
    const version = await getVersion(getDb(), actor, chosen.slice(0, 64)).catch((error: unknown) => {
      if (error instanceof DomainError) notFound();
      throw error;
    });
    return <VersionContent version={version} />;
  }
  const keys = new Set(versions.map((version) => version.key));

  return (
    <>
      <PageHeader
        title="Versions du questionnaire"
        lead="Une version publiée ne change plus : les communes y ont répondu. Pour l’année suivante, créez un brouillon à partir d’elle, relisez-le, puis publiez-le."
      />
      <Container className="space-y-6 py-10">
        {versions.length === 0 ? <p>Aucune version installée.</p> : null}
        <ul className="space-y-6">
          {versions.map((version) => (
            <li key={version.id}>
              <Card className="space-y-4">
                <div>
                  <h2 className="text-2xl">
                    <Link href={`/admin/questionnaires?version=${version.id}`}>{version.title}</Link>
                  </h2>
                  <p className="text-ink-muted">
                    Clé {version.key} · {version.status === "PUBLISHED" ? `publiée le ${dateFormat.format(version.publishedAt!)}` : "brouillon"} ·{" "}
                    {version._count.questions} questions · {version._count.assessments} questionnaires commencés
                    {version.round ? ` · ${version.round.name}` : ""}
                    {version.derivedFrom ? ` · dérivée de ${version.derivedFrom.key}` : ""}
                  </p>
                </div>
                {version.status === "DRAFT" ? (
                  <ActionButton
                    action={publishVersionAction}
                    input={{ versionId: version.id }}
                    variant="primary"
                    confirm={`Publier « ${version.title} » ? Elle ne pourra plus être modifiée.`}
                  >
                    Publier
                  </ActionButton>
                ) : !keys.has(nextKey(version.key)) ? (
                  <DeriveVersionForm fromVersionId={version.id} suggestedKey={nextKey(version.key)} action={deriveVersionAction} />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </Container>
    </>
  );
}
