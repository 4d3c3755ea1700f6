// Isolation cases of the e-mails (issue 10): the administrators' messages page and its retry
// action, and each person's own e-mail preferences. Same rules as cases.ts.
import type { IsolationCases, PageCase } from "./case-types";
import type { World } from "./world";

/** A failed message about A, as the outbox worker leaves it after its last attempt. */
async function failedMessageOfA(world: World) {
  const message = await world.db.outboxMessage.create({
    data: {
      idempotencyKey: `isolation:${Date.now()}:${Math.random()}`,
      to: "camille.essai@isolation.test",
      template: "organization.validated",
      data: { organizationName: "A" },
      organizationId: world.A.id,
      status: "FAILED",
      attempts: 8,
      lastError: "550 boîte inexistante",
    },
    select: { id: true },
  });
  return message.id;
}

export const NOTIFICATION_CASES: IsolationCases = {
  "app/admin/messages/actions.ts#retryMessageAction": {
    kind: "association",
    permission: "messages:manage",
    arrange: async (world) => ({ input: { messageId: await failedMessageOfA(world) }, organizationId: world.A.id }),
  },
  "app/espace/preferences/actions.ts#setRemindersAction": ([false, true] as const).map((enabled) => ({
    kind: "signed-in" as const,
    label: enabled ? "reminders on" : "reminders off",
    why: "Everyone chooses their own reminders; the address changed is the session's, never one sent in the request.",
    arrange: async () => ({ input: { remindersEnabled: String(enabled), email: "someone.else@isolation.test" } }),
  })),
};

export const NOTIFICATION_PAGE_CASES: Record<string, PageCase> = {
  "/admin/messages": { kind: "association", permission: "messages:manage" },
  "/espace/preferences": { kind: "own" },
};
