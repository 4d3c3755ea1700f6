// What changed between two revisions of a candidacy, criterion by criterion, in French: what a
// reviewer reads before deciding on a resubmitted file.
import type { CandidacySnapshot, CriterionKey, SnapshotAction } from "@/lib/candidacy/snapshot";
import { ACTION_STATUS_LABELS } from "@/lib/action-plan/rules";

export type RevisionDiff = Record<CriterionKey | "attachments" | "note", string[]>;

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const day = (iso: string | null) => (iso ? dayFormat.format(new Date(iso)) : "—");
const met = (value: boolean) => (value ? "rempli" : "non rempli");

function actionChanges(before: SnapshotAction, after: SnapshotAction): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`titre « ${before.title} » → « ${after.title} »`);
  if (before.status !== after.status) changes.push(`statut ${ACTION_STATUS_LABELS[before.status].toLowerCase()} → ${ACTION_STATUS_LABELS[after.status].toLowerCase()}`);
  if (before.progress !== after.progress) changes.push(`avancement ${before.progress} % → ${after.progress} %`);
  if (before.dueOn !== after.dueOn) changes.push(`échéance ${day(before.dueOn)} → ${day(after.dueOn)}`);
  if (before.owner !== after.owner) changes.push(`responsable ${before.owner ?? "—"} → ${after.owner ?? "—"}`);
  if (before.description !== after.description) changes.push("description modifiée");
  if ([...before.criteria].sort().join() !== [...after.criteria].sort().join()) changes.push("points du questionnaire modifiés");
  if (before.evidences.length !== after.evidences.length) changes.push(`justificatifs ${before.evidences.length} → ${after.evidences.length}`);
  return changes;
}

export function diffRevisions(before: CandidacySnapshot, after: CandidacySnapshot): RevisionDiff {
  const diff: RevisionDiff = { questionnaire: [], plan: [], champion: [], dues: [], attachments: [], note: [] };

  const q0 = before.questionnaire;
  const q1 = after.questionnaire;
  if (q0.met !== q1.met) diff.questionnaire.push(`Critère ${met(q0.met)} → ${met(q1.met)}.`);
  if (q0.metBy !== q1.metBy) diff.questionnaire.push(q1.metBy === "diagonal" ? "Rempli désormais par la synthèse du diagnostic Diagonal." : "Rempli désormais par le questionnaire.");
  if (q0.overall !== q1.overall) diff.questionnaire.push(`Score global ${q0.overall ?? "—"} → ${q1.overall ?? "—"} sur 100.`);
  for (const theme of q1.themes) {
    const old = q0.themes.find((candidate) => candidate.key === theme.key);
    if (old && old.score !== theme.score) diff.questionnaire.push(`${theme.title} : ${old.score ?? "—"} → ${theme.score ?? "—"} sur 100.`);
  }
  const answers0 = new Map(q0.answers.map((answer) => [answer.questionKey, answer]));
  const changedAnswers = q1.answers.filter((answer) => {
    const old = answers0.get(answer.questionKey);
    return !old || old.answer !== answer.answer || old.dontKnow !== answer.dontKnow;
  }).length;
  if (changedAnswers > 0) diff.questionnaire.push(`${changedAnswers} réponse${changedAnswers > 1 ? "s" : ""} nouvelle${changedAnswers > 1 ? "s" : ""} ou modifiée${changedAnswers > 1 ? "s" : ""}.`);
  if ((q0.diagonal?.sha256 ?? null) !== (q1.diagonal?.sha256 ?? null)) diff.questionnaire.push(q1.diagonal ? `Synthèse Diagonal du ${day(q1.diagonal.diagnosedOn)} déposée.` : "Synthèse Diagonal retirée.");

  const p0 = before.plan;
  const p1 = after.plan;
  if (p0.met !== p1.met) diff.plan.push(`Critère ${met(p0.met)} → ${met(p1.met)}.`);
  const actions0 = new Map(p0.actions.map((action) => [action.id, action]));
  const actions1 = new Map(p1.actions.map((action) => [action.id, action]));
  for (const action of p1.actions) {
    const old = actions0.get(action.id);
    if (!old) diff.plan.push(`Action ajoutée : « ${action.title} » (${ACTION_STATUS_LABELS[action.status].toLowerCase()}).`);
    else {
      const changes = actionChanges(old, action);
      if (changes.length > 0) diff.plan.push(`« ${action.title} » : ${changes.join(", ")}.`);
    }
  }
  for (const action of p0.actions) if (!actions1.has(action.id)) diff.plan.push(`Action retirée : « ${action.title} ».`);

  const c0 = before.champion;
  const c1 = after.champion;
  if (c0.met !== c1.met) diff.champion.push(`Critère ${met(c0.met)} → ${met(c1.met)}.`);
  if (c0.name !== c1.name) diff.champion.push(`Cyber Champion : ${c0.name ?? "personne"} → ${c1.name ?? "personne"}.`);

  if (before.dues.met !== after.dues.met) diff.dues.push(`Cotisation ${before.dues.met ? "réglée" : "non réglée"} → ${after.dues.met ? "réglée" : "non réglée"}.`);

  const files0 = new Set(before.attachments.map((file) => file.sha256));
  const files1 = new Set(after.attachments.map((file) => file.sha256));
  for (const file of after.attachments) if (!files0.has(file.sha256)) diff.attachments.push(`Pièce jointe ajoutée : « ${file.label} » (${file.name}).`);
  for (const file of before.attachments) if (!files1.has(file.sha256)) diff.attachments.push(`Pièce jointe retirée : « ${file.label} ».`);

  if (before.note.trim() !== after.note.trim()) diff.note.push("Le mot à l’association a changé.");
  return diff;
}

export function isEmptyDiff(diff: RevisionDiff): boolean {
  return Object.values(diff).every((lines) => lines.length === 0);
}
