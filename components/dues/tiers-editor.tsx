"use client";

// The tiers of a round in preparation: one row per band (kind, from, up to, amount in euros).
// Saved all at once; the server checks the bands cover every population without gap.
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { inputClasses } from "@/components/forms/form-field";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { decimalCommaEuros } from "@/lib/dues/money";
import type { Tier } from "@/lib/dues/tiers";

type Row = { key: number; territoryKind: "COMMUNE" | "EPCI"; minPopulation: string; maxPopulation: string; amount: string };
type Payload = { roundId: string; tiers: { territoryKind: "COMMUNE" | "EPCI"; minPopulation: string; maxPopulation: string; amount: string }[] };

let keys = 0;

export function TiersEditor({ roundId, tiers, action }: { roundId: string; tiers: Tier[]; action: (input: Payload) => Promise<ClientActionResult> }) {
  const [rows, setRows] = useState<Row[]>(() =>
    tiers.map((tier) => ({
      key: ++keys,
      territoryKind: tier.territoryKind,
      minPopulation: String(tier.minPopulation),
      maxPopulation: tier.maxPopulation === null ? "" : String(tier.maxPopulation),
      amount: decimalCommaEuros(tier.amountCents),
    })),
  );
  const { run, pending, result } = useAction(action);
  const update = (key: number, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run({ roundId, tiers: rows.map(({ key: _key, ...row }) => row) });
      }}
    >
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Tranches de cotisation</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-2">Type</th>
            <th scope="col" className="py-2 pr-2">À partir de (habitants)</th>
            <th scope="col" className="py-2 pr-2">Jusqu’à (exclu, vide = sans limite)</th>
            <th scope="col" className="py-2 pr-2">Montant (€)</th>
            <th scope="col" className="py-2"><span className="sr-only">Retirer</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} className="border-b border-line">
              <td className="py-2 pr-2">
                <select aria-label={`Type, tranche ${index + 1}`} className={inputClasses} value={row.territoryKind} onChange={(event) => update(row.key, { territoryKind: event.target.value as Row["territoryKind"] })}>
                  <option value="COMMUNE">Commune</option>
                  <option value="EPCI">Intercommunalité</option>
                </select>
              </td>
              <td className="py-2 pr-2">
                <input aria-label={`À partir de, tranche ${index + 1}`} inputMode="numeric" className={inputClasses} value={row.minPopulation} onChange={(event) => update(row.key, { minPopulation: event.target.value })} />
              </td>
              <td className="py-2 pr-2">
                <input aria-label={`Jusqu’à, tranche ${index + 1}`} inputMode="numeric" className={inputClasses} value={row.maxPopulation} onChange={(event) => update(row.key, { maxPopulation: event.target.value })} />
              </td>
              <td className="py-2 pr-2">
                <input aria-label={`Montant en euros, tranche ${index + 1}`} inputMode="decimal" className={inputClasses} value={row.amount} onChange={(event) => update(row.key, { amount: event.target.value })} />
              </td>
              <td className="py-2">
                <Button variant="tertiary" onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                  Retirer<span className="sr-only"> la tranche {index + 1}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setRows((current) => [...current, { key: ++keys, territoryKind: "COMMUNE", minPopulation: "", maxPopulation: "", amount: "" }])}>
          Ajouter une tranche
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer le barème"}
        </Button>
      </p>
      <ActionMessage result={result} success="Barème enregistré." />
    </form>
  );
}
