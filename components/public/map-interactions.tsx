"use client";

// Shows, above the map, the count of the département under the pointer or the keyboard focus
// (the links carry it in data-departement). The links' own names say the same to screen
// readers, so this box is for the eyes only.
import { useState, type ReactNode, type SyntheticEvent } from "react";

export function MapInteractions({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<string | null>(null);
  const show = (event: SyntheticEvent) => {
    const target = (event.target as Element).closest?.("[data-departement]");
    if (target) setCurrent(target.getAttribute("data-departement"));
  };
  return (
    <div onMouseOver={show} onFocus={show}>
      <p aria-hidden="true" className="mb-3 min-h-14 rounded-md bg-surface px-4 py-3 font-semibold">
        {current ? `${current} — cliquez pour voir la liste.` : "Survolez ou parcourez la carte au clavier pour voir le nombre de territoires labellisés."}
      </p>
      {children}
    </div>
  );
}
