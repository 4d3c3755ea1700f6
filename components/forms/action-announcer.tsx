"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { ActionMessage } from "./action-message";
import type { ClientActionResult } from "./use-action";

const AnnouncerContext = createContext<((result: ClientActionResult) => void) | null>(null);

/**
 * Where the outcome of an action is said when the action removes the row holding its button (a
 * bank line confirmed, a certificate revoked): above the list, so the message outlives the row.
 * Buttons and forms inside report to it instead of showing their own message.
 */
export function ActionAnnouncer({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<ClientActionResult | null>(null);
  return (
    <AnnouncerContext.Provider value={setResult}>
      <ActionMessage result={result} />
      {children}
    </AnnouncerContext.Provider>
  );
}

/** The surrounding announcer, or null when the component shows its own message. */
export function useActionAnnouncer() {
  return useContext(AnnouncerContext);
}
