// The OPEN 2026 round with the published 2026 questionnaire, as most cases need it. Other cases
// open and close rounds (app/admin/campagnes): 2026 is made the open one again each time.
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";
import type { World } from "./world";

export async function openRound2026(world: World) {
  const { db } = world;
  const { version } = await installQuestionnaireVersion(db, { key: "2026", title: "IMMUNITE CYBER — campagne 2026", content: QUESTIONNAIRE_2026 });
  await publishInstalledVersion(db, version.id);
  await db.round.updateMany({ where: { status: "OPEN", year: { not: 2026 } }, data: { status: "CLOSED" } });
  return db.round.upsert({
    where: { year: 2026 },
    update: { status: "OPEN" },
    create: {
      year: 2026,
      name: "Campagne 2026",
      status: "OPEN",
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-12-31T22:59:59Z"),
      labelValidUntil: new Date("2027-12-31T22:59:59Z"),
      questionnaireVersionId: version.id,
    },
    select: { id: true, questionnaireVersionId: true },
  });
}
