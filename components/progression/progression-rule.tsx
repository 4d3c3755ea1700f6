// The round's progression criteria in words, with their weights: what a renewing commune is
// asked, before and beside its own figures.
import type { ProgressionView } from "@/lib/progression/progression";

export function ProgressionRule({ rule, heading = "h2", id = "progression-regle" }: { rule: ProgressionView["rule"]; heading?: "h2" | "h3"; id?: string }) {
  const H = heading;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <H id={id} className="text-2xl">
        Les critères de renouvellement de cette campagne
      </H>
      <p>{rule.who}</p>
      <CriteriaList items={rule.items} />
      <p>{rule.scoring}</p>
    </section>
  );
}

/** Each criterion with its weight and its sentence (also the editor's preview). */
export function CriteriaList({ items }: { items: ProgressionView["rule"]["items"] }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {items.map((item) => (
        <li key={item.key}>
          <strong>
            {item.title} ({item.weight} points)
          </strong>{" "}
          : {item.sentence}
        </li>
      ))}
    </ul>
  );
}
