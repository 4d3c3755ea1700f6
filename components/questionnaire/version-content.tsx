import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { COST_LABELS, EFFORT_LABELS } from "@/lib/questionnaire/results";
import { SIZE_BAND_LABELS } from "@/lib/questionnaire/size-band";
import type { getVersion } from "@/lib/questionnaire/versions";

/** One version's whole content, for an administrator to read before publishing or deriving. */
export function VersionContent({ version }: { version: Awaited<ReturnType<typeof getVersion>> }) {
  const measures = new Map(version.content.measures.map((measure) => [measure.key, measure]));

  return (
    <>
      <PageHeader title={version.title} lead={`Clé ${version.key} · ${version.status === "PUBLISHED" ? "publiée" : "brouillon"} · ${version._count.questions} questions`} />
      <Container className="space-y-10 py-10">
        <p>
          <Link href="/admin/questionnaires">← Toutes les versions</Link>
        </p>
        {version.content.themes.map((theme) => (
          <section key={theme.key} aria-labelledby={`theme-${theme.key}`} className="space-y-4">
            <h2 id={`theme-${theme.key}`} className="text-2xl">
              {theme.title}
            </h2>
            <p className="text-ink-muted">{theme.description}</p>
            <ol className="space-y-4">
              {theme.questions.map((question) => (
                <li key={question.key}>
                  <Card className="space-y-2">
                    <h3 className="text-lg font-semibold">{question.text}</h3>
                    <p className="text-sm text-ink-muted">
                      {question.key} · poids {question.weight} · {question.sizeBands.map((band) => SIZE_BAND_LABELS[band]).join(", ")} ·{" "}
                      {question.territoryKinds.map((kind) => (kind === "EPCI" ? "intercommunalités" : "communes")).join(" et ")}
                    </p>
                    <p>{question.help}</p>
                    <table className="w-full border-collapse text-left text-sm">
                      <caption className="sr-only">Réponses possibles et leur score</caption>
                      <thead>
                        <tr className="border-b border-line">
                          <th scope="col" className="py-1 pr-4">Réponse</th>
                          <th scope="col" className="py-1">Score (0 à 3)</th>
                        </tr>
                      </thead>
                      <tbody>
                        {question.options.map((option) => (
                          <tr key={option.key} className="border-b border-line">
                            <td className="py-1 pr-4">{option.label}</td>
                            <td className="py-1">{option.score}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <p className="text-sm">
                      Mesures : {question.measureKeys.map((key) => measures.get(key)?.title ?? key).join(" ; ")}
                    </p>
                  </Card>
                </li>
              ))}
            </ol>
          </section>
        ))}
        <section aria-labelledby="mesures-titre" className="space-y-4">
          <h2 id="mesures-titre" className="text-2xl">
            Mesures recommandées
          </h2>
          <ul className="space-y-3">
            {version.content.measures.map((measure) => (
              <li key={measure.key}>
                <Card className="space-y-1">
                  <h3 className="text-lg font-semibold">{measure.title}</h3>
                  <p>
                    <strong>Pourquoi :</strong> {measure.why}
                  </p>
                  <p>
                    <strong>Comment :</strong> {measure.how}
                  </p>
                  <p className="text-sm text-ink-muted">
                    {measure.key} · effort {EFFORT_LABELS[measure.effort]} · coût {COST_LABELS[measure.cost]}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </Container>
    </>
  );
}
