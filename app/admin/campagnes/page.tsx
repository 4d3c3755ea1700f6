import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { RoundForm } from "@/components/rounds/round-form";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listRounds } from "@/lib/rounds/manage";
import { closeRoundAction, createRoundAction, openRoundAction, retryCarryOverAction } from "./actions";

export const metadata: Metadata = { title: "Campagnes annuelles" };

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

const STATUS_LABELS = { DRAFT: "En préparation", OPEN: "Ouverte", CLOSED: "Close" } as const;

export default async function RoundsPage() {
  const actor = await requireActorOrRedirect("/admin/campagnes");
  const { rounds, availableVersions } = await orNotFound(listRounds(getDb(), actor));
  const latest = rounds[0]?.year ?? new Date().getFullYear() - 1;
  const next = latest + 1;

  return (
    <>
      <PageHeader
        title="Campagnes annuelles"
        lead="Chaque campagne a sa version du questionnaire et ses règles, qui ne changent plus une fois ouverte. Ouvrir une campagne clôt la précédente ; les plans d’action des communes continuent, avec leur historique."
      />
      <Container className="space-y-10 py-10">
        <section aria-labelledby="campagnes-titre" className="space-y-4">
          <h2 id="campagnes-titre" className="text-2xl">
            Campagnes
          </h2>
          {rounds.length === 0 ? <p>Aucune campagne pour l’instant.</p> : null}
          <ul className="space-y-4">
            {rounds.map((round) => (
              <li key={round.id}>
                <Card className="space-y-3">
                  <h3 className="text-xl">
                    {round.name} <span className="text-base font-normal text-ink-muted">· {STATUS_LABELS[round.status]}</span>
                  </h3>
                  <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">Dates</dt>
                    <dd>
                      du {dayFormat.format(round.opensAt)} au {dayFormat.format(round.closesAt)} ; label valable jusqu’au {dayFormat.format(round.labelValidUntil)}
                    </dd>
                    <dt className="font-semibold">Questionnaire</dt>
                    <dd>
                      {round.questionnaireVersion ? (
                        <Link href={`/admin/questionnaires?version=${round.questionnaireVersion.id}`}>{round.questionnaireVersion.title}</Link>
                      ) : (
                        "aucune version"
                      )}
                    </dd>
                    <dt className="font-semibold">Plan d’action</dt>
                    <dd>
                      au moins {round.minPlanActions} actions sur {round.minPlanCriteria} critères du questionnaire
                    </dd>
                    <dt className="font-semibold">Cyber Champion</dt>
                    <dd>{round.championMustNotBeMayor ? "ni le maire ni le directeur des systèmes d’information" : "toute personne de la collectivité"}</dd>
                    <dt className="font-semibold">Cotisations</dt>
                    <dd>
                      <Link href={`/admin/campagnes/${round.id}/cotisations`}>{round.status === "DRAFT" ? "Fixer le barème des cotisations" : "Voir le barème des cotisations"}</Link>
                    </dd>
                    <dt className="font-semibold">Suivi</dt>
                    <dd>
                      {round._count.assessments} questionnaires commencés · {round._count.candidacies} candidatures · {round.carriedOverActions} actions reportées de la campagne précédente
                    </dd>
                  </dl>
                  <div className="flex flex-wrap gap-4">
                    {round.status === "DRAFT" ? (
                      <ActionButton
                        action={openRoundAction}
                        input={{ roundId: round.id }}
                        variant="primary"
                        confirm={`Ouvrir « ${round.name} » ? La campagne ouverte sera close et ses questionnaires ne pourront plus être modifiés.`}
                      >
                        Ouvrir la campagne
                      </ActionButton>
                    ) : null}
                    {round.status === "OPEN" ? (
                      <>
                        <ActionButton action={retryCarryOverAction} input={{ roundId: round.id }}>
                          Reporter les plans d’action
                        </ActionButton>
                        <ActionButton
                          action={closeRoundAction}
                          input={{ roundId: round.id }}
                          variant="tertiary"
                          confirm={`Clore « ${round.name} » ? Le questionnaire n’acceptera plus de réponses.`}
                        >
                          Clore la campagne
                        </ActionButton>
                      </>
                    ) : null}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="preparer-titre" className="space-y-4">
          <h2 id="preparer-titre" className="text-2xl">
            Préparer une campagne
          </h2>
          <Card>
            <RoundForm
              versions={availableVersions}
              action={createRoundAction}
              defaults={{
                year: next,
                name: `Campagne ${next}`,
                opensOn: `${next}-01-15`,
                closesOn: `${next}-11-30`,
                labelValidUntil: `${next + 1}-12-31`,
                questionnaireVersionId: availableVersions[0]?.id ?? "",
                minPlanActions: rounds[0]?.minPlanActions ?? 2,
                minPlanCriteria: rounds[0]?.minPlanCriteria ?? 2,
                championMustNotBeMayor: rounds[0]?.championMustNotBeMayor ?? true,
              }}
            />
          </Card>
        </section>
      </Container>
    </>
  );
}
