// Seed hook: the questionnaire of the current round, installed, published and tied to its round.
import type { Db } from "@/lib/db/create-client";
import { QUESTIONNAIRE_2026 } from "./content";
import { installQuestionnaireVersion, publishInstalledVersion } from "./versions";

export const CURRENT_QUESTIONNAIRE = {
  key: "2026",
  title: "IMMUNITE CYBER — campagne 2026",
  roundYear: 2026,
  content: QUESTIONNAIRE_2026,
} as const;

/**
 * Installs the 2026 version if missing, publishes it if still a draft, and ties it to the 2026
 * round when that round exists and has no questionnaire yet. Idempotent and cheap once done
 * (a few reads), so it can run at every start.
 */
export async function installCurrentQuestionnaire(db: Db) {
  const { version, created } = await installQuestionnaireVersion(db, CURRENT_QUESTIONNAIRE);
  const published = await publishInstalledVersion(db, version.id);
  // A version serves one round only (unique in the schema), and an administrator's choice stays.
  const alreadyUsed = await db.round.findUnique({ where: { questionnaireVersionId: version.id }, select: { id: true } });
  const linked = alreadyUsed
    ? { count: 0 }
    : await db.round.updateMany({ where: { year: CURRENT_QUESTIONNAIRE.roundYear, questionnaireVersionId: null }, data: { questionnaireVersionId: version.id } });
  return { versionId: version.id, created, published, linkedToRound: linked.count > 0 };
}
