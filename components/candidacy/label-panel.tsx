// The organization page's line about the candidacy and the label of the open round.
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { CANDIDACY_STATUS_LABELS } from "@/lib/candidacy/snapshot";
import type { CandidacyStatus } from "@/lib/db/generated/enums";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export type CandidacySummary = {
  round: { year: number; closesAt: Date };
  status: CandidacyStatus | null;
  label: { validUntil: Date; revokedAt: Date | null } | null;
};

export function CandidacyLabelPanel({ summary, organizationId }: { summary: CandidacySummary; organizationId: string }) {
  const { label } = summary;
  return (
    <div className="space-y-3">
      {label && !label.revokedAt ? (
        <Notice tone="success" title={`Label obtenu pour ${summary.round.year}, valable jusqu’au ${dayFormat.format(label.validUntil)}`}>
          <p>La candidature est acceptée et la cotisation réglée.</p>
        </Notice>
      ) : null}
      <p>
        Candidature {summary.round.year} : <strong>{summary.status ? CANDIDACY_STATUS_LABELS[summary.status] : "pas encore déposée"}</strong>
        {summary.status === "APPROVED" && !label ? " — le label sera obtenu à réception du paiement de la cotisation." : "."}
      </p>
      <ButtonLink href={`/espace/organisations/${organizationId}/candidature`} variant="secondary">
        Ouvrir la candidature
      </ButtonLink>
    </div>
  );
}
