import { Notice } from "@/components/ui/notice";

/**
 * The label's rule for the plan, as the server computed it. Inside a polite live region so a
 * change made on the page (an action added, one abandoned) is read out once the page refreshes.
 */
export function CompletenessBanner({
  completeness,
  rule,
}: {
  completeness: { complete: boolean; actionCount: number; distinctCriteria: number; missing: string[] };
  rule: { minActions: number; minCriteria: number };
}) {
  return (
    <div aria-live="polite" aria-atomic="true" data-testid="plan-completeness">
      {completeness.complete ? (
        <Notice tone="success" title="Plan complet pour la candidature">
          <p>
            {completeness.actionCount} action{completeness.actionCount > 1 ? "s" : ""} visant {completeness.distinctCriteria} critère
            {completeness.distinctCriteria > 1 ? "s" : ""} différent{completeness.distinctCriteria > 1 ? "s" : ""} du questionnaire : le deuxième
            critère du label est rempli.
          </p>
        </Notice>
      ) : (
        <Notice title="Plan pas encore complet pour la candidature">
          <p>
            Le label demande au moins {rule.minActions} actions visant au moins {rule.minCriteria} critères différents du questionnaire (les actions
            abandonnées ne comptent pas).
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {completeness.missing.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
