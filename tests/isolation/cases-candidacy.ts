// Isolation cases of the candidacy and its review (issue 12): server actions, the attachment
// route and the pages. Same rules as cases.ts (read its header). A reviewer of nothing sees
// nothing of a draft: the review actions refuse a candidacy without a submitted revision, and
// the draft's attachments are the organization's (candidacy:prepare) until a revision lists them.
import { randomBytes } from "node:crypto";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import type { IsolationCases, PageCase } from "./case-types";
import { openRound2026 } from "./open-round";
import type { World } from "./world";

const CANDIDACY = "app/espace/organisations/[organizationId]/candidature";
const REVIEW = "app/espace/examen";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const [firstKey, secondKey] = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).map((question) => question.key);

/** A's four criteria met (dues invoiced), as the mayor would find them before submitting. */
async function completeFileOfA(world: World) {
  const { db } = world;
  const round = await openRound2026(world);
  await db.assessment.upsert({
    where: { organizationId_roundId: { organizationId: world.A.id, roundId: round.id } },
    update: { status: "COMPLETED", completedAt: new Date() },
    create: { organizationId: world.A.id, roundId: round.id, versionId: round.questionnaireVersionId!, sizeBand: "UNDER_1000", territoryKind: "COMMUNE", status: "COMPLETED", completedAt: new Date() },
  });
  const plan = await db.actionPlan.upsert({ where: { organizationId: world.A.id }, update: {}, create: { organizationId: world.A.id } });
  for (const key of [firstKey!, secondKey!]) {
    await db.action.create({ data: { planId: plan.id, organizationId: world.A.id, title: `Action ${key}`, criteria: { create: [{ questionKey: key }] } } });
  }
  await db.championDesignation.create({
    data: { organizationId: world.A.id, name: "Camille Essai", function: "Adjointe", email: "camille.essai@isolation.test", isElected: true, status: "ACCEPTED", tokenHash: randomBytes(16).toString("hex"), tokenExpiresAt: new Date(), respondedAt: new Date() },
  });
  await db.dues.create({ data: { organizationId: world.A.id, roundId: round.id, amountCents: 5000, invoiceNumber: `ISO-${randomBytes(6).toString("hex")}`, status: "DUE" } });
  return round;
}

/** A's candidacy, a draft or submitted (revision 1 frozen), with one attachment. */
async function candidacyOfA(world: World, submitted: boolean, options: { assignedTo?: string } = {}) {
  const { db } = world;
  const round = await openRound2026(world);
  const candidacy = await db.candidacy.create({
    data: {
      organizationId: world.A.id,
      roundId: round.id,
      status: submitted ? "SUBMITTED" : "DRAFT",
      revision: submitted ? 1 : 0,
      submittedAt: submitted ? new Date() : null,
      departmentCode: "13",
      regionCode: "93",
      territoryKind: "COMMUNE",
      sizeBand: "UNDER_1000",
      assignedReviewerId: options.assignedTo ?? null,
      assignedAt: options.assignedTo ? new Date() : null,
    },
    select: { id: true },
  });
  const file = await db.storedFile.create({ data: { organizationId: world.A.id, name: "deliberation.png", mimeType: "image/png", size: PNG.byteLength, sha256: "0".repeat(64), content: PNG }, select: { id: true } });
  const attachment = await db.candidacyAttachment.create({ data: { candidacyId: candidacy.id, fileId: file.id, label: "Délibération" }, select: { id: true } });
  if (submitted) {
    await db.candidacyRevision.create({ data: { candidacyId: candidacy.id, number: 1, snapshot: { format: 1, attachments: [{ id: attachment.id, label: "Délibération" }] } } });
  }
  return { candidacyId: candidacy.id, attachmentId: attachment.id };
}

const reviewerOf = (world: World) => world.people.find((person) => person.label === "REVIEWER")!;

const attachmentRoute = (submitted: boolean) => async (world: World) => {
  const { attachmentId } = await candidacyOfA(world, submitted);
  return {
    request: { path: `/espace/organisations/${world.A.id}/candidature/pieces/${attachmentId}`, params: { organizationId: world.A.id, attachmentId } },
    organizationId: world.A.id,
  };
};

const decision = { outcome: "RETURN", reason: "", questionnaireMet: true, planMet: false, championMet: true, duesMet: false, questionnaireComment: "", planComment: "Ajoutez une action sur les sauvegardes.", championComment: "", duesComment: "" };

export const CANDIDACY_CASES: IsolationCases = {
  [`${CANDIDACY}/actions.ts#saveCandidacyNoteAction`]: {
    kind: "tenant",
    permission: "candidacy:prepare",
    arrange: async (world) => {
      await openRound2026(world);
      return { input: { organizationId: world.A.id, note: "Délibération votée en octobre." }, organizationId: world.A.id };
    },
  },
  [`${CANDIDACY}/actions.ts#addCandidacyAttachmentAction`]: {
    kind: "tenant",
    permission: "candidacy:prepare",
    arrange: async (world) => {
      await openRound2026(world);
      const form = new FormData();
      form.set("organizationId", world.A.id);
      form.set("label", "Délibération du conseil municipal");
      form.set("file", new File([Buffer.from(PNG)], "deliberation.png", { type: "image/png" }));
      return { input: form, organizationId: world.A.id };
    },
  },
  [`${CANDIDACY}/actions.ts#removeCandidacyAttachmentAction`]: {
    kind: "tenant",
    permission: "candidacy:prepare",
    arrange: async (world) => ({ input: { attachmentId: (await candidacyOfA(world, false)).attachmentId }, organizationId: world.A.id }),
  },
  [`${CANDIDACY}/actions.ts#askMayorToSubmitAction`]: {
    kind: "tenant",
    permission: "candidacy:prepare",
    arrange: async (world) => {
      await openRound2026(world);
      return { input: { organizationId: world.A.id }, organizationId: world.A.id };
    },
  },
  [`${CANDIDACY}/actions.ts#submitCandidacyAction`]: {
    kind: "tenant",
    permission: "candidacy:submit",
    // Submitting as the secretary, or as B's mayor with A's id: refused, nothing written.
    arrange: async (world) => {
      await completeFileOfA(world);
      return { input: { organizationId: world.A.id, confirmed: true }, organizationId: world.A.id };
    },
  },
  [`${CANDIDACY}/actions.ts#withdrawCandidacyAction`]: {
    kind: "tenant",
    permission: "candidacy:submit",
    arrange: async (world) => {
      await candidacyOfA(world, true);
      return { input: { organizationId: world.A.id }, organizationId: world.A.id };
    },
  },
  [`${CANDIDACY}/pieces/[attachmentId]/route.ts#GET`]: [
    { kind: "tenant", label: "a draft's attachment: the organization's only", permission: "candidacy:prepare", arrange: attachmentRoute(false) },
    { kind: "tenant", label: "a submitted attachment: whoever reads the candidacy", permission: "candidacy:read", arrange: attachmentRoute(true) },
  ],

  [`${REVIEW}/actions.ts#takeCandidacyAction`]: {
    kind: "tenant",
    permission: "candidacy:review",
    arrange: async (world) => ({ input: { candidacyId: (await candidacyOfA(world, true)).candidacyId }, organizationId: world.A.id }),
  },
  [`${REVIEW}/actions.ts#releaseCandidacyAction`]: {
    kind: "tenant",
    permission: "candidacy:review",
    arrange: async (world) => ({ input: { candidacyId: (await candidacyOfA(world, true, { assignedTo: reviewerOf(world).userId })).candidacyId }, organizationId: world.A.id }),
  },
  [`${REVIEW}/actions.ts#assignCandidacyAction`]: {
    kind: "tenant",
    permission: "review:assign",
    arrange: async (world) => ({ input: { candidacyId: (await candidacyOfA(world, true)).candidacyId, reviewerId: reviewerOf(world).userId }, organizationId: world.A.id }),
  },
  [`${REVIEW}/actions.ts#declareConflictAction`]: {
    kind: "tenant",
    permission: "candidacy:review",
    arrange: async (world) => ({ input: { organizationId: world.A.id, reason: "Un proche au conseil municipal." }, organizationId: world.A.id }),
  },
  [`${REVIEW}/actions.ts#decideCandidacyAction`]: {
    kind: "tenant",
    permission: "candidacy:review",
    arrange: async (world) => ({ input: { candidacyId: (await candidacyOfA(world, true)).candidacyId, revision: 1, ...decision }, organizationId: world.A.id }),
  },
  [`${REVIEW}/actions.ts#addOpinionAction`]: {
    kind: "tenant",
    permission: "review:opinion",
    arrange: async (world) => ({ input: { candidacyId: (await candidacyOfA(world, true)).candidacyId, body: "Commune très engagée." }, organizationId: world.A.id }),
  },
};

export const CANDIDACY_PAGE_CASES: Record<string, PageCase> = {
  "/espace/organisations/[organizationId]/candidature": { kind: "tenant", permission: "candidacy:read", params: (world) => ({ organizationId: world.A.id }) },
  "/espace/examen": { kind: "association", permission: "review:read" },
  "/espace/examen/[organizationId]": { kind: "tenant", permission: "review:read", params: (world) => ({ organizationId: world.A.id }) },
};
