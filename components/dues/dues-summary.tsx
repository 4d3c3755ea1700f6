// The dues on the organization page: one sentence and the link to the dues page. Reads its own
// data (the session is cached per request), so the page adds it as one line.
import { ButtonLink } from "@/components/ui/button";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { duesSummaryOf } from "@/lib/dues/page";
import { DuesCriterionStatus } from "./dues-criterion";

export async function DuesSummary({ organizationId }: { organizationId: string }) {
  const actor = await getActor();
  const summary = actor ? await duesSummaryOf(getDb(), actor, organizationId) : null;
  if (!summary) return null;
  return (
    <section aria-labelledby="cotisation-titre" className="space-y-3">
      <h2 id="cotisation-titre" className="text-2xl">
        Cotisation {summary.year}
      </h2>
      <DuesCriterionStatus criterion={summary.criterion} />
      <ButtonLink href={`/espace/organisations/${organizationId}/cotisation`} variant={summary.criterion.met ? "secondary" : "primary"}>
        {summary.criterion.met ? "Voir la cotisation et l’acquit" : "Régler la cotisation"}
      </ButtonLink>
    </section>
  );
}
