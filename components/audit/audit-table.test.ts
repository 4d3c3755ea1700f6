import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditTable, type AuditRow } from "./audit-table";

const render = (events: AuditRow[], empty?: string) => renderToStaticMarkup(createElement(AuditTable, { events, caption: "Derniers événements", empty }));

describe("AuditTable", () => {
  it("shows when in Paris time, who by name then address, and what in words or by its code", () => {
    const html = render([
      { id: "1", createdAt: new Date("2026-11-30T23:30:00Z"), action: "auth.signed_in", actor: { name: null, email: "maire@commune.fr" } },
      { id: "2", createdAt: new Date("2026-06-01T08:05:00Z"), action: "not.yet.labelled", actor: null },
    ]);
    expect(html).toContain('<caption class="sr-only">Derniers événements</caption>');
    expect(html).toContain("1 décembre 2026 à 00:30");
    expect(html).toContain("1 juin 2026 à 10:05");
    expect(html).toContain(">maire@commune.fr<");
    expect(html).toContain(">Connexion<");
    expect(html).toContain(">not.yet.labelled<");
    expect(html).toContain(">—<");
    expect(html).not.toContain("hidden");
  });

  it("says there is nothing in words and keeps the empty table hidden", () => {
    const html = render([], "Aucun événement pour l’instant.");
    expect(html.startsWith("<p>Aucun événement pour l’instant.</p><table hidden=")).toBe(true);
  });
});
