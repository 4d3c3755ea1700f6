import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath, safeReturnUrl } from "./return-path";

const APP = "http://127.0.0.1:4090";

describe("safeReturnPath", () => {
  it("keeps same-origin paths, with their query and fragment", () => {
    expect(safeReturnPath("/espace/organisations/abc?onglet=membres#liste", APP)).toBe("/espace/organisations/abc?onglet=membres#liste");
    expect(safeReturnPath("/invitation/jeton", APP)).toBe("/invitation/jeton");
    expect(safeReturnPath(`${APP}/espace/plan?x=1`, APP)).toBe("/espace/plan?x=1");
  });

  // Each of these, given as a Location, takes a browser to another host.
  it.each([
    "/\t/evil.example", // the reported one: Chromium strips the tab
    "/\t\\evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "/\\\\evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example/",
    "HTTPS://evil.example",
    " //evil.example",
    `${APP}.evil.example/`,
    `${APP}@evil.example/`,
    "http://user:pass@127.0.0.1:4090/espace",
    `${APP}//evil.example`,
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  ])("sends %j to /espace", (value) => {
    expect(safeReturnPath(value, APP)).toBe(DEFAULT_RETURN_PATH);
  });

  it("returns the parser's serialization, never raw control characters", () => {
    // Still encoded, these stay inside the path: the browser does not decode them into a host.
    expect(safeReturnPath("/%09/evil.example", APP)).toBe("/%09/evil.example");
    expect(safeReturnPath("/%5C%5Cevil.example", APP)).toBe("/%5C%5Cevil.example");
    expect(safeReturnPath("/espace/ é", APP)).toBe("/espace/%20%C3%A9");
  });

  it("refuses what is not a usable string", () => {
    for (const value of ["", null, undefined, 42, ["/espace"], "/".padEnd(3000, "a")]) expect(safeReturnPath(value, APP)).toBe(DEFAULT_RETURN_PATH);
  });

  it("whatever the input, the result stays on the application's origin", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `/\t${s}`)), (value) => {
        const path = safeReturnPath(value, APP);
        expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")).toBe(true);
        expect(new URL(path, APP).origin).toBe(APP);
        expect(/[\u0000-\u001f\u007f]/.test(path)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("safeReturnUrl (next-auth's redirect callback)", () => {
  it("gives an absolute URL of the application", () => {
    expect(safeReturnUrl("/espace/plan", APP)).toBe(`${APP}/espace/plan`);
    expect(safeReturnUrl(`${APP}/connexion?retour=%2Fespace`, APP)).toBe(`${APP}/connexion?retour=%2Fespace`);
    expect(safeReturnUrl("/\t/evil.example", APP)).toBe(`${APP}/espace`);
    expect(safeReturnUrl("https://evil.example/", APP)).toBe(`${APP}/espace`);
  });
});
