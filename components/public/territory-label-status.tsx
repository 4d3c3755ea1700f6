import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { TerritoryPublicPage } from "@/lib/public/registry";
import { dayLabel } from "./format";

/** The box at the top of a territory page: the label held now, or that none is. */
export function TerritoryLabelStatus({ page }: { page: TerritoryPublicPage }) {
  const current = page.current;
  if (!current) {
    return (
      <Notice title="Pas de label valide aujourd’hui">
        <p>
          {page.name} ne détient pas le label Commune Cyber Dynamique en ce moment
          {page.history.length > 0 ? " : son dernier label a expiré ou a été retiré." : "."}
        </p>
      </Notice>
    );
  }
  return (
    <section aria-labelledby="label-actuel" className="flex flex-col gap-5 rounded-lg border-l-4 border-success-700 bg-success-50 p-5 sm:flex-row sm:items-center sm:p-6">
      {/* The same badge the territory shows on its website. */}
      <img src={`/badge/${page.code}.svg`} width={240} height={80} alt="" className="h-20 w-60 shrink-0" />
      <div className="space-y-2">
        <h2 id="label-actuel" className="text-2xl">
          Label Commune Cyber Dynamique {current.year}
        </h2>
        <p>
          {current.renewal ? "Label renouvelé" : "Premier label"}, décerné le {dayLabel(current.awardedOn)}, valable jusqu’au{" "}
          <strong>{dayLabel(current.validUntilOn)}</strong>.
        </p>
        {current.certificateSerial ? (
          <p>
            <Link href={`/verifier/${encodeURIComponent(current.certificateSerial)}`} className="font-semibold">
              Vérifier le certificat n° {current.certificateSerial}
            </Link>
          </p>
        ) : (
          <p>Le certificat est en cours d’émission.</p>
        )}
      </div>
    </section>
  );
}
