// Isolation cases of the certificates: the administrators' actions, the mayor's download, and
// the public verification routes (which must show nothing but what the verification page
// shows). Same rules as cases.ts (read its header).
import { createHash } from "node:crypto";
import { generateSerial } from "@/lib/certificates/serial";
import type { IsolationCases, PageCase, Probe } from "./case-types";
import { openRound2026 } from "./open-round";
import type { World } from "./world";

/** A's label of the open round with an issued certificate (a small stand-in PDF: no signing here). */
export async function issuedCertificateOfA(world: World) {
  const { db } = world;
  const round = await openRound2026(world);
  const candidacy = await db.candidacy.upsert({
    where: { organizationId_roundId: { organizationId: world.A.id, roundId: round.id } },
    update: {},
    create: { organizationId: world.A.id, roundId: round.id, status: "APPROVED", revision: 1, submittedAt: new Date() },
    select: { id: true },
  });
  const label = await db.label.upsert({
    where: { organizationId_roundId: { organizationId: world.A.id, roundId: round.id } },
    update: {},
    create: { organizationId: world.A.id, roundId: round.id, candidacyId: candidacy.id, validUntil: new Date("2027-12-31T22:59:59Z") },
    select: { id: true },
  });
  const existing = await db.certificate.findFirst({ where: { labelId: label.id }, orderBy: { generation: "desc" }, select: { id: true, serial: true } });
  if (existing) return existing;
  const pdf = Buffer.from("%PDF-1.7\n% certificat d'essai\n%%EOF\n");
  return db.certificate.create({
    data: { labelId: label.id, serial: generateSerial(2026), pdf, sha256: createHash("sha256").update(pdf).digest("hex"), issuedAt: new Date() },
    select: { id: true, serial: true },
  });
}

/** What /verifier/[serial] shows, and nothing else: the JSON may hold these keys only. */
const PUBLIC_KEYS = ["serial", "status", "statusText", "revokedAt", "revocationReason", "replacedBy", "replaces", "territory", "round", "label", "validFrom", "validUntil", "issuedAt", "hologramNumber", "sha256"];

function onlyPublicFields(body: unknown) {
  const keys = Object.keys(body as Record<string, unknown>);
  const extra = keys.filter((key) => !PUBLIC_KEYS.includes(key));
  if (extra.length > 0) throw new Error(`champs hors page de vérification : ${extra.join(", ")}`);
  if (!keys.includes("status")) throw new Error("la réponse ne donne pas le statut du certificat");
  const nested = body as { territory: Record<string, unknown>; round: Record<string, unknown> };
  if (Object.keys(nested.territory).some((key) => !["name", "description"].includes(key))) throw new Error("territoire : champs en trop");
  if (Object.keys(nested.round).some((key) => !["year", "name"].includes(key))) throw new Error("campagne : champs en trop");
}

export const CERTIFICATE_CASES: IsolationCases = {
  "app/admin/certificats/actions.ts#revokeCertificateAction": {
    kind: "tenant",
    permission: "certificate:manage",
    arrange: async (world) => {
      const certificate = await issuedCertificateOfA(world);
      return { input: { certificateId: certificate.id, reason: "Cotisation remboursée à la demande de la commune" }, organizationId: world.A.id };
    },
  },

  "app/admin/certificats/actions.ts#reissueCertificateAction": {
    kind: "tenant",
    permission: "certificate:manage",
    arrange: async (world) => {
      const certificate = await issuedCertificateOfA(world);
      return { input: { certificateId: certificate.id, reason: "Nom de la commune corrigé" }, organizationId: world.A.id };
    },
  },

  "app/admin/certificats/actions.ts#recordHologramAction": {
    kind: "tenant",
    permission: "certificate:hologram",
    // A correspondent of the Bouches-du-Rhône may; one of another département may not.
    arrange: async (world) => {
      const certificate = await issuedCertificateOfA(world);
      return { input: { certificateId: certificate.id, hologramNumber: `HOL-${certificate.serial.slice(-4)}` }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/certificat/[certificateId]/route.ts#GET": {
    kind: "tenant",
    permission: "certificate:download",
    arrange: async (world) => {
      const certificate = await issuedCertificateOfA(world);
      return {
        request: { path: `/espace/organisations/${world.A.id}/certificat/${certificate.id}`, params: { organizationId: world.A.id, certificateId: certificate.id } },
        organizationId: world.A.id,
      };
    },
  },

  "app/api/certificats/[serial]/route.ts#GET": {
    kind: "public",
    why: "Anyone checks a certificate without an account (Open Badges style): the JSON holds what the verification page shows, nothing about people or the organization's account.",
    probes: async (world): Promise<Probe[]> => {
      const certificate = await issuedCertificateOfA(world);
      return [
        { label: "an issued certificate", request: { path: `/api/certificats/${certificate.serial}`, params: { serial: certificate.serial } }, check: onlyPublicFields },
        { label: "a 10,000-character serial", request: { path: `/api/certificats/${"X".repeat(10_000)}`, params: { serial: "X".repeat(10_000) } } },
        { label: "a serial with a typo", request: { path: `/api/certificats/CCD-2026-AAAA-AAAA`, params: { serial: "CCD-2026-AAAA-AAAA" } } },
      ];
    },
  },

  "app/verifier/[serial]/comparaison/route.ts#POST": {
    kind: "public",
    why: "Anyone may check whether a file is the certificate issued under a serial: the answer is « identique » or « modifié », nothing else; the file is not kept.",
    probes: async (world): Promise<Probe[]> => {
      const certificate = await issuedCertificateOfA(world);
      return [
        {
          label: "not a PDF",
          request: { path: `/verifier/${certificate.serial}/comparaison`, params: { serial: certificate.serial }, json: { pdf: "non" } },
          check: (body) => {
            if (Object.keys(body as object).join() !== "error") throw new Error("un fichier refusé ne reçoit qu'un message");
          },
        },
      ];
    },
  },

  "app/verifier/autorite/route.ts#GET": {
    kind: "public",
    why: "The signing authority's certificate is published so that readers can trust the PDFs' signature.",
    probes: async () => [{ label: "authority certificate", request: { path: "/verifier/autorite" } }],
  },
};

export const CERTIFICATE_PAGE_CASES: Record<string, PageCase> = {
  // Administrators and département correspondents (who see their départements' certificates).
  "/admin/certificats": { kind: "association", permission: "certificate:hologram" },
};
