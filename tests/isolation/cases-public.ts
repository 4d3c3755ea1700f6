// Isolation cases of the public face of the label (registry, badge, open data, header account,
// communication kit). Same rules as cases.ts (read its header). The public routes must show
// nothing but public facts: no organization id, no member, whoever asks.
import { publicLabelDataChanged } from "@/lib/public/cache";
import type { IsolationCases, PageCase, Probe } from "./case-types";
import type { World } from "./world";

/** A label held by A (an approved candidacy, its label, its certificate), made once per world. */
export async function labelOfA(world: World): Promise<{ labelId: string; serial: string }> {
  const { db } = world;
  const existing = await db.label.findFirst({ where: { organizationId: world.A.id }, select: { id: true } });
  if (existing) {
    const certificate = await db.certificate.findFirst({ where: { labelId: existing.id }, select: { serial: true } });
    return { labelId: existing.id, serial: certificate!.serial };
  }
  const round =
    (await db.round.findUnique({ where: { year: 2091 }, select: { id: true, labelValidUntil: true } })) ??
    (await db.round.create({
      data: { year: 2091, name: "Campagne 2091", status: "CLOSED", opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-02-01T00:00:00Z"), labelValidUntil: new Date("2092-12-31T22:59:59Z") },
      select: { id: true, labelValidUntil: true },
    }));
  const candidacy = await db.candidacy.create({ data: { organizationId: world.A.id, roundId: round.id, status: "APPROVED", revision: 1, submittedAt: new Date() } });
  const label = await db.label.create({ data: { organizationId: world.A.id, roundId: round.id, candidacyId: candidacy.id, validUntil: round.labelValidUntil } });
  const serial = `CCD-2091-${label.id.slice(-8).toUpperCase()}`;
  await db.certificate.create({ data: { labelId: label.id, serial, pdf: new Uint8Array([37, 80, 68, 70]), sha256: "0".repeat(64), issuedAt: new Date() } });
  // What issues 12 and 13 do after a label or certificate change.
  publicLabelDataChanged();
  return { labelId: label.id, serial };
}

const onlyPublic = (what: string) => (body: unknown) => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  if (/iso-org-|@isolation\.test|sessionToken/.test(text)) throw new Error(`${what} montre une donnée privée`);
};

export const PUBLIC_CASES: IsolationCases = {
  "app/api/compte/route.ts#GET": {
    kind: "public",
    why: "The header asks who is signed in: the answer is the caller's own name and address, or nobody.",
    probes: async () => [
      {
        label: "own account",
        request: { path: "/api/compte" },
        check: (body, caller) => {
          const account = body as { signedIn: boolean; email?: string };
          if (caller ? account.email !== caller.email : account.signedIn) throw new Error(`répond ${JSON.stringify(body)} à ${caller?.email ?? "personne"}`);
        },
      },
    ],
  },

  "app/badge/[code]/route.ts#GET": {
    kind: "public",
    why: "The badge shows whether a territory's label is valid, to anyone: it draws public facts only.",
    probes: async (world): Promise<Probe[]> => {
      await labelOfA(world);
      return [
        { label: "labelled territory, SVG", request: { path: `/badge/${world.A.territoryCode}.svg`, params: { code: `${world.A.territoryCode}.svg` } }, check: onlyPublic("le badge") },
        { label: "labelled territory, PNG", request: { path: `/badge/${world.A.territoryCode}.png?taille=grand`, params: { code: `${world.A.territoryCode}.png` } } },
        { label: "never labelled", request: { path: `/badge/${world.B.territoryCode}.svg`, params: { code: `${world.B.territoryCode}.svg` } }, check: onlyPublic("le badge") },
        { label: "absurd code", request: { path: `/badge/${"9".repeat(2000)}.svg`, params: { code: `${"9".repeat(2000)}.svg` } } },
      ];
    },
  },

  ...Object.fromEntries(
    (["labellisees.csv", "labellisees.json", "schema.json"] as const).map((file) => [
      `app/donnees/${file}/route.ts#GET`,
      {
        kind: "public" as const,
        why: "Open data: the territories holding a valid label and their certificate serials, published for everyone.",
        probes: async (world: World): Promise<Probe[]> => {
          const { serial } = await labelOfA(world);
          return [
            {
              label: file,
              request: { path: `/donnees/${file}` },
              check: (body: unknown) => {
                onlyPublic(file)(body);
                if (file !== "schema.json" && !JSON.stringify(body).includes(serial)) throw new Error(`${file} ne liste pas le territoire labellisé`);
              },
            },
          ];
        },
      },
    ]),
  ),

  "app/espace/organisations/[organizationId]/kit/affiche/route.ts#GET": {
    kind: "tenant",
    permission: "label:kit",
    // The organization comes from the path: members of B ask for A's poster.
    arrange: async (world) => {
      await labelOfA(world);
      return { request: { path: `/espace/organisations/${world.A.id}/kit/affiche`, params: { organizationId: world.A.id } }, organizationId: world.A.id };
    },
  },
};

export const PUBLIC_PAGE_CASES: Record<string, PageCase> = {
  "/espace/organisations/[organizationId]/kit": { kind: "tenant", permission: "label:kit", params: (world) => ({ organizationId: world.A.id }) },
};
