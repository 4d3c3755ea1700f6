// The renewal's progression on the organization's own pages (results of the questionnaire,
// candidacy): computed when the page opens, shown only to a renewing organization (a first-year
// file has nothing to compare with).
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import { getDb } from "@/lib/db/client";
import { getProgressionView } from "@/lib/progression/progression";
import type { ComponentProps } from "react";
import { ProgressionSection } from "./progression-section";

export async function OrganizationProgression({
  actor,
  organizationId,
  action,
  place = "results",
}: {
  actor: ActorGrants;
  organizationId: string;
  action: ComponentProps<typeof ProgressionSection>["action"];
  place?: ComponentProps<typeof ProgressionSection>["place"];
}) {
  const view = await getProgressionView(getDb(), actor, organizationId).catch((error: unknown) => {
    // No open round, or someone who reads the results but not the candidacy file: no section.
    if (error instanceof AccessDeniedError || error instanceof DomainError) return null;
    throw error;
  });
  if (!view?.progression) return null;
  return <ProgressionSection organizationId={organizationId} initial={view} action={action} place={place} />;
}
