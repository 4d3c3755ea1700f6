import { describe, expect, it } from "vitest";
import { splitLinks } from "./dev-mailbox";

describe("splitLinks", () => {
  it("keeps the sentence's punctuation out of the link", () => {
    expect(splitLinks("Vérifiez-le sur http://localhost:3000/verifier/CCD-2026-G0BH-H5VB, à tout moment.")).toEqual([
      { kind: "text", value: "Vérifiez-le sur " },
      { kind: "link", value: "http://localhost:3000/verifier/CCD-2026-G0BH-H5VB" },
      { kind: "text", value: ", à tout moment." },
    ]);
    expect(splitLinks("(voir http://localhost:3000/espace).")).toEqual([
      { kind: "text", value: "(voir " },
      { kind: "link", value: "http://localhost:3000/espace" },
      { kind: "text", value: ")." },
    ]);
  });

  it("keeps a link's own query string and path whole", () => {
    const link = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fespace&token=ab12&email=maire%40demo.ccd.test";
    expect(splitLinks(`Lien : ${link}\nÀ bientôt`)).toEqual([
      { kind: "text", value: "Lien : " },
      { kind: "link", value: link },
      { kind: "text", value: "\nÀ bientôt" },
    ]);
  });
});
