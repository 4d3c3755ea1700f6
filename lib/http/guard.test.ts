import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, isSameOriginRequest, readCappedText, refuseCrossSite } from "./guard";

const APP = "https://label.example.fr";
const headers = (init: Record<string, string>) => new Headers(init);

describe("isSameOriginRequest (the rule of Next's server actions)", () => {
  it("accepts the application's own origin, or the host the request was sent to", () => {
    expect(isSameOriginRequest(headers({ origin: APP, host: "label.example.fr" }), APP)).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), "http://localhost:3000")).toBe(true);
  });
  it("refuses another site, a look-alike host, and the opaque origin", () => {
    for (const origin of ["https://evil.example", "https://label.example.fr.evil.example", "null", "not a url", "http://label.example.fr:8443"]) {
      expect(isSameOriginRequest(headers({ origin, host: "label.example.fr" }), APP)).toBe(false);
    }
  });
  it("without Origin, trusts only what a browser says of a same-site request", () => {
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }), APP)).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "none" }), APP)).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site" }), APP)).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site" }), APP)).toBe(false);
    // Handmade (curl, benchmark): no browser, no cookies but those its author gave.
    expect(isSameOriginRequest(headers({}), APP)).toBe(true);
  });
  it("answers a refusal with a 403 in French", async () => {
    const response = refuseCrossSite(new Request(`${APP}/api/x`, { method: "POST", headers: { origin: "https://evil.example" } }), APP);
    expect(response?.status).toBe(403);
    expect((await response!.json()).message).toMatch(/autre site/);
  });
});

describe("readCappedText", () => {
  const post = (body: BodyInit, init: Record<string, string> = {}) => new Request(`${APP}/api/x`, { method: "POST", body, headers: init, duplex: "half" } as RequestInit);
  it("reads a body under the cap", async () => {
    expect(await readCappedText(post("email=a%40b.fr"), BODY_LIMITS.signIn)).toEqual({ ok: true, text: "email=a%40b.fr" });
  });
  it("refuses an announced or an actual body over the cap with a 413", async () => {
    const announced = await readCappedText(post("x".repeat(10), { "content-length": "999999" }), 100);
    expect(announced.ok ? 200 : announced.response.status).toBe(413);
    // Streamed without a length: stopped at the cap, not read to the end.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
        if (pulled > 10_000) controller.close();
      },
    });
    const streamed = await readCappedText(post(stream), 4096);
    expect(streamed.ok ? 200 : streamed.response.status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });
});

/** Every route handler under app/ that changes data imports the guard. */
describe("route handlers that change data", () => {
  const root = path.resolve(__dirname, "../../app");
  function routes(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return routes(full);
      return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
    });
  }
  // Not called by browsers, so no cookie to abuse: each says how it authenticates instead.
  const EXEMPT: Record<string, string> = {
    "api/stripe/webhook/route.ts": "called by Stripe server to server, authenticated by the Stripe-Signature of the raw body",
    "verifier/[serial]/comparaison/route.ts": "changes nothing: compares an uploaded PDF with a stored hash, no session, its own body cap",
  };
  it("all use lib/http/guard", () => {
    const mutating = routes(root).filter((file) => /export\s+(async\s+)?(function|const)\s+(POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));
    expect(mutating.length).toBeGreaterThan(0);
    const unguarded = mutating.filter((file) => !(path.relative(root, file) in EXEMPT) && !readFileSync(file, "utf8").includes("@/lib/http/guard"));
    expect(unguarded.map((file) => path.relative(root, file))).toEqual([]);
  });
});
