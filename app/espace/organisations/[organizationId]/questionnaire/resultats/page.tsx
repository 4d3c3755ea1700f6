import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationProgression } from "@/components/progression/organization-progression";
import { PrintButton } from "@/components/questionnaire/print-button";
import { ScoreChart } from "@/components/questionnaire/score-chart";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { UnavailablePage } from "@/components/ui/unavailable-page";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { COST_LABELS, EFFORT_LABELS, openQuestionnaire } from "@/lib/questionnaire/results";
import { computeProgressionAction } from "./actions";

export const metadata: Metadata = { title: "Résultats du questionnaire" };

type Props = { params: Promise<{ organizationId: string }> };

// Printing keeps the results only: no site header, navigation, footer or buttons.
const PRINT_CSS = "@media print { body > header, body > footer, nav, .no-print { display: none !important; } a { text-decoration: none; } }";

export default async function QuestionnaireResultsPage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/questionnaire/resultats`);
  const opened = await orNotFound(openQuestionnaire(getDb(), actor, organizationId));

  if (opened.kind === "unavailable") {
    return <UnavailablePage title="Résultats du questionnaire" notice="Résultats indisponibles" message={opened.message} backHref={base} />;
  }

  const { view } = opened;
  const { assessment, result, measures } = view;
  const completion = result.completion;
  const themes = view.themes.filter((theme) => !theme.result.notApplicable);

  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader title="Résultats du questionnaire IMMUNITE CYBER" lead={`${assessment.organizationName} · ${assessment.round.name}`} />
      <Container className="space-y-10 py-10">
        <p className="no-print flex flex-wrap gap-3">
          <Link href={`${base}/questionnaire`} className={buttonClasses("secondary")}>
            Revenir au questionnaire
          </Link>
          <a href={`${base}/questionnaire/resultats/pdf`} className={buttonClasses("secondary")}>
            Télécharger en PDF
          </a>
          <PrintButton />
        </p>

        {!completion.complete ? (
          <Notice title="Résultats provisoires">
            <p>
              {completion.answered} questions sur {completion.applicable} ont une réponse. Le score ne compte que les questions répondues ; il
              sera définitif quand toutes auront une réponse.
            </p>
          </Notice>
        ) : null}

        <section aria-labelledby="global-titre" className="space-y-3">
          <h2 id="global-titre" className="text-2xl">
            Score global
          </h2>
          {result.overall === null || !result.level ? (
            <p>Aucune question n’a encore de réponse.</p>
          ) : (
            <Card className="space-y-2">
              <p className="text-4xl font-bold" data-testid="overall-score">
                {result.overall} / 100
              </p>
              <p className="text-xl font-semibold">Niveau : « {result.level.label} »</p>
              <p>{result.level.summary}</p>
            </Card>
          )}
          {completion.dontKnow > 0 ? (
            <p>
              <strong>
                {completion.dontKnow} réponse{completion.dontKnow > 1 ? "s" : ""} « Je ne sais pas »
              </strong>{" "}
              : à vérifier auprès de votre prestataire ou de votre intercommunalité. Elles comptent comme « non fait » dans le score.
            </p>
          ) : null}
        </section>

        <section aria-labelledby="themes-titre" className="space-y-4">
          <h2 id="themes-titre" className="text-2xl">
            Score par thème
          </h2>
          <ScoreChart rows={themes.map((theme) => ({ key: theme.key, title: theme.title, score: theme.result.score }))} />
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Score sur 100 et niveau de chaque thème</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-4">Thème</th>
                <th scope="col" className="py-2 pr-4">Score sur 100</th>
                <th scope="col" className="py-2 pr-4">Niveau</th>
                <th scope="col" className="py-2">Réponses</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.key} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-normal">{theme.title}</th>
                  <td className="py-2 pr-4">{theme.result.score ?? "—"}</td>
                  <td className="py-2 pr-4">{theme.result.level?.label ?? "pas encore de réponse"}</td>
                  <td className="py-2">
                    {theme.result.answered}/{theme.result.applicable}
                    {theme.result.dontKnow > 0 ? ` (dont ${theme.result.dontKnow} « Je ne sais pas »)` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <OrganizationProgression actor={actor} organizationId={organizationId} action={computeProgressionAction} />

        <section aria-labelledby="mesures-titre" className="space-y-4">
          <h2 id="mesures-titre" className="text-2xl">
            Mesures recommandées, par priorité
          </h2>
          {measures.length === 0 ? (
            <p>Aucune mesure recommandée pour l’instant : elles apparaissent dès qu’une réponse montre un point à améliorer.</p>
          ) : (
            <ol className="space-y-4">
              {measures.map((measure, index) => (
                <li key={measure.key}>
                  <Card className="space-y-2 break-inside-avoid">
                    <h3 className="text-xl">
                      {index + 1}. {measure.title}
                    </h3>
                    <p>
                      <strong>Pourquoi :</strong> {measure.why}
                    </p>
                    <p>
                      <strong>Comment :</strong> {measure.how}
                    </p>
                    <p className="text-sm text-ink-muted">
                      Effort {EFFORT_LABELS[measure.effort]} · coût {COST_LABELS[measure.cost]} · jusqu’à {measure.potentialGain} points de score
                      global
                    </p>
                  </Card>
                </li>
              ))}
            </ol>
          )}
        </section>
      </Container>
    </>
  );
}
