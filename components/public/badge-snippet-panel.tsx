// On the organization's page: the badge's HTML to paste on the territory's website, while its
// label is valid, and the way to the whole communication kit. Nothing for someone without
// label:kit, nor when no label holds.
import Link from "next/link";
import { hasPermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getCommunicationKit } from "@/lib/public/kit";
import { CopyText } from "./copy-text";

export async function BadgeSnippetPanel({ actor, organizationId }: { actor: Actor; organizationId: string }) {
  const db = getDb();
  if (!(await hasPermission(db, actor, organizationId, "label:kit"))) return null;
  const kit = await getCommunicationKit(db, actor, organizationId, env().APP_URL);
  if (!kit.label) return null;
  return (
    <section aria-labelledby="badge-titre" className="space-y-4">
      <h2 id="badge-titre" className="text-2xl">
        Le badge du label pour votre site internet
      </h2>
      {/* The live badge: what visitors of the territory's website will see. */}
      <img src={`/badge/${kit.territoryCode}.svg`} width={240} height={80} alt={`Aperçu du badge : label ${kit.label.year} de ${kit.name}`} />
      {kit.snippet ? (
        <CopyText label="Code HTML à coller sur votre site" text={kit.snippet} rows={3} />
      ) : (
        <p>Le code à coller sera prêt dès que le certificat sera émis.</p>
      )}
      <p className="text-base text-ink-muted">Le badge affiche toujours l’état actuel du label : il passe de lui-même à « label non valide » s’il expire ou est retiré.</p>
      <p>
        <Link href={`/espace/organisations/${organizationId}/kit`}>Tout le kit de communication : badges, affiche, communiqué de presse</Link>
      </p>
    </section>
  );
}
