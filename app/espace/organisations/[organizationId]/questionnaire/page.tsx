import type { Metadata } from "next";
import Link from "next/link";
import { QuestionnaireForm } from "@/components/questionnaire/questionnaire-form";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { openQuestionnaire } from "@/lib/questionnaire/results";
import { saveAnswerAction } from "./actions";

export const metadata: Metadata = { title: "Questionnaire IMMUNITE CYBER" };

type Props = { params: Promise<{ organizationId: string }> };

export default async function QuestionnairePage({ params }: Props) {
  const { organizationId } = await params;
  const base = `/espace/organisations/${organizationId}`;
  const actor = await requireActorOrRedirect(`${base}/questionnaire`);
  const opened = await orNotFound(openQuestionnaire(getDb(), actor, organizationId));

  if (opened.kind === "unavailable") {
    return (
      <>
        <PageHeader title="Questionnaire IMMUNITE CYBER" />
        <Container className="space-y-6 py-10">
          <Notice title="Questionnaire indisponible">
            <p>{opened.message}</p>
          </Notice>
          <Link href={base}>Retour à l’organisation</Link>
        </Container>
      </>
    );
  }

  const { view } = opened;
  const { assessment } = view;
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
          resultsHref={`${base}/questionnaire/resultats`}
          saveAction={saveAnswerAction}
        />
      </Container>
    </>
  );
}
