// The demo commune's file half-way through the year, so a newcomer sees the product at work: the
// questionnaire partly answered (results and measures to read), an action plan built from two
// recommended measures, one under way, and a Cyber Champion who accepted. Written through the
// domain functions, as the secretary would, so it obeys every rule. Runs once: skipped when the
// demo commune already has an assessment for the open round.
import { createActionFromMeasure, updateAction } from "@/lib/action-plan/actions";
import { loadActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/create-client";
import { getAssessmentView, getOrStartAssessment, saveAnswer } from "@/lib/questionnaire/answers";
import { findOpenRound } from "@/lib/rounds/open-round";
import { DEMO_COMMUNE_CODE } from "./seed-demo";

/** How many of the commune's questions the secretary has answered so far. */
const ANSWERED = 12;

export async function seedDemoActivity(db: Db): Promise<boolean> {
  const [organization, round, secretaryUser, championUser] = await Promise.all([
    db.organization.findUnique({ where: { territoryCode: DEMO_COMMUNE_CODE }, select: { id: true } }),
    findOpenRound(db),
    db.user.findUnique({ where: { email: "secretaire@demo.ccd.test" }, select: { id: true } }),
    db.user.findUnique({ where: { email: "champion@demo.ccd.test" }, select: { id: true, name: true } }),
  ]);
  if (!organization || !round?.questionnaireVersionId || !secretaryUser || !championUser) return false;
  if (await db.assessment.findUnique({ where: { organizationId_roundId: { organizationId: organization.id, roundId: round.id } }, select: { id: true } })) {
    return false;
  }
  const secretary = (await loadActor(db, secretaryUser.id))!;

  // Answers: the first questions in order, alternating strong, weak and "Je ne sais pas".
  const assessment = await getOrStartAssessment(db, secretary, organization.id, round.id);
  const view = await getAssessmentView(db, secretary, assessment.id);
  const questions = view.themes.flatMap((theme) => theme.questions).slice(0, ANSWERED);
  for (const [index, question] of questions.entries()) {
    const options = question.options;
    if (index % 4 === 3) {
      await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question.key, dontKnow: true, comment: "À vérifier avec le prestataire informatique." });
    } else {
      const option = index % 2 === 0 ? options[0]! : options[options.length - 1]!;
      await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question.key, optionKey: option.key });
    }
  }

  // The plan: the two most useful measures, the first one started.
  const { measures } = await getAssessmentView(db, secretary, assessment.id);
  const [first, second] = measures;
  if (first && second) {
    const started = await createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: first.key });
    await updateAction(db, secretary, { actionId: started.id, status: "IN_PROGRESS", progress: 40, ownerUserId: secretary.userId, priority: "HIGH" });
    const planned = await createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: second.key });
    await updateAction(db, secretary, { actionId: planned.id, ownerName: "Prestataire informatique de la commune", dueOn: `${round.year}-12-15` });
  }

  // The Champion: Claire Bernard, municipal councillor, designated and accepted.
  if (!(await db.championDesignation.findFirst({ where: { organizationId: organization.id }, select: { id: true } }))) {
    const now = new Date();
    await db.championDesignation.create({
      data: {
        organizationId: organization.id,
        name: championUser.name ?? "Claire Bernard",
        function: "Conseillère municipale déléguée au numérique",
        email: "champion@demo.ccd.test",
        isElected: true,
        status: "ACCEPTED",
        tokenHash: `demo-${organization.id}`,
        tokenExpiresAt: now,
        userId: championUser.id,
        designatedById: secretary.userId,
        respondedAt: now,
      },
    });
  }
  return true;
}
