import "server-only";
// Builds the frozen snapshot of a file at submission, inside the submitting transaction (after
// the file's lock), from the same reads as the live criteria. See snapshot.ts for its shape.
import type { Prisma } from "@/lib/db/generated/client";
import { acceptedChampionOf } from "@/lib/champion/designation";
import { loadVersionStructure } from "@/lib/questionnaire/structure";
import { scoreAssessment } from "@/lib/questionnaire/scoring";
import type { OpenRound } from "@/lib/rounds/open-round";
import type { LabelCriteria } from "./criteria";
import { SNAPSHOT_FORMAT, type CandidacySnapshot } from "./snapshot";

type Tx = Prisma.TransactionClient;
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export async function buildSnapshot(
  tx: Tx,
  input: { organizationId: string; round: OpenRound; criteria: LabelCriteria; candidacyId: string; note: string; submittedBy: { id: string; name: string }; submittedAt: Date; progression: unknown | null },
): Promise<CandidacySnapshot> {
  const { organizationId, round, criteria } = input;
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, name: true, territory: { select: { code: true, kind: true, population: true, departmentCode: true } } },
  });

  const assessment = await tx.assessment.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: {
      status: true,
      completedAt: true,
      sizeBand: true,
      territoryKind: true,
      versionId: true,
      version: { select: { id: true, key: true, title: true } },
      answers: {
        select: { dontKnow: true, comment: true, question: { select: { key: true, text: true, position: true, theme: { select: { key: true, position: true } } } }, option: { select: { key: true, label: true } } },
      },
    },
  });
  let themes: CandidacySnapshot["questionnaire"]["themes"] = [];
  let overall: number | null = null;
  const answers = (assessment?.answers ?? [])
    .slice()
    .sort((a, b) => a.question.theme.position - b.question.theme.position || a.question.position - b.question.position)
    .map((answer) => ({
      themeKey: answer.question.theme.key,
      questionKey: answer.question.key,
      question: answer.question.text,
      answer: answer.option?.label ?? null,
      dontKnow: answer.dontKnow,
      comment: answer.comment,
    }));
  if (assessment) {
    const structure = await loadVersionStructure(tx, assessment.versionId);
    if (structure) {
      const score = scoreAssessment(
        structure.themes,
        assessment.answers.map((answer) => ({ questionKey: answer.question.key, optionKey: answer.option?.key ?? null, dontKnow: answer.dontKnow })),
        { sizeBand: assessment.sizeBand, territoryKind: assessment.territoryKind },
      );
      overall = score.overall;
      themes = score.byTheme.map((theme) => ({ key: theme.key, title: theme.title, score: theme.score, answered: theme.answered, applicable: theme.applicable, dontKnow: theme.dontKnow }));
    }
  }
  const diagonal = await tx.diagonalEvidence.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: { diagnosedOn: true, file: { select: { id: true, name: true, sha256: true } } },
  });

  const actions = await tx.action.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      priority: true,
      progress: true,
      dueOn: true,
      ownerName: true,
      ownerUser: { select: { name: true, email: true } },
      completedAt: true,
      criteria: { select: { questionKey: true } },
      evidences: { orderBy: { createdAt: "asc" }, select: { label: true, url: true, file: { select: { name: true, sha256: true } } } },
    },
  });
  const champion = await acceptedChampionOf(tx, organizationId);
  const attachments = await tx.candidacyAttachment.findMany({
    where: { candidacyId: input.candidacyId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, label: true, file: { select: { id: true, name: true, mimeType: true, size: true, sha256: true } } },
  });

  return {
    format: SNAPSHOT_FORMAT,
    organization: {
      id: organization.id,
      name: organization.name,
      territoryCode: organization.territory.code,
      kind: organization.territory.kind,
      population: organization.territory.population,
      departmentCode: organization.territory.departmentCode,
    },
    round: { id: round.id, year: round.year, name: round.name },
    questionnaire: {
      met: criteria.questionnaire.met,
      metBy: criteria.questionnaire.metBy,
      version: assessment?.version ?? null,
      sizeBand: assessment?.sizeBand ?? null,
      status: assessment?.status ?? null,
      completedAt: iso(assessment?.completedAt),
      overall,
      themes,
      answers,
      diagonal: diagonal?.file ? { diagnosedOn: diagonal.diagnosedOn.toISOString(), fileId: diagonal.file.id, fileName: diagonal.file.name, sha256: diagonal.file.sha256 } : null,
    },
    plan: {
      met: criteria.plan.complete,
      actionCount: criteria.plan.actionCount,
      distinctCriteria: criteria.plan.distinctCriteria,
      missing: criteria.plan.missing,
      actions: actions.map((action) => ({
        id: action.id,
        title: action.title,
        description: action.description,
        status: action.status,
        priority: action.priority,
        progress: action.progress,
        dueOn: action.dueOn ? action.dueOn.toISOString().slice(0, 10) : null,
        owner: action.ownerUser ? (action.ownerUser.name ?? action.ownerUser.email) : action.ownerName,
        criteria: action.criteria.map((criterion) => criterion.questionKey),
        completedAt: iso(action.completedAt),
        evidences: action.evidences.map((evidence) => ({ label: evidence.label, url: evidence.url, fileName: evidence.file?.name ?? null, sha256: evidence.file?.sha256 ?? null })),
      })),
    },
    champion: {
      met: criteria.champion.met,
      name: champion?.name ?? null,
      function: champion?.function ?? null,
      isElected: champion?.isElected ?? null,
      acceptedAt: iso(champion?.respondedAt),
    },
    dues: { met: criteria.dues.met, paidAt: iso(criteria.dues.paidAt), amountCents: criteria.dues.amountCents, invoiceNumber: criteria.dues.invoiceNumber },
    note: input.note,
    attachments: attachments.map((attachment) => ({ id: attachment.id, label: attachment.label, fileId: attachment.file.id, name: attachment.file.name, mimeType: attachment.file.mimeType, size: attachment.file.size, sha256: attachment.file.sha256 })),
    submittedBy: input.submittedBy,
    submittedAt: input.submittedAt.toISOString(),
    progression: input.progression,
  };
}
