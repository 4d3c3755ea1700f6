// The public face reads only valid labels: a revocation or an expiry removes the territory from
// the registry, the map counts and the open data, and turns its badge neutral.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { approvedCandidacyWithLabel } from "@/tests/support/candidacy";
import { createOrganization, insertTerritories } from "@/tests/support/world";
import { badgeStatusOf } from "./badge";
import { badgeResponse } from "./badge-http";
import { publicLabelDataChanged } from "./cache";
import { openDataRows } from "./open-data";
import { getTerritoryPublicPage, loadPublicLabels } from "./registry";
import { countsByDepartment, registryPage } from "./registry-rules";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const rounds: Record<number, string> = {};
const organizations: Record<string, string> = {};

beforeAll(async () => {
  await insertTerritories(db);
  for (const year of [2025, 2026]) {
    const round = await db.round.create({
      data: {
        year,
        name: `Campagne ${year}`,
        status: year === 2026 ? "OPEN" : "CLOSED",
        opensAt: new Date(`${year}-03-01T00:00:00Z`),
        closesAt: new Date(`${year}-11-30T22:59:59Z`),
        // As lib/rounds/manage.ts stores it: the end of 31 December in Paris.
        labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`),
      },
    });
    rounds[year] = round.id;
  }
  for (const code of ["13090", "13113", "42218", "200054807"]) organizations[code] = (await createOrganization(db, code)).id;
});

/** What issues 12 and 13 will create: an approved candidacy, its label, its certificate. */
async function labelled(code: string, year: number, options: { serial?: string; awardedAt?: Date } = {}) {
  const organizationId = organizations[code]!;
  const roundId = rounds[year]!;
  const { label } = await approvedCandidacyWithLabel(db, organizationId, roundId, {
    submittedAt: new Date(`${year}-05-01T10:00:00Z`),
    awardedAt: options.awardedAt ?? new Date(`${year}-05-02T10:00:00Z`),
  });
  if (options.serial) {
    await db.certificate.create({ data: { labelId: label.id, serial: options.serial, pdf: new Uint8Array([37, 80, 68, 70]), sha256: "0".repeat(64), issuedAt: new Date() } });
  }
  return label;
}

const badge = async (name: string, headers: Record<string, string> = {}) => badgeResponse(new Request(`http://localhost/badge/${name}`, { headers }), name);

describe("the registry, the map, the open data and the badge", () => {
  it("list valid labels only, and follow a revocation and an expiry", async () => {
    const june2027 = new Date("2027-06-15T10:00:00Z");
    await labelled("13090", 2025, { serial: "CCD-2025-AAAA-AAAA" });
    const current = await labelled("13090", 2026, { serial: "CCD-2026-BBBB-BBBB" });
    const revoked = await labelled("13113", 2026, { serial: "CCD-2026-CCCC-CCCC" });
    await db.label.update({ where: { id: revoked.id }, data: { revokedAt: new Date("2027-01-10T09:00:00Z"), revokeReason: "Erreur de dossier" } });
    // Labelled in 2025 only: expired on 31 December 2026 in Paris.
    await labelled("42218", 2025, { serial: "CCD-2025-DDDD-DDDD" });
    // The EPCI was never labelled.

    const labels = await loadPublicLabels(db, june2027);
    expect(labels.map((label) => label.territoryCode)).toEqual(["13090"]);
    expect(labels[0]).toMatchObject({ year: 2026, renewal: true, certificateSerial: "CCD-2026-BBBB-BBBB", validUntilOn: "2027-12-31", departmentCode: "13", regionCode: "93" });
    expect(Object.fromEntries(countsByDepartment(labels))).toEqual({ "13": 1 });
    expect(registryPage(labels, { departement: "13" }).total).toBe(1);
    expect(registryPage(labels, { departement: "42" }).total).toBe(0);
    expect(openDataRows(labels, "https://label.example.fr").map((row) => [row.code, row.numero_certificat, row.obtention])).toEqual([["13090", "CCD-2026-BBBB-BBBB", "renouvellement"]]);

    // Territory pages: the history stays, the current label goes.
    const saintAntonin = (await getTerritoryPublicPage(db, "13090", june2027))!;
    expect(saintAntonin.current).toMatchObject({ year: 2026, certificateSerial: "CCD-2026-BBBB-BBBB" });
    expect(saintAntonin.history.map((entry) => [entry.year, entry.state])).toEqual([[2026, "valid"], [2025, "expired"]]);
    const venelles = (await getTerritoryPublicPage(db, "13113", june2027))!;
    expect(venelles.current).toBeNull();
    expect(venelles.history).toMatchObject([{ year: 2026, state: "revoked", revokedOn: "2027-01-10" }]);
    expect(JSON.stringify(venelles)).not.toContain("Erreur de dossier");
    expect((await getTerritoryPublicPage(db, "42218", june2027))!.history).toMatchObject([{ year: 2025, state: "expired" }]);
    expect(badgeStatusOf(await getTerritoryPublicPage(db, "200054807", june2027))).toEqual({ valid: false });
    expect(await getTerritoryPublicPage(db, "99999", june2027)).toBeNull();
    expect(await getTerritoryPublicPage(db, "1".repeat(10_000), june2027)).toBeNull();

    // Expiry at midnight in Paris: still listed at 23:59 on 31 December 2027, gone at 00:00.
    expect((await loadPublicLabels(db, new Date("2027-12-31T22:59:00Z"))).map((label) => label.territoryCode)).toEqual(["13090"]);
    expect(await loadPublicLabels(db, new Date("2027-12-31T23:00:00Z"))).toEqual([]);
    expect(badgeStatusOf(await getTerritoryPublicPage(db, "13090", new Date("2027-12-31T23:00:00Z")))).toEqual({ valid: false });

    // Revocation of the current label: the 2025 label still holds until its own end (2026), so
    // in June 2027 nothing is left.
    await db.label.update({ where: { id: current.id }, data: { revokedAt: new Date("2027-06-01T08:00:00Z"), revokeReason: "Retrait" } });
    const after = await loadPublicLabels(db, june2027);
    expect(after).toEqual([]);
    expect(countsByDepartment(after).size).toBe(0);
    expect(openDataRows(after, "https://label.example.fr")).toEqual([]);
    expect(badgeStatusOf(await getTerritoryPublicPage(db, "13090", june2027))).toEqual({ valid: false });
  });

  it("serves the badge with its status, an ETag and 304, and turns neutral when the label is revoked", async () => {
    const label = await labelled("200054807", 2026, { serial: "CCD-2026-EEEE-EEEE", awardedAt: new Date() });
    publicLabelDataChanged();
    const valid = await badge("200054807.svg");
    expect(valid.status).toBe(200);
    expect(valid.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(valid.headers.get("cache-control")).toMatch(/^public, max-age=(60|[1-5]?[0-9]), must-revalidate$/);
    const etag = valid.headers.get("etag")!;
    const svg = await valid.text();
    expect(svg).toContain("Label 2026");

    const again = await badge("200054807.svg", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await badge("200054807.svg", { "if-none-match": `"autre", W/${etag}` })).status).toBe(304);

    const png = await badge("200054807.png", { "if-none-match": etag });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");

    await db.label.update({ where: { id: label.id }, data: { revokedAt: new Date(), revokeReason: "Retrait" } });
    publicLabelDataChanged();
    const neutral = await badge("200054807.svg", { "if-none-match": etag });
    expect(neutral.status).toBe(200);
    expect(neutral.headers.get("etag")).not.toBe(etag);
    expect(await neutral.text()).toContain("label non valide");
  });

  it("answers a neutral badge for unknown and absurd codes, never an error", async () => {
    for (const name of ["99999.svg", `${"1".repeat(10_000)}.svg`, "13090", "13090.gif", "%00.svg"]) {
      const response = await badge(name);
      expect(response.status, name).toBe(404);
      expect(await response.text()).toContain("label non valide");
    }
    const neverLabelled = await badge("13113.png");
    expect(neverLabelled.status).toBe(200);
  });
});
