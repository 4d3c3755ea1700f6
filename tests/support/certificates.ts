// A labelled organization for certificate tests: its mayor, its secretary, and the approved
// candidacy with its label (tests/support/candidacy.ts).
import type { Db } from "@/lib/db/create-client";
import { approvedCandidacyWithLabel } from "./candidacy";
import { createOrganization, member } from "./world";

export async function labelledOrganization(db: Db, territoryCode: string, roundId: string, options: { isRenewal?: boolean } = {}) {
  const organization = await createOrganization(db, territoryCode);
  const mayor = await member(db, organization.id, "MAYOR");
  const secretary = await member(db, organization.id, "SECRETARY");
  const { candidacy, label } = await approvedCandidacyWithLabel(db, organization.id, roundId, options);
  return { organization, mayor, secretary, candidacy, label };
}

let communes = 0;

/** A commune of the Bouches-du-Rhône made up for one test (insertTerritories must have run). */
export async function testCommune(db: Db, name = "Meyreuil"): Promise<string> {
  communes += 1;
  // 13701, 13702…: INSEE-shaped, clear of the codes insertTerritories uses.
  const code = String(13700 + communes);
  await db.territory.create({
    data: { code, kind: "COMMUNE", name: `${name} ${communes}`, searchName: `${name.toLowerCase()} ${communes}`, departmentCode: "13", regionCode: "93", population: 5000, postcodes: [], cogYear: 2026 },
  });
  return code;
}

/** Waits until `check` holds (a job ran), or fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 45_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("délai dépassé en attendant la tâche");
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A pg-boss worker running the application's `certificate.issue` job on this database (no e-mail sender). */
export async function startCertificateWorker(db: Db, url: string) {
  const { startWorkers } = await import("@/lib/jobs/worker");
  const { JOB_HANDLERS } = await import("@/lib/jobs/registry");
  return startWorkers({
    url,
    db,
    transport: async () => {},
    appUrl: "http://localhost:3000",
    handlers: { "certificate.issue": JOB_HANDLERS["certificate.issue"] } as unknown as Parameters<typeof startWorkers>[0]["handlers"],
    outbox: false,
    boss: { pollingIntervalSeconds: 0.5, max: 2 },
  });
}
