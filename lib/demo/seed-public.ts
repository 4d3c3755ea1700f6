// A fallback for the public pages' demo and browser test, only while no other demo made a
// label: the candidacy and certificate demos (issues 12 and 13) label Meyreuil with a real
// certificate and revoke Puyloubier's. It runs last (lib/runtime/prepare-database.ts), so with
// them it finds their labels and does nothing; alone, it labels Meyreuil for the demo round with
// a placeholder certificate row (serial only: its PDF is not a real certificate) and gives
// Puyloubier a revoked label.
import type { Db } from "@/lib/db/create-client";
import { DEMO_COMMUNES, demoPeopleOf, ensureDemoOrganization } from "./organizations";
import { DEMO_ROUND_YEAR } from "./seed-demo";

export const DEMO_PUBLIC_SERIAL = "CCD-2026-DEMO-MEYR";

/** True when it labelled the demo communes, false when it found labels (or the communes) absent. */
export async function seedPublicDemo(db: Db): Promise<boolean> {
  if ((await db.label.count()) > 0) return false;
  // A database without these communes (a test's few territories) gets nothing.
  const present = await db.territory.count({ where: { code: { in: [DEMO_COMMUNES.MEYREUIL, DEMO_COMMUNES.PUYLOUBIER] } } });
  if (present !== 2) return false;
  await db.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({ where: { year: DEMO_ROUND_YEAR }, select: { id: true, labelValidUntil: true } });
    const label = async (code: string, slug: string, name: string) => {
      const organization = await ensureDemoOrganization(tx, code, demoPeopleOf(slug, name));
      const candidacy = await tx.candidacy.upsert({
        where: { organizationId_roundId: { organizationId: organization.id, roundId: round.id } },
        update: {},
        create: { organizationId: organization.id, roundId: round.id, status: "APPROVED", revision: 1, submittedAt: new Date() },
      });
      return tx.label.create({ data: { organizationId: organization.id, roundId: round.id, candidacyId: candidacy.id, validUntil: round.labelValidUntil } });
    };
    const meyreuil = await label(DEMO_COMMUNES.MEYREUIL, "meyreuil", "Meyreuil");
    await tx.certificate.create({ data: { labelId: meyreuil.id, serial: DEMO_PUBLIC_SERIAL, pdf: new Uint8Array([37, 80, 68, 70]), sha256: "0".repeat(64) } });
    const puyloubier = await label(DEMO_COMMUNES.PUYLOUBIER, "puyloubier", "Puyloubier");
    await tx.label.update({ where: { id: puyloubier.id }, data: { revokedAt: new Date(), revokeReason: "Démonstration : label retiré" } });
  });
  return true;
}
