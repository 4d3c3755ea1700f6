import type { Metadata } from "next";
import Link from "next/link";
import { DiagonalForm } from "@/components/questionnaire/diagonal-form";
import { QuestionnaireForm } from "@/components/questionnaire/questionnaire-form";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { UnavailablePage } from "@/components/ui/unavailable-page";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDiagonalEvidence } from "@/lib/questionnaire/diagonal";
import { openQuestionnaire } from "@/lib/questionnaire/results";
import { saveAnswerAction, saveDiagonalEvidenceAction } from "./actions";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

export const metadata: Metadata = { title: "Questionnaire IMMUNITE CYBER" };

type Props = { params: Promise<{ organizationId: string }> };

export default async function QuestionnairePage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/questionnaire`);
  const opened = await orNotFound(openQuestionnaire(getDb(), actor, organizationId));

  if (opened.kind === "unavailable") {
    return <UnavailablePage title="Questionnaire IMMUNITE CYBER" notice="Questionnaire indisponible" message={opened.message} backHref={base} />;
  }

  const { view } = opened;
  const { assessment } = view;
  const diagonal = await getDiagonalEvidence(getDb(), actor, organizationId);
  return (
    <>
      <PageHeader
        title="Questionnaire IMMUNITE CYBER"
        lead={`${assessment.organizationName} · ${assessment.round.name} · ${assessment.sizeBandLabel}. Chaque réponse est enregistrée dès que vous la donnez : vous pouvez vous arrêter et reprendre quand vous voulez.`}
      />
      <Container className="space-y-6 py-10">
        <p>
          <Link href={base}>← Retour à l’organisation</Link>
          {" · "}
          <Link href={`${base}/questionnaire/resultats`}>Résultats</Link>
        </p>
        {assessment.round.status === "CLOSED" ? (
          <Notice title="Campagne close">
            <p>Les réponses ne peuvent plus être modifiées.</p>
          </Notice>
        ) : null}
        <QuestionnaireForm
          assessmentId={assessment.id}
          themes={view.themes.map((theme) => ({
            key: theme.key,
            title: theme.title,
            description: theme.description,
            questions: theme.questions.map((question) => ({
              key: question.key,
              text: question.text,
              help: question.help,
              options: question.options,
              answer: question.answer,
            })),
          }))}
          canAnswer={view.canAnswer}
          initialThemeKey={view.resumeAt?.themeKey ?? view.themes[0]?.key ?? ""}
          resumeQuestionKey={view.resumeAt?.questionKey ?? null}
          resultsHref={`${base}/questionnaire/resultats`}
          saveAction={saveAnswerAction}
        />
        <section aria-labelledby="diagonal-titre" className="space-y-4 border-t border-line pt-8">
          <h2 id="diagonal-titre" className="text-2xl">
            Diagnostic Diagonal avec la Gendarmerie
          </h2>
          <p>
            Un gendarme a déjà fait le diagnostic « Diagonal » (ex-IMMUNITE CYBER) avec votre collectivité ? Indiquez sa date et joignez la
            synthèse écrite qu’il vous a remise : elle complète le questionnaire pour le premier critère du label.
          </p>
          {diagonal ? (
            <p data-testid="diagonal-recorded">
              Diagnostic du {dayFormat.format(diagonal.diagnosedOn)} enregistré
              {diagonal.file ? (
                <>
                  {" : "}
                  <a href={`${base}/questionnaire/diagonal/${diagonal.id}`}>
                    télécharger la synthèse ({diagonal.file.name}, {Math.max(1, Math.round(diagonal.file.size / 1024))} Ko)
                  </a>
                </>
              ) : null}
              .
            </p>
          ) : (
            <p>Aucun diagnostic Diagonal enregistré pour cette campagne.</p>
          )}
          {view.canAnswer ? <DiagonalForm organizationId={organizationId} action={saveDiagonalEvidenceAction} /> : null}
        </section>
      </Container>
    </>
  );
}
