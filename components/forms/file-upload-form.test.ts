import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { FileUploadForm } from "./file-upload-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {} }) }));

const action = async () => ({ ok: true as const, data: null });

describe("FileUploadForm", () => {
  it("puts the caller's fields first and ties the file picker to its hint for screen readers", () => {
    const html = renderToStaticMarkup(
      createElement(
        FileUploadForm,
        {
          action,
          fields: { organizationId: "o1" },
          tooBig: "Trop lourd",
          file: { id: "piece-fichier", label: "Fichier", hint: "PDF, 10 Mo au plus.", accept: "application/pdf", required: true },
          submitLabel: "Joindre la pièce",
        },
        createElement("input", { id: "piece-libelle", name: "label" }),
      ),
    );
    expect(html.indexOf('id="piece-libelle"')).toBeLessThan(html.indexOf('id="piece-fichier"'));
    expect(html).toContain('<label for="piece-fichier" class="block font-semibold">Fichier</label>');
    expect(html).toContain('<p id="piece-fichier-aide" class="text-sm text-ink-muted">PDF, 10 Mo au plus.</p>');
    expect(html).toMatch(/<input id="piece-fichier" type="file" required="" accept="application\/pdf" aria-describedby="piece-fichier-aide" class="mt-1 block w-full max-w-full" name="file"\/>/);
    expect(html).toContain(">Joindre la pièce</button>");
  });
});
