import { describe, expect, it } from "vitest";
import { mailboxKey, sameMailbox } from "./mailbox";

describe("mailboxKey", () => {
  it("trims, lower-cases and drops the +tag", () => {
    expect(mailboxKey("  Maire+Essai@Mairie-Exemple.FR ")).toBe("maire@mairie-exemple.fr");
    expect(mailboxKey("maire+a+b@mairie.fr")).toBe("maire@mairie.fr");
    expect(mailboxKey("maire@mairie.fr")).toBe("maire@mairie.fr");
  });
  it("keeps a leading + and odd input as they are (lower-cased)", () => {
    expect(mailboxKey("+tag@mairie.fr")).toBe("+tag@mairie.fr");
    expect(mailboxKey("Pas-une-adresse")).toBe("pas-une-adresse");
  });
  it("compares mailboxes", () => {
    expect(sameMailbox("MAIRE+x@mairie.fr", "maire@mairie.fr")).toBe(true);
    expect(sameMailbox("maire@mairie.fr", "maire@autre.fr")).toBe(false);
  });
});
