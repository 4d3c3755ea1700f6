// Tenant isolation cases: one entry per server action and route handler of the application.
//
// isolation.db.test.ts finds every endpoint by itself (each export of a "use server" file, each
// HTTP method of an app/**/route.ts) and fails on one missing here. When a feature adds one:
//   1. Give the feature its permissions in lib/auth/permissions.ts: the PERMISSIONS list and
//      the role → permission tables. Never list roles here: who may and who may not is computed
//      from those tables by lib/auth/grants.ts, so changing a table changes what is tested.
//   2. Add the endpoint's id below (or in the feature's own cases-<feature>.ts) ("app/<path>/actions.ts#exportName" or "…/route.ts#GET") with
//      the case of the kind that fits (shapes and what each kind checks: case-types.ts):
//        tenant       reads or changes one organization's data: the usual one. `arrange` creates
//                     the resource in world.A and returns the call that references it;
//        association  association-wide work (validation);
//        self         bound to the person acting (an invitation's addressee);
//        signed-in    open to anyone signed in, granting nothing on existing organizations;
//        public       public by nature, with probes showing it leaks no tenant data.
//      The world (world.ts) gives A, its neighbour B, their EPCI, another EPCI, one person per
//      role in each and per association role, and helpers to create invitees, members, etc.
//   3. npx vitest run --project db-pglite --project db-postgres tests/isolation
//      A weakness found but not fixed at once gets `knownWeakness: "…"` on its case: the suite
//      stays green while it is there and turns red when it is gone, so the marker is removed.
// A refused call must answer { ok: false, message } in French, with the same words whether the
// resource exists or not, and leave every table of the database as it was.
import { PDFDocument } from "pdf-lib";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { sizeBandFor } from "@/lib/questionnaire/size-band";
import { installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";
import type { IsolationCases } from "./case-types";
import { ACTION_PLAN_CASES } from "./cases-action-plan";
import { openRound2026 } from "./open-round";
import { CHAMPION_CASES } from "./cases-champion";
import { PUBLIC_CASES } from "./cases-public";
import { HARDENING_CASES } from "./cases-hardening";
import { DUES_CASES } from "./cases-dues";
import { CANDIDACY_CASES } from "./cases-candidacy";
import { NOTIFICATION_CASES } from "./cases-notifications";
import { PROGRESSION_CASES } from "./cases-progression";
import { CERTIFICATE_CASES } from "./cases-certificates";
import type { World } from "./world";

/** A pending request of a newcomer to join A with this role. */
async function joinRequest(world: World, role: "SECRETARY" | "MAYOR" | "CYBER_CHAMPION") {
  const requester = await world.newPerson("requester");
  const request = await world.db.joinRequest.create({
    data: { organizationId: world.A.id, userId: requester.userId, requestedRole: role },
    select: { id: true },
  });
  return request.id;
}

/**
 * An OPEN round with the published 2026 questionnaire (installed once per database, ~1 s) and
 * A's assessment on it; `questionKey` is a question every commune is asked.
 */
async function assessmentOfA(world: World) {
  const { db } = world;
  const round = await openRound2026(world);
  const versionId = round.questionnaireVersionId!;
  const territory = await db.organization.findUniqueOrThrow({ where: { id: world.A.id }, select: { territory: { select: { kind: true, population: true } } } });
  const assessment = await db.assessment.upsert({
    where: { organizationId_roundId: { organizationId: world.A.id, roundId: round.id } },
    update: {},
    create: {
      organizationId: world.A.id,
      roundId: round.id,
      versionId,
      sizeBand: sizeBandFor(territory.territory.population),
      territoryKind: territory.territory.kind,
    },
  });
  const question = QUESTIONNAIRE_2026.themes
    .flatMap((theme) => theme.questions)
    .find((candidate) => candidate.sizeBands.includes("UNDER_1000") && candidate.territoryKinds.includes("COMMUNE"))!;
  return { assessmentId: assessment.id, roundId: round.id, questionKey: question.key, optionKeys: question.options.map((option) => option.key) };
}

/** A published questionnaire version no round uses yet, as a new round needs. */
async function freeVersion(world: World) {
  const { version } = await installQuestionnaireVersion(world.db, { key: `libre-${Date.now().toString(36)}`, title: "Version libre", content: QUESTIONNAIRE_2026 });
  await publishInstalledVersion(world.db, version.id);
  return version.id;
}

/** A round of that year in that status (created or reset), dated as the database requires. */
async function roundOf(world: World, year: number, status: "DRAFT" | "OPEN") {
  const dates = { opensAt: new Date(`${year}-01-15T00:00:00Z`), closesAt: new Date(`${year}-11-30T22:59:59Z`), labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`) };
  const existing = await world.db.round.findUnique({ where: { year }, select: { id: true } });
  if (existing) return world.db.round.update({ where: { id: existing.id }, data: { status }, select: { id: true } });
  return world.db.round.create({ data: { year, name: `Campagne ${year}`, status, ...dates, questionnaireVersionId: await freeVersion(world) }, select: { id: true } });
}

/** A one-page PDF, as the Gendarmerie's Diagonal summary. */
async function diagonalSummary(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Synthese Diagonal");
  return doc.save();
}

export const CASES: IsolationCases = {
  ...ACTION_PLAN_CASES,
  ...CHAMPION_CASES,
  ...PUBLIC_CASES,
  ...HARDENING_CASES,
  ...DUES_CASES,
  ...CANDIDACY_CASES,
  ...NOTIFICATION_CASES,
  ...PROGRESSION_CASES,
  ...CERTIFICATE_CASES,
  // ---- Joining ----------------------------------------------------------------------------
  "app/espace/rejoindre/actions.ts#joinTerritoryAction": [
    {
      kind: "signed-in",
      label: "ask to join an existing organization",
      why: "Anyone signed in may ask to join the organization of their territory: it creates a join request a manager decides, never a membership.",
      arrange: async (world) => ({ input: { territoryCode: world.A.territoryCode, role: "SECRETARY", message: "Bonjour" } }),
    },
    {
      kind: "signed-in",
      label: "claim a territory nobody acts for",
      why: "The first person to claim a territory creates its organization, pending the association's validation.",
      arrange: async (world) => ({ input: { territoryCode: (await world.freeTerritory()).code, role: "MAYOR" } }),
    },
    {
      kind: "signed-in",
      label: "claim an EPCI nobody acts for, as its referent",
      why: "Claiming an EPCI creates a pending organization: until the association validates it, its referent works for no member commune.",
      arrange: async (world) => ({ input: { territoryCode: (await world.unclaimedEpciWithActiveCommune()).epciCode, role: "EPCI_REFERENT" } }),
    },
  ],

  "app/admin/organisations/actions.ts#decideOrganizationAction": [
    {
      kind: "association",
      label: "approve",
      permission: "organization:validate",
      targetStatus: "PENDING",
      arrange: async (world) => ({ input: { organizationId: world.A.id, decision: "approve" }, organizationId: world.A.id }),
    },
    {
      kind: "association",
      label: "reject",
      permission: "organization:validate",
      targetStatus: "PENDING",
      arrange: async (world) => ({
        input: { organizationId: world.A.id, decision: "reject", reason: "Adresse de contact introuvable." },
        organizationId: world.A.id,
      }),
    },
  ],

  // ---- Choosing the organization one acts for ---------------------------------------------
  "app/espace/actions.ts#switchOrganizationAction": {
    kind: "self",
    why: "Only a member of an organization may act for it; an administrator or an EPCI referent is not a member.",
    arrange: async (world) => ({
      input: { organizationId: world.A.id },
      owner: world.people.find((person) => person.organization?.id === world.A.id)!,
      mayAct: (person) => person.organization?.id === world.A.id,
    }),
  },

  "app/espace/actions.ts#signOutEverywhereAction": {
    kind: "signed-in",
    why: "Ends the caller's own sessions on every device; it names no resource, and nobody else's session may end.",
    arrange: async () => ({ input: {} }),
  },

  // ---- Members and invitations of one organization ----------------------------------------
  "app/espace/organisations/[organizationId]/actions.ts#inviteMemberAction": {
    kind: "tenant",
    permission: "members:manage",
    // The organization comes in the input: members of B send A's id (a forged tenant).
    arrange: async (world) => ({
      input: { organizationId: world.A.id, email: "nouvelle.recrue@isolation.test", role: "SECRETARY" },
      organizationId: world.A.id,
    }),
  },

  "app/espace/organisations/[organizationId]/actions.ts#revokeInvitationAction": {
    kind: "tenant",
    permission: "members:manage",
    arrange: async (world) => {
      const { invitationId } = await world.newInvitation(world.A, "invitee.a@isolation.test");
      return { input: { invitationId }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/actions.ts#decideJoinRequestAction": (["accept", "refuse"] as const).map((decision) => ({
    kind: "tenant" as const,
    label: decision,
    permission: "members:manage" as const,
    arrange: async (world: World) => ({ input: { requestId: await joinRequest(world, "CYBER_CHAMPION"), decision }, organizationId: world.A.id }),
  })),

  "app/espace/organisations/[organizationId]/actions.ts#changeMemberRoleAction": {
    kind: "tenant",
    permission: "members:manage",
    arrange: async (world) => {
      const { membershipId } = await world.newMember(world.A, "CYBER_CHAMPION");
      return { input: { membershipId, role: "SECRETARY" }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/actions.ts#removeMemberAction": {
    kind: "tenant",
    permission: "members:manage",
    // Removing someone else; leaving (one's own membership) only takes organization:read.
    arrange: async (world) => {
      const { membershipId } = await world.newMember(world.A, "SECRETARY");
      return { input: { membershipId }, organizationId: world.A.id };
    },
  },

  "app/invitation/[token]/actions.ts#acceptInvitationAction": {
    kind: "self",
    why: "An invitation is bound to the e-mail address it was sent to: nobody else may use its link, not even a manager of the organization.",
    arrange: async (world) => {
      const invitee = await world.newPerson("invitee");
      const { token } = await world.newInvitation(world.A, invitee.email, "SECRETARY");
      return { input: { token }, owner: invitee };
    },
  },

  // ---- Route handlers -----------------------------------------------------------------------
  "app/api/territories/route.ts#GET": {
    kind: "public",
    why: "Search over the open Code officiel géographique: inhabitants use it without an account.",
    probes: async (world) => {
      const onlyReferenceData = (body: unknown) => {
        const { results } = body as { results: Record<string, unknown>[] };
        if (!Array.isArray(results) || results.length === 0) throw new Error("la recherche ne trouve pas le territoire de A");
        const allowed = ["code", "kind", "name", "departmentCode", "departmentName", "postcodes", "population", "epciKind", "epciCode", "epciName", "match"];
        for (const result of results) {
          const extra = Object.keys(result).filter((key) => !allowed.includes(key));
          if (extra.length > 0) throw new Error(`champs hors référentiel renvoyés : ${extra.join(", ")}`);
        }
      };
      return [
        { label: "by name", request: { path: `/api/territories?q=${encodeURIComponent(world.A.name)}` }, check: onlyReferenceData },
        { label: "by INSEE code", request: { path: `/api/territories?q=${world.A.territoryCode}&kind=COMMUNE` }, check: onlyReferenceData },
        { label: "by SIREN of the EPCI", request: { path: `/api/territories?q=${world.epci.territoryCode}` }, check: onlyReferenceData },
      ];
    },
  },

  "app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "public",
    why: "next-auth's endpoints: sign-in pages, providers, CSRF token, and the caller's own session.",
    probes: async () => [
      {
        label: "session",
        request: { path: "/api/auth/session", params: { nextauth: ["session"] } },
        // Proves the session cookie reaches next-auth, so the other probes run signed in too.
        check: (body, caller) => {
          const email = (body as { user?: { email?: string } }).user?.email;
          if (email !== caller?.email) throw new Error(`la session renvoyée est celle de ${email ?? "personne"}, pas de l'appelant`);
        },
      },
      { label: "providers", request: { path: "/api/auth/providers", params: { nextauth: ["providers"] } } },
      { label: "csrf", request: { path: "/api/auth/csrf", params: { nextauth: ["csrf"] } } },
    ],
  },

  "app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "public",
    why: "Asking for a sign-in link is open to anyone (rate-limited); it answers the same whether an account exists or not.",
    probes: async () => [
      {
        label: "sign-in e-mail with an invalid address",
        request: { path: "/api/auth/signin/email", params: { nextauth: ["signin", "email"] }, form: { email: "pas-une-adresse", json: "true" } },
      },
    ],
  },

  // ---- Questionnaire ----------------------------------------------------------------------
  "app/espace/organisations/[organizationId]/questionnaire/actions.ts#saveAnswerAction": (["option", "dont-know", "comment"] as const).map((what) => ({
    kind: "tenant" as const,
    label: what,
    permission: "assessment:answer" as const,
    // The tenant is the assessment's organization: members of B send A's assessment id.
    arrange: async (world: World) => {
      const { assessmentId, questionKey, optionKeys } = await assessmentOfA(world);
      const change =
        what === "option" ? { optionKey: optionKeys[optionKeys.length - 1] } : what === "dont-know" ? { dontKnow: true } : { comment: `Vu avec le prestataire ${Date.now()}` };
      return { input: { assessmentId, questionKey, ...change }, organizationId: world.A.id };
    },
  })),

  "app/espace/organisations/[organizationId]/questionnaire/resultats/pdf/route.ts#GET": {
    kind: "tenant",
    permission: "assessment:read",
    // The organization comes from the path: members of B ask for A's results.
    arrange: async (world) => {
      await assessmentOfA(world);
      return {
        request: { path: `/espace/organisations/${world.A.id}/questionnaire/resultats/pdf`, params: { organizationId: world.A.id } },
        organizationId: world.A.id,
      };
    },
  },

  "app/espace/organisations/[organizationId]/questionnaire/actions.ts#saveDiagonalEvidenceAction": {
    kind: "tenant",
    permission: "assessment:answer",
    // The organization comes in the form: members of B send A's id (a forged tenant).
    arrange: async (world) => {
      await assessmentOfA(world);
      const form = new FormData();
      form.set("organizationId", world.A.id);
      form.set("diagnosedOn", "2026-02-10");
      form.set("file", new File([Buffer.from(await diagonalSummary())], "synthese.pdf", { type: "application/pdf" }));
      return { input: form, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/questionnaire/diagonal/[evidenceId]/route.ts#GET": {
    kind: "tenant",
    permission: "assessment:read",
    // The tenant is the evidence's organization: members of B name their own organization in the path.
    arrange: async (world) => {
      const { roundId } = await assessmentOfA(world);
      const where = { organizationId_roundId: { organizationId: world.A.id, roundId } };
      let evidence = await world.db.diagonalEvidence.findUnique({ where });
      if (!evidence) {
        const content = new Uint8Array(await diagonalSummary());
        const file = await world.db.storedFile.create({
          data: { organizationId: world.A.id, name: "synthese.pdf", mimeType: "application/pdf", size: content.byteLength, sha256: "0".repeat(64), content },
        });
        evidence = await world.db.diagonalEvidence.create({
          data: { organizationId: world.A.id, roundId, diagnosedOn: new Date("2026-02-10T00:00:00Z"), fileId: file.id },
        });
      }
      return {
        request: {
          path: `/espace/organisations/${world.A.id}/questionnaire/diagonal/${evidence.id}`,
          params: { organizationId: world.A.id, evidenceId: evidence.id },
        },
        organizationId: world.A.id,
      };
    },
  },

  "app/admin/campagnes/actions.ts#createRoundAction": {
    kind: "association",
    permission: "round:manage",
    arrange: async (world) => {
      const year = 2030 + Math.floor(Math.random() * 60);
      await world.db.round.deleteMany({ where: { year } });
      return {
        input: {
          year,
          name: `Campagne ${year}`,
          opensOn: `${year}-01-15`,
          closesOn: `${year}-11-30`,
          labelValidUntil: `${year + 1}-12-31`,
          questionnaireVersionId: await freeVersion(world),
          minPlanActions: 2,
          minPlanCriteria: 2,
          championMustNotBeMayor: true,
        },
        organizationId: world.A.id,
      };
    },
  },

  "app/admin/campagnes/actions.ts#openRoundAction": {
    kind: "association",
    permission: "round:manage",
    // The latest year, so that no newer round was opened before it.
    arrange: async (world) => ({ input: { roundId: (await roundOf(world, 2100, "DRAFT")).id }, organizationId: world.A.id }),
  },

  "app/admin/campagnes/actions.ts#retryCarryOverAction": {
    kind: "association",
    permission: "round:manage",
    arrange: async (world) => ({ input: { roundId: (await roundOf(world, 2099, "OPEN")).id }, organizationId: world.A.id }),
  },

  "app/admin/campagnes/actions.ts#closeRoundAction": {
    kind: "association",
    permission: "round:manage",
    arrange: async (world) => ({ input: { roundId: (await roundOf(world, 2098, "OPEN")).id }, organizationId: world.A.id }),
  },

  "app/admin/questionnaires/actions.ts#publishVersionAction": {
    kind: "association",
    permission: "questionnaire:manage",
    arrange: async (world) => {
      const { version } = await installQuestionnaireVersion(world.db, {
        key: `brouillon-${Date.now().toString(36)}`,
        title: "Brouillon d'isolation",
        content: QUESTIONNAIRE_2026,
      });
      return { input: { versionId: version.id }, organizationId: world.A.id };
    },
  },

  "app/admin/questionnaires/actions.ts#deriveVersionAction": {
    kind: "association",
    permission: "questionnaire:manage",
    arrange: async (world) => {
      const { version } = await installQuestionnaireVersion(world.db, { key: "2026", title: "IMMUNITE CYBER — campagne 2026", content: QUESTIONNAIRE_2026 });
      return { input: { fromVersionId: version.id, key: `derivee-${Date.now().toString(36)}`, title: "Campagne suivante" }, organizationId: world.A.id };
    },
  },

  "app/api/questionnaire/answers/route.ts#POST": {
    kind: "tenant",
    permission: "assessment:answer",
    // The tenant is the assessment's organization: members of B send A's assessment id.
    arrange: async (world) => {
      const { assessmentId, questionKey, optionKeys } = await assessmentOfA(world);
      return {
        request: { path: "/api/questionnaire/answers", json: { assessmentId, questionKey, optionKey: optionKeys[0], comment: `API ${Date.now()}` } },
        organizationId: world.A.id,
      };
    },
  },
};
