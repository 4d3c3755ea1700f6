// Reading what the application queued for someone, rendered as the worker would send it.
import type { Db } from "@/lib/db/create-client";
import { renderOutboxMessage } from "@/lib/notifications/render";

export const TEST_APP_URL = "http://localhost:3000";

/** The last message queued for `to`, rendered (subject, text, html, headers). */
export async function lastEmailTo(db: Db, to: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { to: to.toLowerCase() }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return { ...message, rendered: await renderOutboxMessage(db, message, TEST_APP_URL) };
}
