// Database sessions can be revoked: a person signs out everywhere, or the association disables
// an account.
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "./actor";

/** Ends every session of the person acting, on every device (this one included). */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<{ sessions: number }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: actor.userId } });
    await recordAudit(tx, { actorId: actor.userId, action: "auth.signed_out_everywhere", data: { sessions: count } });
    return { sessions: count };
  });
}
