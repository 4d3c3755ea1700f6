// Demo of the certificates: Meyreuil holds the 2026 label (awarded by the candidacy and dues
// demos through lib/label/award.ts) with its signed certificate and a hologram number;
// Puyloubier's label was withdrawn so its certificate reads « révoqué » (its approved
// candidacy and label are written here: no other demo covers that commune). Idempotent.
import { loadActor } from "@/lib/auth/actor";
import { issueCertificate } from "@/lib/certificates/issue";
import { recordHologram, revokeLabel } from "@/lib/certificates/manage";
import type { Db } from "@/lib/db/create-client";
import { DEMO_COMMUNES, demoPeopleOf, ensureDemoOrganization } from "./organizations";

const DEMO_YEAR = 2026;

async function demoLabel(db: Db, territoryCode: string, slug: string, roundId: string) {
  // Without the territory (a test database holds a handful), there is nothing to show.
  const territory = await db.territory.findUnique({ where: { code: territoryCode }, select: { name: true } });
  if (!territory) return null;
  return db.$transaction(async (tx) => {
    const organization = await ensureDemoOrganization(tx, territoryCode, demoPeopleOf(slug, territory.name));
    const candidacy = await tx.candidacy.upsert({
      where: { organizationId_roundId: { organizationId: organization.id, roundId } },
      update: {},
      create: { organizationId: organization.id, roundId, status: "APPROVED", revision: 1, submittedAt: new Date() },
      select: { id: true, status: true },
    });
    if (candidacy.status !== "APPROVED") return null;
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { labelValidUntil: true } });
    return tx.label.upsert({
      where: { organizationId_roundId: { organizationId: organization.id, roundId } },
      update: {},
      create: { organizationId: organization.id, roundId, candidacyId: candidacy.id, validUntil: round.labelValidUntil },
      select: { id: true, revokedAt: true },
    });
  });
}

export async function seedDemoCertificates(db: Db): Promise<boolean> {
  const round = await db.round.findUnique({ where: { year: DEMO_YEAR }, select: { id: true } });
  const adminUser = await db.user.findUnique({ where: { email: "admin@demo.ccd.test" }, select: { id: true } });
  if (!round || !adminUser) return false;
  const admin = (await loadActor(db, adminUser.id))!;

  const meyreuil = await db.label.findFirst({ where: { roundId: round.id, organization: { territoryCode: DEMO_COMMUNES.MEYREUIL } }, select: { id: true } });
  if (meyreuil) {
    const issued = await issueCertificate(db, meyreuil.id);
    const certificate = issued && (await db.certificate.findUnique({ where: { id: issued.certificateId }, select: { hologramNumber: true } }));
    if (issued && !certificate?.hologramNumber) await recordHologram(db, admin, { certificateId: issued.certificateId, hologramNumber: "HOL-2026-000123" });
  }

  const puyloubier = await demoLabel(db, DEMO_COMMUNES.PUYLOUBIER, "puyloubier", round.id);
  if (puyloubier) {
    const issued = await issueCertificate(db, puyloubier.id);
    if (issued && !puyloubier.revokedAt) {
      await revokeLabel(db, admin, { certificateId: issued.certificateId, reason: "Cotisation remboursée à la demande de la commune, qui renonce au label cette année" });
    }
  }
  return true;
}
