"use client";
// Type a serial from the paper: the check symbol is verified here first, so a typo is said
// before anything is looked up. Without JavaScript the form still works (the server checks).
import { useState } from "react";
import { inputClasses } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { MAX_SERIAL_INPUT, parseSerial, serialMessage } from "@/lib/certificates/serial";

export function SerialSearch({ initial = "", serverError }: { initial?: string; serverError?: string }) {
  const [value, setValue] = useState(initial.slice(0, MAX_SERIAL_INPUT));
  const [error, setError] = useState<string | undefined>(serverError);
  const errorId = "numero-erreur";
  return (
    <form
      action="/verifier"
      method="get"
      className="max-w-xl space-y-3"
      onSubmit={(event) => {
        const parsed = parseSerial(value);
        if (!parsed.ok) {
          event.preventDefault();
          setError(serialMessage(parsed.reason));
          return;
        }
        event.preventDefault();
        window.location.assign(`/verifier/${parsed.serial}`);
      }}
    >
      <label htmlFor="numero" className="block font-semibold">
        Numéro du certificat
      </label>
      <p id="numero-aide" className="text-sm text-ink-muted">
        Il est imprimé sous le code QR, par exemple CCD-2026-7KQ4-M9XH. Majuscules et tirets facultatifs.
      </p>
      <input
        id="numero"
        name="numero"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_SERIAL_INPUT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `numero-aide ${errorId}` : "numero-aide"}
        className={`${inputClasses} font-mono text-lg uppercase`}
      />
      <div aria-live="polite">
        {error ? (
          <p id={errorId} className="font-semibold text-danger-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit">Vérifier</Button>
    </form>
  );
}
