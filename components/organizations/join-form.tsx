"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { TerritorySearch } from "@/components/territories/territory-search";
import { TerritorySummary } from "@/components/territories/territory-summary";
import type { TerritorySearchResult } from "@/components/territories/territory-types";
import { Button } from "@/components/ui/button";
import { roleLabel } from "./role-labels";

type JoinInput = { territoryCode: string; role: string; title?: string; message?: string };
type JoinOutcome = { kind: "claimed" | "requested"; organizationId: string; organizationName: string };

function JoinDetails({
  territory,
  action,
  onChangeSearch,
}: {
  territory: TerritorySearchResult;
  action: (input: JoinInput) => Promise<ClientActionResult<JoinOutcome>>;
  onChangeSearch: () => void;
}) {
  const roles = territory.kind === "EPCI" ? ["SECRETARY", "MAYOR", "EPCI_REFERENT", "CYBER_CHAMPION"] : ["SECRETARY", "MAYOR", "CYBER_CHAMPION"];
  const [role, setRole] = useState(roles[0]!);
  const [title, setTitle] = useState("");
  const [message, setMessage] = useState("");
  const { run, pending, result } = useAction(action);

  if (result?.ok) {
    const outcome = result.data;
    return (
      <div role="status" className="mt-6 space-y-3 rounded-lg border-2 border-success-700 bg-success-50 p-5">
        {outcome.kind === "claimed" ? (
          <>
            <p className="text-lg font-semibold">Demande d’adhésion envoyée pour {outcome.organizationName}.</p>
            <p>L’association vérifie que vous agissez bien pour ce territoire, puis vous prévient par courriel.</p>
          </>
        ) : (
          <>
            <p className="text-lg font-semibold">{outcome.organizationName} participe déjà au label : votre demande pour la rejoindre est envoyée.</p>
            <p>Un responsable de l’organisation va l’accepter ; vous recevrez l’accès dès sa réponse.</p>
          </>
        )}
        <p>
          <Link href="/espace">Retour à mon espace</Link>
        </p>
      </div>
    );
  }

  return (
    <TerritorySummary territory={territory} onChangeSearch={onChangeSearch}>
      <form
        className="mt-6 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          run({ territoryCode: territory.code, role, title, message });
        }}
      >
        <fieldset className="space-y-2">
          <legend className="font-semibold">Votre rôle pour {territory.name}</legend>
          {roles.map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="role" value={option} checked={role === option} onChange={() => setRole(option)} className="h-5 w-5" />
              {roleLabel(option)}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="join-title" className="block font-semibold">
            Votre fonction <span className="font-normal text-ink-muted">(facultatif)</span>
          </label>
          <input
            id="join-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={120}
            placeholder="Secrétaire de mairie, adjoint au numérique…"
            className="block w-full max-w-md rounded-md border-2 border-ink-muted px-3 py-2"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="join-message" className="block font-semibold">
            Un mot pour l’association ou vos collègues <span className="font-normal text-ink-muted">(facultatif)</span>
          </label>
          <textarea
            id="join-message"
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            maxLength={1000}
            rows={3}
            className="block w-full rounded-md border-2 border-ink-muted px-3 py-2"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Envoi…" : "Envoyer ma demande"}
          </Button>
          <Button variant="secondary" onClick={onChangeSearch}>
            Chercher un autre territoire
          </Button>
        </div>
        <ActionMessage result={result} />
      </form>
    </TerritorySummary>
  );
}

export function JoinForm({
  preselected,
  action,
}: {
  preselected: TerritorySearchResult | null;
  action: (input: JoinInput) => Promise<ClientActionResult<JoinOutcome>>;
}) {
  const [chosen, setChosen] = useState(preselected);
  if (chosen) return <JoinDetails territory={chosen} action={action} onChangeSearch={() => setChosen(null)} />;
  return <TerritorySearch renderSelection={(territory, changeSearch) => <JoinDetails territory={territory} action={action} onChangeSearch={changeSearch} />} />;
}
