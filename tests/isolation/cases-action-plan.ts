// Isolation cases of the action plan (criterion 2): its server actions, route handlers and pages.
// Same rules as cases.ts (read its header); kept apart so the feature owns its list.
import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import type { IsolationCases, PageCase } from "./case-types";
import { openRound2026 } from "./open-round";
import type { World } from "./world";

const PLAN = "app/espace/organisations/[organizationId]/plan-d-action";

/** A question every commune is asked: the criterion of the actions made here. */
const CRITERION = QUESTIONNAIRE_2026.themes
  .flatMap((theme) => theme.questions)
  .find((question) => question.sizeBands.includes("UNDER_1000") && question.territoryKinds.includes("COMMUNE"))!.key;


/** An action in A's plan (written directly: the case tests the endpoint, not the creation). */
async function actionOfA(world: World, id?: string) {
  const plan = await world.db.actionPlan.upsert({ where: { organizationId: world.A.id }, update: {}, create: { organizationId: world.A.id }, select: { id: true } });
  return world.db.action.create({
    data: {
      ...(id ? { id } : {}),
      planId: plan.id,
      organizationId: world.A.id,
      title: "Tenir l'inventaire des postes",
      criteria: { create: [{ questionKey: CRITERION }] },
    },
    select: { id: true },
  });
}

async function smallPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Charte signee");
  return doc.save();
}

async function fileEvidenceOfA(world: World) {
  const action = await actionOfA(world);
  const content = new Uint8Array(await smallPdf());
  const file = await world.db.storedFile.create({
    data: { organizationId: world.A.id, name: "charte.pdf", mimeType: "application/pdf", size: content.byteLength, sha256: "0".repeat(64), content },
  });
  return world.db.actionEvidence.create({ data: { actionId: action.id, fileId: file.id, label: "Charte signée" }, select: { id: true } });
}

const planRoute = (suffix: string) => async (world: World) => {
  await openRound2026(world);
  await actionOfA(world);
  return {
    request: { path: `/espace/organisations/${world.A.id}/plan-d-action/${suffix}`, params: { organizationId: world.A.id } },
    organizationId: world.A.id,
  };
};

export const ACTION_PLAN_CASES: IsolationCases = {
  [`${PLAN}/actions.ts#createActionAction`]: {
    kind: "tenant",
    permission: "plan:manage",
    // The organization comes in the input: members of B send A's id (a forged tenant).
    arrange: async (world) => {
      await openRound2026(world);
      return {
        input: { organizationId: world.A.id, title: "Faire signer la charte informatique", criteria: [CRITERION], priority: "HIGH" },
        organizationId: world.A.id,
      };
    },
  },

  [`${PLAN}/actions.ts#createActionFromMeasureAction`]: {
    kind: "tenant",
    permission: "plan:manage",
    arrange: async (world) => {
      await openRound2026(world);
      return { input: { organizationId: world.A.id, measureKey: QUESTIONNAIRE_2026.measures[0]!.key }, organizationId: world.A.id };
    },
  },

  [`${PLAN}/actions.ts#updateActionAction`]: (["status", "due date and owner"] as const).map((what) => ({
    kind: "tenant" as const,
    label: what,
    permission: "plan:manage" as const,
    // The tenant is the action's organization: members of B send A's action id.
    arrange: async (world: World) => {
      await openRound2026(world);
      const { id } = await actionOfA(world);
      const change = what === "status" ? { status: "IN_PROGRESS", progress: 40 } : { dueOn: "2026-06-30", ownerName: "Le prestataire informatique" };
      return { input: { actionId: id, ...change }, organizationId: world.A.id };
    },
  })),

  [`${PLAN}/actions.ts#addCommentAction`]: {
    kind: "tenant",
    permission: "plan:manage",
    arrange: async (world) => {
      const { id } = await actionOfA(world);
      return { input: { actionId: id, body: "Vu avec le prestataire." }, organizationId: world.A.id };
    },
  },

  [`${PLAN}/actions.ts#addEvidenceLinkAction`]: {
    kind: "tenant",
    permission: "plan:manage",
    arrange: async (world) => {
      const { id } = await actionOfA(world);
      return { input: { actionId: id, url: "https://www.exemple.fr/charte.pdf", label: "Charte signée" }, organizationId: world.A.id };
    },
  },

  [`${PLAN}/actions.ts#addEvidenceFileAction`]: {
    kind: "tenant",
    permission: "plan:manage",
    // Multipart, as the browser sends it; the tenant is the action's organization.
    arrange: async (world) => {
      const { id } = await actionOfA(world);
      const form = new FormData();
      form.set("actionId", id);
      form.set("label", "Charte signée");
      form.set("file", new File([Buffer.from(await smallPdf())], "charte.pdf", { type: "application/pdf" }));
      return { input: form, organizationId: world.A.id };
    },
  },

  [`${PLAN}/csv/route.ts#GET`]: { kind: "tenant", permission: "plan:read", arrange: planRoute("csv") },

  [`${PLAN}/pdf/route.ts#GET`]: { kind: "tenant", permission: "plan:read", arrange: planRoute("pdf") },

  [`${PLAN}/preuves/[evidenceId]/route.ts#GET`]: {
    kind: "tenant",
    permission: "plan:read",
    // The tenant is the evidence's organization: members of B name their own organization in the path.
    arrange: async (world) => {
      const evidence = await fileEvidenceOfA(world);
      return {
        request: {
          path: `/espace/organisations/${world.A.id}/plan-d-action/preuves/${evidence.id}`,
          params: { organizationId: world.A.id, evidenceId: evidence.id },
        },
        organizationId: world.A.id,
      };
    },
  },
};

/**
 * The action page needs an action of A, and a page case's params are read synchronously: the
 * action gets its id here and is written at once (the world's database is ready), long before
 * the page is rendered. Should it be missing, the page answers 404 to the holders and the case fails.
 */
const pageActions = new WeakMap<World, string>();
function pageActionOf(world: World): string {
  let id = pageActions.get(world);
  if (!id) {
    const actionId = `isolation${randomBytes(8).toString("hex")}`;
    id = actionId;
    pageActions.set(world, actionId);
    actionOfA(world, actionId).catch((error: unknown) => console.error("[isolation] action de la page non créée", error));
  }
  return id;
}

export const ACTION_PLAN_PAGE_CASES: Record<string, PageCase> = {
  "/espace/organisations/[organizationId]/plan-d-action": { kind: "tenant", permission: "plan:read", params: (world) => ({ organizationId: world.A.id }) },
  "/espace/organisations/[organizationId]/plan-d-action/[actionId]": {
    kind: "tenant",
    permission: "plan:read",
    params: (world) => ({ organizationId: world.A.id, actionId: pageActionOf(world) }),
  },
};
