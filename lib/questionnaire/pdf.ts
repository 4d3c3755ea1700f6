// The results of the questionnaire as a PDF the mayor can file or hand over: scores per theme
// and overall, the level in words, and the recommended measures by priority. Geist is embedded
// (read from the `geist` package at runtime) so accents and « guillemets » render everywhere.
import "server-only";
import { BRAND, LIGHT, MARGIN, MUTED, longDate as dateFormat, startDocument } from "@/lib/pdf/document";
import type { QuestionnaireView } from "./results";
import { COST_LABELS, EFFORT_LABELS } from "./results";

export async function renderResultsPdf(view: QuestionnaireView, generatedAt = new Date()): Promise<Uint8Array> {
  const { assessment, result, measures } = view;
  const out = await startDocument(`Résultats IMMUNITE CYBER — ${assessment.organizationName} — ${assessment.round.name}`);
  const { regular } = out;
  out.text("Label Commune Cyber Dynamique", { size: 10, color: MUTED });
  out.text("Résultats du questionnaire IMMUNITE CYBER", { size: 20, bold: true, color: BRAND, after: 6 });
  out.text(`${assessment.organizationName} · ${assessment.round.name} · ${assessment.sizeBandLabel}`, { size: 12 });
  out.text(`Document établi le ${dateFormat.format(generatedAt)}`, { size: 10, color: MUTED, after: 14 });

  const completion = result.completion;
  if (!completion.complete) {
    out.text(
      `Résultats provisoires : ${completion.answered} questions sur ${completion.applicable} ont une réponse. Le score ne compte que les questions répondues.`,
      { size: 10.5, color: MUTED, after: 10 },
    );
  }

  out.text("Score global", { size: 14, bold: true, color: BRAND, after: 4 });
  if (result.overall === null || !result.level) {
    out.text("Aucune question n'a encore de réponse.", { after: 12 });
  } else {
    out.text(`${result.overall} / 100 — niveau « ${result.level.label} »`, { size: 16, bold: true });
    out.text(result.level.summary, { after: 6 });
  }
  if (completion.dontKnow > 0) {
    out.text(`${completion.dontKnow} réponse${completion.dontKnow > 1 ? "s" : ""} « Je ne sais pas » : à vérifier. Elles comptent comme « non fait ».`, { after: 6 });
  }
  out.gap(8);

  out.text("Score par thème", { size: 14, bold: true, color: BRAND, after: 8 });
  const barX = MARGIN + 190;
  const barWidth = 180;
  for (const theme of view.themes) {
    if (theme.result.notApplicable) continue;
    out.ensure(20);
    out.y -= 18;
    const score = theme.result.score;
    out.page.drawText(theme.title, { x: MARGIN, y: out.y + 4, size: 10.5, font: regular });
    out.page.drawRectangle({ x: barX, y: out.y + 1, width: barWidth, height: 12, color: LIGHT });
    if (score !== null && score > 0) out.page.drawRectangle({ x: barX, y: out.y + 1, width: (barWidth * score) / 100, height: 12, color: BRAND });
    const label = score === null ? "pas encore de réponse" : `${score} / 100 · ${theme.result.level?.label ?? ""}`;
    out.page.drawText(label, { x: barX + barWidth + 8, y: out.y + 4, size: 9.5, font: regular });
  }
  out.gap(18);

  out.text("Mesures recommandées, par priorité", { size: 14, bold: true, color: BRAND, after: 6 });
  if (measures.length === 0) out.text("Aucune mesure recommandée pour l'instant.");
  measures.forEach((measure, index) => {
    out.ensure(60);
    out.text(`${index + 1}. ${measure.title}`, { size: 12, bold: true, after: 2 });
    out.text(`Pourquoi : ${measure.why}`, { indent: 12, after: 2 });
    out.text(`Comment : ${measure.how}`, { indent: 12, after: 2 });
    out.text(`Effort ${EFFORT_LABELS[measure.effort]} · coût ${COST_LABELS[measure.cost]} · jusqu'à ${measure.potentialGain} points de score global`, {
      indent: 12,
      size: 9.5,
      color: MUTED,
      after: 10,
    });
  });

  return out.finish(`${assessment.organizationName} · IMMUNITE CYBER ${assessment.round.year}`);
}
