// The candidacy demo: three communes of the Bouches-du-Rhône with a real file (every question
// answered, a plan from the recommended measures, an accepted Champion), written through the
// domain functions as their secretary and mayor would:
//   - Rognes: submitted 16 days ago, waiting for a reviewer (flagged in the queue);
//   - Vauvenargues: returned by the demo reviewer with a comment on the plan;
//   - Meyreuil: approved by the demo reviewer. Its dues are the dues demo's (paid by transfer):
//     the label appears once both demos have run, whichever runs first (lib/label/award.ts).
// The demo reviewer (relecteur@) has Rognes to take; the correspondent (correspondant@, 13) has
// an opinion to give on Rognes and has given one on Vauvenargues. Runs once: skipped when Rognes
// already has a candidacy for the open round.
import { createActionFromMeasure, updateAction } from "@/lib/action-plan/actions";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import { labelCriteriaOf } from "@/lib/candidacy/criteria";
import { freezeSubmission, saveCandidacyNote, submitCandidacy } from "@/lib/candidacy/submission";
import type { Db } from "@/lib/db/create-client";
import { lockLabelFile } from "@/lib/label/award";
import { getAssessmentView, getOrStartAssessment, saveAnswer } from "@/lib/questionnaire/answers";
import { takeCandidacy } from "@/lib/review/assignment";
import { addOpinion, decideCandidacy } from "@/lib/review/decision";
import { findOpenRound, type OpenRound } from "@/lib/rounds/open-round";
import { DEMO_COMMUNES, demoPeopleOf, ensureDemoOrganization } from "./organizations";

const DAY = 86_400_000;

const COMMUNES = [
  { code: DEMO_COMMUNES.ROGNES, slug: "rognes", champion: "Élodie Garnier", submittedDaysAgo: 16, note: "Le conseil municipal a délibéré sur la démarche en septembre ; notre prestataire informatique nous accompagne." },
  { code: DEMO_COMMUNES.VAUVENARGUES, slug: "vauvenargues", champion: "Marc Olivier", submittedDaysAgo: 9, note: "" },
  { code: DEMO_COMMUNES.MEYREUIL, slug: "meyreuil", champion: "Sarah Benali", submittedDaysAgo: 25, note: "Commune très mobilisée depuis l'incident de 2024." },
] as const;

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(db, user.id))!;
}

/** Every question answered (mostly good answers, a few weak ones), a plan of three measures, the Champion. */
async function fillFile(db: Db, secretary: Actor, organizationId: string, round: OpenRound, championName: string) {
  const assessment = await getOrStartAssessment(db, secretary, organizationId, round.id);
  const view = await getAssessmentView(db, secretary, assessment.id);
  for (const [index, question] of view.themes.flatMap((theme) => theme.questions).entries()) {
    const options = question.options;
    const option = index % 3 === 0 ? options[0]! : options[options.length - 1]!;
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question.key, optionKey: option.key });
  }
  const { measures } = await getAssessmentView(db, secretary, assessment.id);
  for (const [index, measure] of measures.slice(0, 3).entries()) {
    const action = await createActionFromMeasure(db, secretary, { organizationId, measureKey: measure.key });
    if (index === 0) await updateAction(db, secretary, { actionId: action.id, status: "DONE", progress: 100 });
    if (index === 1) await updateAction(db, secretary, { actionId: action.id, status: "IN_PROGRESS", progress: 50, ownerUserId: secretary.userId });
  }
  if (!(await db.championDesignation.findFirst({ where: { organizationId, status: "ACCEPTED" }, select: { id: true } }))) {
    const now = new Date();
    await db.championDesignation.create({
      data: {
        organizationId,
        name: championName,
        function: "Adjoint(e) au numérique",
        email: `champion.${organizationId}@demo.ccd.test`,
        isElected: true,
        status: "ACCEPTED",
        tokenHash: `demo-candidacy-${organizationId}`,
        tokenExpiresAt: now,
        designatedById: secretary.userId,
        respondedAt: now,
      },
    });
  }
}

/**
 * The mayor submits. Without the dues demo the invoice does not exist yet: the file is then
 * frozen through the same domain function the submission uses after its checks, so the demo
 * shows the review whatever order the demos run in.
 */
async function submitAsMayor(db: Db, mayor: Actor, organizationId: string, round: OpenRound, submittedAt: Date) {
  try {
    return await submitCandidacy(db, mayor, { organizationId }, () => submittedAt);
  } catch (error) {
    if (!(error instanceof DomainError) || !error.message.includes("Cotisation")) throw error;
    return db.$transaction(async (tx) => {
      await lockLabelFile(tx, organizationId);
      const criteria = await labelCriteriaOf(tx, organizationId, round);
      return freezeSubmission(tx, mayor, { organizationId, round, criteria, existing: null, submittedAt });
    });
  }
}

export async function seedDemoCandidacies(db: Db): Promise<boolean> {
  const round = await findOpenRound(db);
  if (!round?.questionnaireVersionId) return false;
  const rognes = await db.organization.findUnique({ where: { territoryCode: DEMO_COMMUNES.ROGNES }, select: { id: true } });
  if (rognes && (await db.candidacy.findUnique({ where: { organizationId_roundId: { organizationId: rognes.id, roundId: round.id } }, select: { id: true } }))) return false;
  const reviewer = await actorByEmail(db, "relecteur@demo.ccd.test");
  const correspondent = await actorByEmail(db, "correspondant@demo.ccd.test");

  for (const commune of COMMUNES) {
    const territory = await db.territory.findUnique({ where: { code: commune.code }, select: { name: true } });
    if (!territory) continue;
    const people = demoPeopleOf(commune.slug, territory.name);
    const organization = await db.$transaction((tx) => ensureDemoOrganization(tx, commune.code, people));
    const secretary = await actorByEmail(db, people.find((person) => person.role === "SECRETARY")!.email);
    const mayor = await actorByEmail(db, people.find((person) => person.role === "MAYOR")!.email);
    if (!(await db.assessment.findUnique({ where: { organizationId_roundId: { organizationId: organization.id, roundId: round.id } }, select: { id: true } }))) {
      await fillFile(db, secretary, organization.id, round, commune.champion);
    }
    if (commune.note) await saveCandidacyNote(db, secretary, { organizationId: organization.id, note: commune.note });
    const { candidacyId } = await submitAsMayor(db, mayor, organization.id, round, new Date(Date.now() - commune.submittedDaysAgo * DAY));

    const verdicts = { questionnaireMet: true, planMet: true, championMet: true, duesMet: false, questionnaireComment: "", planComment: "", championComment: "", duesComment: "", reason: "" };
    if (commune.code === DEMO_COMMUNES.VAUVENARGUES) {
      await takeCandidacy(db, reviewer, { candidacyId });
      await addOpinion(db, correspondent, { candidacyId, body: "J'ai rencontré le maire : la commune est motivée mais seule, sans service informatique. Le soutien de la Métropole serait utile." });
      await decideCandidacy(db, reviewer, {
        candidacyId,
        revision: 1,
        outcome: "RETURN",
        ...verdicts,
        planMet: false,
        planComment: "Le plan ne dit rien des sauvegardes : ajoutez une action sur la sauvegarde hors ligne des données de la mairie, avec un responsable et une échéance.",
      });
    }
    if (commune.code === DEMO_COMMUNES.MEYREUIL) {
      await takeCandidacy(db, reviewer, { candidacyId });
      await decideCandidacy(db, reviewer, { candidacyId, revision: 1, outcome: "APPROVE", ...verdicts, planComment: "Plan clair et déjà bien engagé." });
    }
  }
  return true;
}
