"use client";

// A territory search built on the ARIA 1.2 "combobox with list autocomplete" pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): focus stays in the text field,
// the highlighted option is conveyed with aria-activedescendant, results are announced in a
// polite live region. Hand-written rather than taken from a library: it is small, and we
// need to control every attribute for RGAA.

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { checkTerritoryQuery, parseTerritoryQuery } from "@/lib/territories/search-query";
import { departmentLabel, postcodesLabel, territoryKindLabel } from "./territory-labels";
import { TerritorySummary } from "./territory-summary";
import type { TerritorySearchResponse, TerritorySearchResult } from "./territory-types";

const DEBOUNCE_MS = 150;
const UNAVAILABLE_MESSAGE =
  "La recherche est momentanément indisponible. Vérifiez votre connexion à Internet, puis réessayez dans quelques instants.";

type Status = "idle" | "loading" | "done" | "error";

function resultCountLabel(count: number): string {
  if (count === 0) return "Aucun résultat";
  return count === 1 ? "1 résultat" : `${count} résultats`;
}

/** "Loire (42) · 42000, 42100 et 2 autres", putting first what the person typed. */
function optionDetails(territory: TerritorySearchResult, query: string): string {
  const postcodes = [...territory.postcodes];
  if (territory.match === "postcode") {
    const typed = parseTerritoryQuery(query).postcode;
    const at = typed ? postcodes.indexOf(typed) : -1;
    if (at > 0) postcodes.unshift(...postcodes.splice(at, 1));
  }
  const code = territory.match === "code" ? `${territory.kind === "COMMUNE" ? "code INSEE" : "SIREN"} ${territory.code}` : null;
  return [departmentLabel(territory), postcodesLabel(postcodes), code].filter(Boolean).join(" · ");
}

export function TerritorySearch({
  renderSelection,
}: {
  /** What to show once a territory is chosen; by default its summary and the way to join. */
  renderSelection?: (territory: TerritorySearchResult, changeSearch: () => void) => ReactNode;
} = {}) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const hintId = `${baseId}-hint`;
  const messageId = `${baseId}-message`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const [query, setQuery] = useState("");
  const [searchedQuery, setSearchedQuery] = useState("");
  const [results, setResults] = useState<TerritorySearchResult[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [selected, setSelected] = useState<TerritorySearchResult | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const inputRef = useRef<HTMLInputElement>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const requestRef = useRef<AbortController | null>(null);

  const cancelPending = useCallback(() => {
    clearTimeout(timerRef.current);
    requestRef.current?.abort();
    requestRef.current = null;
  }, []);

  // Nothing may land after the component is gone.
  useEffect(() => cancelPending, [cancelPending]);

  // Keep the highlighted option visible when the list scrolls.
  useEffect(() => {
    if (open && activeIndex >= 0) {
      document.getElementById(`${baseId}-option-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
    }
  }, [open, activeIndex, baseId]);

  async function runSearch(text: string) {
    const controller = new AbortController();
    requestRef.current = controller;
    setStatus("loading");
    try {
      const response = await fetch(`/api/territories?q=${encodeURIComponent(text)}`, {
        headers: { accept: "application/json" },
        signal: controller.signal,
      });
      const body = (await response.json().catch(() => null)) as TerritorySearchResponse | null;
      if (controller.signal.aborted) return;
      if (response.ok && body && "results" in body) {
        setResults(body.results);
        setSearchedQuery(text);
        setStatus("done");
        setErrorMessage(null);
        setActiveIndex(-1);
        setOpen(body.results.length > 0);
        setAnnouncement(
          body.results.length === 0
            ? `Aucun résultat pour « ${text} ».`
            : `${resultCountLabel(body.results.length)}. Utilisez les flèches haut et bas pour parcourir la liste, Entrée pour choisir.`,
        );
        return;
      }
      const message = body && "message" in body && body.message ? body.message : UNAVAILABLE_MESSAGE;
      showError(message);
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === "AbortError")) return;
      showError(UNAVAILABLE_MESSAGE);
    } finally {
      if (requestRef.current === controller) requestRef.current = null;
    }
  }

  function showError(message: string) {
    setResults([]);
    setOpen(false);
    setActiveIndex(-1);
    setStatus("error");
    setErrorMessage(message);
    setAnnouncement(message);
  }

  function resetResults() {
    setResults([]);
    setOpen(false);
    setActiveIndex(-1);
    setStatus("idle");
    setErrorMessage(null);
    setAnnouncement("");
  }

  function handleChange(value: string) {
    setQuery(value);
    setSelected(null);
    cancelPending();
    // The server's own rules, checked here first: a pasted page of text never travels in a URL.
    const checked = checkTerritoryQuery(value);
    if (!checked.ok) {
      // "Too short" is not an error while someone is still typing: the hint says it.
      if (checked.problem === "tooLong") {
        showError(`${checked.message} Saisissez seulement le nom, le code postal ou le code INSEE de la collectivité.`);
      }
      else resetResults();
      return;
    }
    const text = checked.query;
    timerRef.current = setTimeout(() => void runSearch(text), DEBOUNCE_MS);
  }

  function choose(index: number) {
    const territory = results[index];
    if (!territory) return;
    cancelPending();
    setSelected(territory);
    setQuery(territory.name);
    setOpen(false);
    setActiveIndex(-1);
    setAnnouncement(`${territory.name}, ${territoryKindLabel(territory).toLowerCase()}, sélectionnée.`);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    switch (event.key) {
      case "ArrowDown": {
        if (count === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          // Alt+ArrowDown only opens the list (APG).
          setActiveIndex(event.altKey ? -1 : 0);
          return;
        }
        setActiveIndex((index) => (index + 1) % count);
        return;
      }
      case "ArrowUp": {
        if (count === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActiveIndex(count - 1);
          return;
        }
        setActiveIndex((index) => (index <= 0 ? count - 1 : index - 1));
        return;
      }
      case "Home":
      case "End": {
        // Inside the list they move the highlight; otherwise they move the caret as usual.
        if (!open || activeIndex < 0) return;
        event.preventDefault();
        setActiveIndex(event.key === "Home" ? 0 : count - 1);
        return;
      }
      case "Enter": {
        if (open && activeIndex >= 0) {
          event.preventDefault();
          choose(activeIndex);
        }
        return;
      }
      case "Escape": {
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActiveIndex(-1);
          return;
        }
        if (query !== "") {
          event.preventDefault();
          cancelPending();
          setQuery("");
          resetResults();
        }
        return;
      }
      default:
        return;
    }
  }

  const activeDescendant = open && activeIndex >= 0 ? optionId(activeIndex) : undefined;
  const noResults = status === "done" && results.length === 0 && searchedQuery !== "";
  const describedBy = [hintId, errorMessage || noResults ? messageId : null].filter(Boolean).join(" ");

  return (
    <div>
      <div role="search" aria-label="Rechercher une commune ou une intercommunalité">
        <label htmlFor={inputId} className="block text-lg font-semibold text-brand-900">
          Nom, code postal ou code INSEE
        </label>
        <p id={hintId} className="mt-1 text-base text-ink-muted">
          Par exemple : « Saint-Étienne », « 42000 » ou « 42218 ». Saisissez au moins deux caractères.
        </p>

        <div className="relative mt-3">
          <svg
            viewBox="0 0 20 20"
            className="pointer-events-none absolute left-4 top-1/2 h-5 w-5 -translate-y-1/2 text-ink-muted"
            aria-hidden="true"
            focusable="false"
          >
            <path
              fill="currentColor"
              d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4a1 1 0 0 1-1.4 1.4l-4-4A6.5 6.5 0 1 1 8.5 2Zm0 2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Z"
            />
          </svg>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-activedescendant={activeDescendant}
            aria-describedby={describedBy}
            aria-invalid={status === "error" ? true : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            value={query}
            onChange={(event) => handleChange(event.target.value)}
            onKeyDown={handleKeyDown}
            onBlur={() => {
              setOpen(false);
              setActiveIndex(-1);
            }}
            className={`block h-14 w-full rounded-md border-2 bg-white pl-12 pr-12 text-lg text-ink placeholder:text-ink-muted ${
              status === "error" ? "border-danger-700" : "border-brand-700"
            } ${open ? "rounded-b-none" : ""}`}
          />
          {status === "loading" ? (
            <span
              className="absolute right-4 top-1/2 h-5 w-5 -translate-y-1/2 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700"
              aria-hidden="true"
            />
          ) : null}

          <ul
            id={listboxId}
            role="listbox"
            aria-label="Communes et intercommunalités trouvées"
            hidden={!open}
            className="absolute inset-x-0 top-full z-20 max-h-[min(24rem,60vh)] overflow-y-auto rounded-b-md border-2 border-t-0 border-brand-700 bg-white shadow-lg"
          >
            {results.map((territory, index) => {
              const active = index === activeIndex;
              const details = optionDetails(territory, searchedQuery);
              return (
                <li
                  key={territory.code}
                  id={optionId(index)}
                  role="option"
                  aria-selected={active}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActiveIndex(index)}
                  onClick={() => choose(index)}
                  className={`cursor-pointer border-b border-line px-4 py-3 last:border-b-0 ${
                    active ? "bg-brand-700 text-white" : "text-ink hover:bg-brand-50"
                  }`}
                >
                  <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="text-lg font-semibold">{territory.name}</span>
                    <span
                      className={`rounded px-2 py-0.5 text-sm font-medium ${
                        active ? "bg-white text-brand-900" : "bg-brand-100 text-brand-900"
                      }`}
                    >
                      {territoryKindLabel(territory)}
                    </span>
                  </span>
                  {details ? (
                    <span className={`mt-1 block text-base ${active ? "text-white" : "text-ink-muted"}`}>
                      {details}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>

        {errorMessage ? (
          <p id={messageId} className="mt-3 flex gap-2 font-medium text-danger-700">
            <svg viewBox="0 0 20 20" className="mt-1 h-5 w-5 shrink-0" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 11a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4ZM10 5a1 1 0 0 0-1 1v5a1 1 0 1 0 2 0V6a1 1 0 0 0-1-1Z"
              />
            </svg>
            <span>{errorMessage}</span>
          </p>
        ) : noResults ? (
          <p id={messageId} className="mt-3 text-ink">
            Aucune commune ni intercommunalité ne correspond à « {searchedQuery} ». Vérifiez l’orthographe, ou
            essayez le code postal.
          </p>
        ) : null}

        {/* Announced by screen readers; the visible list and messages say the same. */}
        <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
          {announcement}
        </div>
      </div>

      {selected
        ? (renderSelection ?? ((territory, changeSearch) => <TerritorySummary territory={territory} onChangeSearch={changeSearch} />))(
            selected,
            () => {
              inputRef.current?.focus();
              inputRef.current?.select();
            },
          )
        : null}
    </div>
  );
}
