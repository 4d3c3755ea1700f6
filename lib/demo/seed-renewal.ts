// The renewal demo: Peynier (DEMO_COMMUNES.PEYNIER) was labelled in the closed 2025 round and
// renews in 2026, so its progression is computable and shown (results page, candidacy, review).
//
// - The 2025 questionnaire is its own published version, written as last year's content: the
//   2026 content minus one question added in 2026 (teletravail.double-authentification), plus one
//   question withdrawn since (utilisateurs.affichage-consignes), and one question worded
//   differently (inventaire.postes). The 2026 version stays the one the open round uses.
// - 2025 happened in the past, so its rows are written directly with their dates: the closed
//   round, the completed assessment, the approved candidacy with its review decision and the
//   label (the candidacy and label features have no function to backdate them). The plan's
//   history is backdated too (done, abandoned with its reason, under way), then carried over to
//   2026 by carryOverPlan, as when the round opened.
// - 2026 is written through the domain functions, as the secretary would: every answer saved;
//   then the mayor files the renewal (its progression frozen in the snapshot, 80/100), for the
//   demo reviewer to decide.
// Idempotent: skipped once Peynier holds its 2025 label.
import { carryOverPlan } from "@/lib/action-plan/carry-over";
import { loadActor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import { labelCriteriaOf } from "@/lib/candidacy/criteria";
import { freezeSubmission, submitCandidacy } from "@/lib/candidacy/submission";
import { lockLabelFile } from "@/lib/label/award";
import { findOpenRound } from "@/lib/rounds/open-round";
import type { Db } from "@/lib/db/create-client";
import type { ActionStatus, Prisma } from "@/lib/db/generated/client";
import { getOrStartAssessment, saveAnswer } from "@/lib/questionnaire/answers";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import type { QuestionContent, QuestionnaireContent } from "@/lib/questionnaire/content/types";
import { scoreAssessment, type AnswerState } from "@/lib/questionnaire/scoring";
import { isApplicable, sizeBandFor } from "@/lib/questionnaire/size-band";
import { installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";
import { DEMO_COMMUNES, demoPeopleOf, ensureDemoOrganization } from "./organizations";

export const RENEWAL_PREVIOUS_YEAR = 2025;
export const RENEWAL_DEMO = { code: DEMO_COMMUNES.PEYNIER, slug: "peynier", name: "Peynier" } as const;

/** Added in 2026: absent from the 2025 version. */
export const ADDED_IN_2026 = "teletravail.double-authentification";
/** Asked in 2025, withdrawn in 2026. */
export const WITHDRAWN_IN_2026 = "utilisateurs.affichage-consignes";
/** Same key, worded differently in 2025. */
export const REWORDED_IN_2026 = "inventaire.postes";

const WITHDRAWN_QUESTION: QuestionContent = {
  key: WITHDRAWN_IN_2026,
  text: "Les consignes de sécurité informatique sont-elles affichées dans les bureaux de la mairie ?",
  help: "Une affiche près des postes rappelle les bons réflexes au moment où on en a besoin. Retirée en 2026 : la formation annuelle la remplace.",
  weight: 1,
  sizeBands: ["UNDER_1000", "FROM_1000_TO_3499", "FROM_3500_TO_9999", "FROM_10000"],
  territoryKinds: ["COMMUNE", "EPCI"],
  options: [
    { key: "non", label: "Non", score: 0 },
    { key: "oral", label: "Elles ont été dites, pas affichées", score: 1 },
    { key: "affichees", label: "Oui, affichées près des postes", score: 3 },
  ],
  measureKeys: ["sensibiliser-agents-hameconnage"],
};

/** Last year's content, derived from this year's: what the association published for 2025. */
export function questionnaire2025Content(): QuestionnaireContent {
  return {
    measures: QUESTIONNAIRE_2026.measures,
    themes: QUESTIONNAIRE_2026.themes.map((theme) => ({
      ...theme,
      questions: [
        ...theme.questions
          .filter((question) => question.key !== ADDED_IN_2026)
          .map((question) =>
            question.key === REWORDED_IN_2026 ? { ...question, text: "Tenez-vous une liste des ordinateurs et du matériel informatique de la mairie ?" } : question,
          ),
        ...(theme.key === "utilisateurs" ? [WITHDRAWN_QUESTION] : []),
      ],
    })),
  };
}

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

/** 2025 answers: modest, one « Je ne sais pas »; 2026 answers: one step better on most questions. */
function answer2025(question: QuestionContent, index: number): { optionKey: string | null; dontKnow: boolean } {
  if (question.key === "mises-a-jour-sauvegardes.restauration") return { optionKey: null, dontKnow: true };
  const options = question.options;
  return { optionKey: options[Math.min(index % 3 === 0 ? 0 : 1, options.length - 1)]!.key, dontKnow: false };
}

function answer2026(question: QuestionContent, index: number): { optionKey: string | null; dontKnow: boolean } {
  const options = question.options;
  if (question.key === "mises-a-jour-sauvegardes.restauration") return { optionKey: options[2]!.key, dontKnow: false };
  // The public wifi was found on the mairie's network: one theme falls a little, within the rule.
  if (question.key === "neutralisation-virus.wifi") return { optionKey: options[0]!.key, dontKnow: false };
  if (question.key.startsWith("neutralisation-virus.")) return answer2025(question, index);
  const before = answer2025(question, index);
  const position = options.findIndex((option) => option.key === before.optionKey);
  return { optionKey: options[Math.min(position + 1, options.length - 1)]!.key, dontKnow: false };
}

type DemoAction = {
  key: string;
  title: string;
  criteria: string[];
  createdOn: string;
  status: ActionStatus;
  progress?: number;
  /** DONE: completion day; ABANDONED: the day it was abandoned. */
  on?: string;
  abandonReason?: string;
  evidence?: { label: string; url: string; on: string };
  /** Planned in the 2026 round rather than in 2025. */
  in2026?: boolean;
};

const ACTIONS: DemoAction[] = [
  { key: "referent", title: "Désigner un référent informatique à la mairie", criteria: ["inventaire.responsable"], createdOn: "2025-03-20", status: "DONE", on: "2025-04-30" },
  {
    key: "mfa",
    title: "Activer la double authentification sur la messagerie",
    criteria: ["mots-de-passe.double-authentification"],
    createdOn: "2025-04-02",
    status: "DONE",
    on: "2025-09-18",
    evidence: { label: "Capture de la console de messagerie (double authentification activée)", url: "https://www.cybermalveillance.gouv.fr/tous-nos-contenus/bonnes-pratiques/double-authentification", on: "2025-09-18" },
  },
  { key: "restore", title: "Tester la restauration d’une sauvegarde", criteria: ["mises-a-jour-sauvegardes.restauration"], createdOn: "2025-04-02", status: "DONE", on: "2026-02-10" },
  {
    key: "charter",
    title: "Faire signer la charte informatique aux agents",
    criteria: ["utilisateurs.charte"],
    createdOn: "2025-04-02",
    status: "ABANDONED",
    on: "2025-11-12",
    abandonReason: "Remplacée par la formation annuelle des agents, que le conseil municipal a préférée.",
  },
  { key: "phishing", title: "Sensibiliser les agents au hameçonnage", criteria: ["utilisateurs.hameconnage"], createdOn: "2025-05-05", status: "IN_PROGRESS", progress: 60 },
  { key: "inventory", title: "Tenir l’inventaire des postes et des logiciels", criteria: ["inventaire.postes"], createdOn: "2025-05-06", status: "TODO" },
  { key: "wifi", title: "Séparer le wifi public du réseau de la mairie", criteria: ["neutralisation-virus.wifi"], createdOn: "2026-03-12", status: "TODO", in2026: true },
];

async function ensurePreviousRound(db: Db) {
  const existing = await db.round.findUnique({ where: { year: RENEWAL_PREVIOUS_YEAR }, select: { id: true, questionnaireVersionId: true, labelValidUntil: true } });
  if (existing?.questionnaireVersionId) return existing;
  const { version } = await installQuestionnaireVersion(db, {
    key: String(RENEWAL_PREVIOUS_YEAR),
    title: `IMMUNITE CYBER — campagne ${RENEWAL_PREVIOUS_YEAR}`,
    content: questionnaire2025Content(),
  });
  await publishInstalledVersion(db, version.id);
  const data = {
    name: `Campagne ${RENEWAL_PREVIOUS_YEAR}`,
    status: "CLOSED" as const,
    opensAt: new Date(`${RENEWAL_PREVIOUS_YEAR}-03-01T00:00:00Z`),
    closesAt: new Date(`${RENEWAL_PREVIOUS_YEAR}-11-30T22:59:59Z`),
    labelValidUntil: new Date(`${RENEWAL_PREVIOUS_YEAR + 1}-12-31T22:59:59Z`),
    questionnaireVersionId: version.id,
  };
  return existing
    ? db.round.update({ where: { id: existing.id }, data: { questionnaireVersionId: version.id }, select: { id: true, questionnaireVersionId: true, labelValidUntil: true } })
    : db.round.create({ data: { year: RENEWAL_PREVIOUS_YEAR, ...data }, select: { id: true, questionnaireVersionId: true, labelValidUntil: true } });
}

/** Writes the renewal demo; false when there is nothing to do (done already, or no open 2026 round yet). */
export async function seedRenewalDemo(db: Db): Promise<boolean> {
  const current = await db.round.findFirst({ where: { status: "OPEN", year: RENEWAL_PREVIOUS_YEAR + 1 }, select: { id: true, year: true, questionnaireVersionId: true } });
  const territory = await db.territory.findUnique({ where: { code: RENEWAL_DEMO.code }, select: { population: true, kind: true } });
  if (!current?.questionnaireVersionId || !territory) return false;
  const already = await db.label.findFirst({ where: { organization: { territoryCode: RENEWAL_DEMO.code }, round: { year: RENEWAL_PREVIOUS_YEAR } }, select: { id: true } });
  if (already) return false;

  const previousRound = await ensurePreviousRound(db);
  const context = { sizeBand: sizeBandFor(territory.population), territoryKind: territory.kind };
  const content2025 = questionnaire2025Content();
  const questions2025 = content2025.themes.flatMap((theme) => theme.questions).filter((question) => isApplicable(question, context));

  const { organizationId, secretaryId, mayorId } = await db.$transaction(async (tx) => {
    const organization = await ensureDemoOrganization(tx, RENEWAL_DEMO.code, demoPeopleOf(RENEWAL_DEMO.slug, RENEWAL_DEMO.name));
    const people = await tx.user.findMany({ where: { email: { in: demoPeopleOf(RENEWAL_DEMO.slug, RENEWAL_DEMO.name).map((person) => person.email) } }, select: { id: true, email: true } });
    const mayor = people.find((person) => person.email.startsWith("maire."))!;
    const secretary = people.find((person) => person.email.startsWith("secretaire."))!;
    const reviewer = await tx.user.findUnique({ where: { email: "relecteur@demo.ccd.test" }, select: { id: true } });

    // 2025: the completed questionnaire on the 2025 version, scored as the server would have.
    const states: AnswerState[] = questions2025.map((question, index) => ({ questionKey: question.key, ...answer2025(question, index) }));
    const score = scoreAssessment(content2025.themes, states, context).overall;
    const version = await tx.question.findMany({
      where: { versionId: previousRound.questionnaireVersionId! },
      select: { id: true, key: true, options: { select: { id: true, key: true } } },
    });
    const byKey = new Map(version.map((question) => [question.key, question]));
    const assessment = await tx.assessment.create({
      data: {
        organizationId: organization.id,
        roundId: previousRound.id,
        versionId: previousRound.questionnaireVersionId!,
        status: "COMPLETED",
        sizeBand: context.sizeBand,
        territoryKind: context.territoryKind,
        completedAt: day("2025-05-20"),
        score,
        createdAt: day("2025-04-10"),
      },
    });
    await tx.answer.createMany({
      data: states.map((state) => {
        const question = byKey.get(state.questionKey)!;
        return {
          assessmentId: assessment.id,
          questionId: question.id,
          optionId: state.optionKey ? question.options.find((option) => option.key === state.optionKey)!.id : null,
          dontKnow: state.dontKnow,
          answeredById: secretary.id,
        };
      }),
    });

    // The plan and its history, with the dates things happened.
    const plan = await tx.actionPlan.upsert({ where: { organizationId: organization.id }, update: {}, create: { organizationId: organization.id, createdAt: day("2025-03-20") } });
    for (const item of ACTIONS) {
      const completedAt = item.status === "DONE" ? day(item.on!) : null;
      const action = await tx.action.create({
        data: {
          planId: plan.id,
          organizationId: organization.id,
          createdInRoundId: item.in2026 ? current.id : previousRound.id,
          title: item.title,
          status: item.status,
          progress: item.status === "DONE" ? 100 : (item.progress ?? 0),
          completedAt,
          abandonReason: item.abandonReason ?? null,
          ownerUserId: secretary.id,
          createdAt: day(item.createdOn),
          criteria: { create: item.criteria.map((questionKey) => ({ questionKey })) },
        },
      });
      const events: Prisma.ActionEventCreateManyInput[] = [
        {
          actionId: action.id,
          actorId: secretary.id,
          kind: "created",
          changes: { source: "free", title: item.title, criteria: item.criteria, status: "TODO", priority: "MEDIUM" },
          createdAt: day(item.createdOn),
        },
      ];
      if (item.status === "IN_PROGRESS") {
        events.push({ actionId: action.id, actorId: secretary.id, kind: "updated", changes: { status: { from: "TODO", to: "IN_PROGRESS" }, progress: { from: 0, to: item.progress ?? 0 } }, createdAt: day("2025-10-06") });
      }
      if (item.status === "DONE") {
        events.push({
          actionId: action.id,
          actorId: secretary.id,
          kind: "updated",
          changes: { status: { from: "TODO", to: "DONE" }, progress: { from: 0, to: 100 }, completedAt: { from: null, to: completedAt!.toISOString() } },
          createdAt: completedAt!,
        });
      }
      if (item.status === "ABANDONED") {
        events.push({
          actionId: action.id,
          actorId: secretary.id,
          kind: "updated",
          changes: { status: { from: "TODO", to: "ABANDONED" }, abandonReason: { from: null, to: item.abandonReason! } },
          createdAt: day(item.on!),
        });
      }
      if (item.evidence) {
        const evidence = await tx.actionEvidence.create({ data: { actionId: action.id, url: item.evidence.url, label: item.evidence.label, createdAt: day(item.evidence.on) } });
        events.push({ actionId: action.id, actorId: secretary.id, kind: "evidence_added", changes: { evidenceId: evidence.id, url: item.evidence.url, label: item.evidence.label }, createdAt: day(item.evidence.on) });
      }
      await tx.actionEvent.createMany({ data: events });
    }

    // The 2025 file: submitted by the mayor, approved by the demo reviewer, labelled.
    const candidacy = await tx.candidacy.create({
      data: {
        organizationId: organization.id,
        roundId: previousRound.id,
        status: "APPROVED",
        isRenewal: false,
        revision: 1,
        submittedAt: day("2025-06-02"),
        submittedById: mayor.id,
        decidedAt: day("2025-06-18"),
        createdAt: day("2025-05-21"),
      },
    });
    // The 2025 snapshot is a summary: the file format of the candidacy feature did not exist then.
    const revision = await tx.candidacyRevision.create({
      data: {
        candidacyId: candidacy.id,
        number: 1,
        snapshot: { demo: true, year: RENEWAL_PREVIOUS_YEAR, questionnaireScore: score },
        submittedById: mayor.id,
        submittedAt: day("2025-06-02"),
      },
    });
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { snapshot: { revisionId: revision.id, number: 1 } } });
    await tx.reviewDecision.create({
      data: { candidacyId: candidacy.id, revisionId: revision.id, reviewerId: reviewer?.id ?? null, outcome: "APPROVE", createdAt: day("2025-06-18") },
    });
    await tx.label.create({
      data: { organizationId: organization.id, roundId: previousRound.id, candidacyId: candidacy.id, awardedAt: day("2025-06-20"), validUntil: previousRound.labelValidUntil },
    });

    // The Cyber Champion, in office since 2025.
    if (!(await tx.championDesignation.findFirst({ where: { organizationId: organization.id }, select: { id: true } }))) {
      await tx.championDesignation.create({
        data: {
          organizationId: organization.id,
          name: "Nadia Benali",
          function: "Adjointe au maire déléguée au numérique",
          email: `champion.${RENEWAL_DEMO.slug}@demo.ccd.test`,
          isElected: true,
          status: "ACCEPTED",
          tokenHash: `demo-champion-${organization.id}`,
          tokenExpiresAt: day("2025-04-15"),
          designatedById: secretary.id,
          respondedAt: day("2025-04-03"),
          createdAt: day("2025-04-01"),
        },
      });
    }
    return { organizationId: organization.id, secretaryId: secretary.id, mayorId: mayor.id };
  });

  // When the 2026 round opened, the unfinished actions entered it.
  await carryOverPlan(db, organizationId, current.id);

  // 2026: the secretary answers every question of this year's version.
  const secretary = (await loadActor(db, secretaryId))!;
  const questions2026 = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).filter((question) => isApplicable(question, context));
  const assessment = await getOrStartAssessment(db, secretary, organizationId, current.id);
  for (const question of questions2026) {
    // The index in the 2025 list keeps each question's pattern when another one is added before it.
    const position = questions2025.findIndex((candidate) => candidate.key === question.key);
    const given = position === -1 ? { optionKey: question.options[1]!.key, dontKnow: false } : answer2026(question, position);
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question.key, ...given });
  }

  // The mayor files the renewal, so the demo reviewer finds it in the queue with its progression.
  // Without the dues demo the invoice does not exist yet: as in seed-candidacy.ts, the file is
  // then frozen through the function the submission uses after its checks.
  const mayor = (await loadActor(db, mayorId))!;
  const round = (await findOpenRound(db))!;
  try {
    await submitCandidacy(db, mayor, { organizationId });
  } catch (error) {
    if (!(error instanceof DomainError) || !error.message.includes("Cotisation")) throw error;
    await db.$transaction(async (tx) => {
      await lockLabelFile(tx, organizationId);
      const criteria = await labelCriteriaOf(tx, organizationId, round);
      return freezeSubmission(tx, mayor, { organizationId, round, criteria, existing: null, submittedAt: new Date() });
    });
  }
  return true;
}
