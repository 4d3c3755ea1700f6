// The progression of a renewing organization, as the server computed it (lib/progression):
// the score out of 100, each criterion met or not in words, each theme's score across the years
// as a chart and as a table, and the plan's execution with dates. It renders a `Progression`
// value only (no data access), so the results page, the candidacy page and the review page show
// the same thing, from a fresh computation or from the candidacy's frozen snapshot.
import type { Progression } from "@/lib/progression/rules";
import { SIZE_BAND_LABELS } from "@/lib/questionnaire/size-band";
import { ProgressionChart } from "./progression-chart";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const day = (iso: string) => dayFormat.format(new Date(iso));
const signed = (value: number | null) => (value === null ? "—" : value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0");
const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;

type Heading = "h2" | "h3" | "h4";
const NEXT: Record<Heading, "h3" | "h4" | "h5"> = { h2: "h3", h3: "h4", h4: "h5" };

/** A value read back from a frozen snapshot is a progression this panel can show. */
export function isProgression(value: unknown): value is Progression {
  const candidate = value as Partial<Progression> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.score === "number" && Array.isArray(candidate.criteria) && typeof candidate.plan === "object";
}

export function ProgressionPanel({ progression, heading = "h2", idPrefix = "progression" }: { progression: Progression; heading?: Heading; idPrefix?: string }) {
  const H = heading;
  const Sub = NEXT[heading];
  const { questionnaire, plan } = progression;
  const themes = questionnaire?.themes ?? [];
  const comparedThemes = themes.filter((theme) => theme.commonQuestions > 0);
  const id = (suffix: string) => `${idPrefix}-${suffix}`;

  return (
    <div className="space-y-8" data-testid="progression-panel">
      <section aria-labelledby={id("score")} className="space-y-2">
        <H id={id("score")} className="text-2xl">
          Score de progression
        </H>
        <p className="text-4xl font-bold" data-testid="progression-score">
          {progression.score} / 100
        </p>
        <p>{progression.summary}</p>
        <p className="text-sm text-ink-muted">
          Comparaison avec {progression.previousLabelYear}, année de votre dernier label
          {progression.gapYear ? " (une année d’interruption depuis, acceptée par la campagne)" : ""}.
        </p>
      </section>

      <section aria-labelledby={id("criteres")} className="space-y-3">
        <H id={id("criteres")} className="text-2xl">
          Critères de progression
        </H>
        <ul className="space-y-3" data-testid="progression-criteria">
          {progression.criteria.map((criterion) => (
            <li key={criterion.key} className={`border-l-4 px-4 py-3 ${criterion.met ? "border-success-700 bg-success-50" : "border-danger-700 bg-danger-50"}`}>
              <p className="font-semibold">
                {criterion.met ? "Rempli" : "Pas encore rempli"} : {criterion.title}{" "}
                <span className="font-normal">
                  ({Number.isInteger(criterion.points) ? criterion.points : criterion.points.toLocaleString("fr-FR")} sur {criterion.weight} points)
                </span>
              </p>
              <p className="text-sm">Ce qui est demandé : {criterion.rule}</p>
              <p>{criterion.outcome}</p>
              {criterion.missing ? (
                <p>
                  <strong>Ce qui manque :</strong> {criterion.missing}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={id("themes")} className="space-y-4">
        <H id={id("themes")} className="text-2xl">
          Score par thème, d’une année à l’autre
        </H>
        {!questionnaire ? (
          <p>
            Le questionnaire n’est pas disponible pour les deux années : la progression des scores ne peut pas être mesurée. Les autres critères
            restent calculés.
          </p>
        ) : !questionnaire.comparable ? (
          <p>{questionnaire.notComparableReason}</p>
        ) : (
          <>
            <p>
              Scores calculés uniquement sur les {plural(questionnaire.commonQuestions, "question posée", "questions posées")} les deux années et
              répondues les deux fois, pour comparer ce qui est comparable. Score global : {questionnaire.overall.previous}/100 en{" "}
              {questionnaire.previousYear}, {questionnaire.overall.current}/100 en {questionnaire.currentYear} ({signed(questionnaire.overall.change)}{" "}
              points).
            </p>
            <ProgressionChart
              previousYear={questionnaire.previousYear}
              currentYear={questionnaire.currentYear}
              rows={comparedThemes.map((theme) => ({ key: theme.key, title: theme.title, previous: theme.previous, current: theme.current }))}
            />
            {/* Five columns do not fit a phone: the table scrolls sideways in its own focusable box. */}
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tableau des scores par thème (défile horizontalement sur petit écran)">
            <table className="w-full min-w-[34rem] border-collapse text-left text-sm sm:text-base" data-testid="progression-themes">
              <caption className="sr-only">
                Score sur 100 de chaque thème en {questionnaire.previousYear} et en {questionnaire.currentYear}, et son évolution
              </caption>
              <thead>
                <tr className="border-b-2 border-line">
                  <th scope="col" className="py-2 pr-4">Thème</th>
                  <th scope="col" className="py-2 pr-4">{questionnaire.previousYear}</th>
                  <th scope="col" className="py-2 pr-4">{questionnaire.currentYear}</th>
                  <th scope="col" className="py-2 pr-4">Évolution (points)</th>
                  <th scope="col" className="py-2">Questions comparées</th>
                </tr>
              </thead>
              <tbody>
                {themes.map((theme) => (
                  <tr key={theme.key} className="border-b border-line">
                    <th scope="row" className="py-2 pr-4 font-normal">{theme.title}</th>
                    <td className="py-2 pr-4">{theme.previous ?? "—"}</td>
                    <td className="py-2 pr-4">{theme.current ?? "—"}</td>
                    <td className="py-2 pr-4">{theme.commonQuestions === 0 ? "non comparable" : signed(theme.change)}</td>
                    <td className="py-2">{theme.commonQuestions}</td>
                  </tr>
                ))}
                <tr className="border-b-2 border-line font-semibold">
                  <th scope="row" className="py-2 pr-4">Score global</th>
                  <td className="py-2 pr-4">{questionnaire.overall.previous ?? "—"}</td>
                  <td className="py-2 pr-4">{questionnaire.overall.current ?? "—"}</td>
                  <td className="py-2 pr-4">{signed(questionnaire.overall.change)}</td>
                  <td className="py-2">{questionnaire.commonQuestions}</td>
                </tr>
              </tbody>
            </table>
            </div>
          </>
        )}
        {questionnaire ? <QuestionsApart questionnaire={questionnaire} Sub={Sub} /> : null}
      </section>

      <section aria-labelledby={id("plan")} className="space-y-4">
        <H id={id("plan")} className="text-2xl">
          Exécution du plan d’action depuis le {day(plan.since)}
        </H>
        <Sub className="text-xl">Actions réalisées ({plan.done.length})</Sub>
        {plan.done.length === 0 ? (
          <p>Aucune action réalisée depuis votre dernier label.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6" data-testid="progression-done">
            {plan.done.map((action) => (
              <li key={action.id}>
                <strong>{action.title}</strong> — réalisée le {day(action.completedAt)}
                {action.evidenceCount > 0 ? ` · ${plural(action.evidenceCount, "preuve jointe", "preuves jointes")}` : " · sans preuve jointe"}
              </li>
            ))}
          </ul>
        )}
        {plan.abandoned.length > 0 ? (
          <>
            <Sub className="text-xl">Actions abandonnées ({plan.abandoned.length})</Sub>
            <ul className="list-disc space-y-1 pl-6">
              {plan.abandoned.map((action) => (
                <li key={action.id}>
                  <strong>{action.title}</strong>
                  {action.abandonedAt ? ` — abandonnée le ${day(action.abandonedAt)}` : ""} · motif : {action.reason || "non précisé"}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Sub className="text-xl">Actions en cours ou à lancer ({plan.open.length})</Sub>
        {plan.open.length === 0 ? (
          <p>Aucune action en cours ni à lancer.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {plan.open.map((action) => (
              <li key={action.id}>
                <strong>{action.title}</strong> — {action.status === "IN_PROGRESS" ? `en cours (${action.progress} %)` : "à lancer"}
                {action.carriedOverTo.length > 0 ? ` · reportée en ${action.carriedOverTo.join(", ")}` : ""}
              </li>
            ))}
          </ul>
        )}
        {plan.doneBefore > 0 ? (
          <p className="text-sm text-ink-muted">
            {plural(plan.doneBefore, "action réalisée", "actions réalisées")} avant votre dernier label {plan.doneBefore > 1 ? "ont" : "a"} déjà compté pour
            lui et ne {plan.doneBefore > 1 ? "sont" : "est"} pas reprise{plan.doneBefore > 1 ? "s" : ""} ici.
          </p>
        ) : null}
      </section>
    </div>
  );
}

function QuestionsApart({ questionnaire, Sub }: { questionnaire: NonNullable<Progression["questionnaire"]>; Sub: "h3" | "h4" | "h5" }) {
  const groups = [
    { title: `Questions nouvelles en ${questionnaire.currentYear}`, items: questionnaire.added },
    { title: `Questions retirées depuis ${questionnaire.previousYear}`, items: questionnaire.withdrawn },
    { title: "Questions posées cette année seulement (taille de la commune)", items: questionnaire.newlyAsked },
    { title: "Questions posées l’an dernier seulement (taille de la commune)", items: questionnaire.noLongerAsked },
    { title: "Questions sans réponse pour l’instant", items: questionnaire.notAnsweredYet },
    { title: "Questions reformulées, comparées quand même", items: questionnaire.reworded },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0 && !questionnaire.sizeBandChanged) return null;
  return (
    <div className="space-y-3">
      <Sub className="text-xl">Questions listées à part</Sub>
      {questionnaire.sizeBandChanged ? (
        <p>
          La taille de la collectivité a changé : {SIZE_BAND_LABELS[questionnaire.sizeBandChanged.previous]} en {questionnaire.previousYear},{" "}
          {SIZE_BAND_LABELS[questionnaire.sizeBandChanged.current]} en {questionnaire.currentYear}. Seules les questions posées les deux années sont
          comparées.
        </p>
      ) : null}
      {groups.map((group) => (
        <details key={group.title} className="rounded-md border border-line px-4 py-2">
          <summary className="cursor-pointer font-semibold">
            {group.title} ({group.items.length})
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {group.items.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
