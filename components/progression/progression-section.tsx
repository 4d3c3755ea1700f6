"use client";
// The progression on an organization's own pages: computed by the server when the page opens,
// and again with « Calculer ma progression » (after completing an action, answering a question).
// The result of the button replaces the figures in place; the message is read out.
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ProgressionView } from "@/lib/progression/progression";
import { ProgressionPanel } from "./progression-panel";
import { ProgressionRule } from "./progression-rule";

const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" });

export function ProgressionSection({
  organizationId,
  initial,
  action,
  place = "results",
}: {
  organizationId: string;
  initial: ProgressionView;
  action: (input: { organizationId: string }) => Promise<ClientActionResult<ProgressionView>>;
  /** On the candidacy page the section says that this is a renewal and what happens at submission. */
  place?: "results" | "candidacy";
}) {
  const [view, setView] = useState(initial);
  const { run, pending, result } = useAction(action);
  const { progression } = view;

  return (
    <section aria-labelledby="progression-titre" className="space-y-6" data-testid="progression-section">
      <h2 id="progression-titre" className="text-2xl">
        Votre progression depuis votre dernier label
      </h2>
      {progression === null ? (
        <p>
          Votre collectivité n’a pas de label lors des campagnes précédentes : c’est une première candidature, jugée sur les quatre critères de
          la première année. La progression se mesurera l’an prochain.
        </p>
      ) : (
        <>
          {place === "candidacy" ? (
            <p>
              <strong>Renouvellement.</strong> Votre collectivité a obtenu le label en {progression.previousLabelYear}. En plus des quatre critères ci-dessus,
              l’association examine la progression de votre démarche selon les critères de renouvellement de la campagne {view.round.year} ci-dessous. Elle est
              calculée à l’ouverture de cette page et enregistrée avec le dossier au moment du dépôt.
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-4">
            <Button variant="secondary" disabled={pending} onClick={() => run({ organizationId }, (data) => setView(data))}>
              {pending ? "Calcul en cours…" : "Calculer ma progression"}
            </Button>
            <p className="text-sm text-ink-muted">Calculée à {timeFormat.format(new Date(view.computedAt))}.</p>
          </div>
          <div aria-live="polite">
            <ActionMessage result={result} />
          </div>
          <Card>
            <ProgressionPanel progression={progression} heading="h3" />
          </Card>
          <ProgressionRule rule={view.rule} heading="h3" />
        </>
      )}
    </section>
  );
}
