import { describe, expect, it } from "vitest";
import { isAppLink, renderLayout } from "./layout";
import { EMAIL_TEMPLATES } from "./templates";

const appUrl = "https://label.example.fr";

describe("the shared layout", () => {
  it("adds who sends, why, and keeps the body in plain text and in HTML", () => {
    const email = renderLayout({
      rendered: { subject: "Sujet\nsur deux lignes", text: "Bonjour,\n\nOuvrez https://label.example.fr/espace <maintenant>." },
      category: "notice",
      appUrl,
      organizationName: "Venelles",
    });
    expect(email.subject).toBe("Sujet sur deux lignes");
    expect(email.text).toContain("Bonjour,\n\nOuvrez https://label.example.fr/espace <maintenant>.");
    expect(email.text).toContain("Association des Communes Cyber Dynamiques");
    expect(email.text).toContain("Ce message concerne : Venelles.");
    expect(email.text).toMatch(/Vous recevez ce message parce qu/);
    expect(email.html).toContain('<a href="https://label.example.fr/espace">');
    expect(email.html).toContain("&lt;maintenant&gt;");
    expect(email.html).toContain('lang="fr"');
    expect(email.headers).toEqual({});
  });

  it("never makes a link of an address outside the application", () => {
    const email = renderLayout({ rendered: { subject: "s", text: "Voir https://evil.example.com/x et https://label.example.fr.evil.com/y" }, category: "notice", appUrl });
    expect(email.html).not.toContain('href="https://evil');
    expect(email.html).not.toContain('href="https://label.example.fr.evil');
    expect(isAppLink("https://label.example.fr/a", appUrl)).toBe(true);
    expect(isAppLink("https://label.example.fr.evil.com/a", appUrl)).toBe(false);
  });

  it("offers to turn reminders off, in the footer and in List-Unsubscribe", () => {
    const email = renderLayout({ rendered: { subject: "Rappel", text: "Il reste 7 jours." }, category: "reminder", appUrl });
    expect(email.text).toContain("https://label.example.fr/espace/preferences");
    expect(email.headers["List-Unsubscribe"]).toBe("<https://label.example.fr/espace/preferences>");
  });
});

describe("the existing e-mails' templates", () => {
  it("link only into the application", async () => {
    const samples: Record<string, unknown> = {
      "champion.designated": { name: "Claire", email: "c@x.fr", organizationName: "Venelles", designatedBy: "Marie", token: "t0k" },
      "champion.link_resent": { name: "Claire", email: "c@x.fr", organizationName: "Venelles", token: "t0k" },
      "invitation.sent": { organizationName: "Venelles", invitedBy: "Marie", role: "SECRETARY", token: "t0k", validityDays: 7 },
      "organization.validated": { organizationName: "Venelles" },
      "organization.rejected": { organizationName: "Venelles", reason: "Doublon" },
    };
    for (const [name, template] of Object.entries(EMAIL_TEMPLATES)) {
      const data = samples[name];
      if (!data) continue;
      const rendered = await template.render(data as never, { db: undefined as never, appUrl });
      for (const url of rendered.text.match(/https?:\/\/\S+/g) ?? []) expect(isAppLink(url, appUrl), `${name}: ${url}`).toBe(true);
      expect(rendered.subject.length).toBeGreaterThan(5);
    }
  });
});
