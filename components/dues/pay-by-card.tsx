"use client";

// « Payer par carte »: the server creates the Checkout session; the browser then leaves for
// Stripe's page. Shown only when the keys are configured.
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function PayByCard({ organizationId, action }: { organizationId: string; action: (input: { organizationId: string }) => Promise<ClientActionResult<{ url: string }>> }) {
  const { run, pending, result } = useAction(action);
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={pending} onClick={() => run({ organizationId }, (data) => window.location.assign(data.url))}>
        {pending ? "Ouverture du paiement…" : "Payer par carte"}
      </Button>
      {result && !result.ok ? <ActionMessage result={result} /> : null}
    </div>
  );
}
