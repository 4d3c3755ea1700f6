import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";
import { screenSignInRequest } from "@/lib/auth/sign-in-request";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { clientAddressOf } from "@/lib/http/client-address";
import { BODY_LIMITS, readCappedText, refuseCrossSite } from "@/lib/http/guard";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export const GET = handle;

/** The same request with the body given (next-auth reads it again). */
function withBody(request: NextRequest, body: string, contentType: string | null): NextRequest {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  if (contentType) headers.set("content-type", contentType);
  return new NextRequest(request.url, { method: "POST", headers, body });
}

/**
 * Every POST here comes from our own pages (origin checked) and is small (capped before it is
 * read). A request for a sign-in link is screened first (lib/auth/sign-in-request.ts): one
 * valid address, then the budgets per mailbox and per client, spent only when the CSRF token
 * is valid. The answer is the same whether an account exists for the address or not.
 */
export async function POST(request: NextRequest, context: Context) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const read = await readCappedText(request, BODY_LIMITS.signIn);
  if (!read.ok) return read.response;
  const [action, provider] = (await context.params).nextauth;
  if (action !== "signin" || provider !== "email") return handle(withBody(request, read.text, null), context);

  const config = env();
  const options = authOptions();
  const outcome = await screenSignInRequest(getDb(), {
    body: read.text,
    contentType: request.headers.get("content-type"),
    csrfCookie: request.cookies.get(`${options.useSecureCookies ? "__Host-" : ""}next-auth.csrf-token`)?.value,
    secret: options.secret!,
    clientAddress: clientAddressOf(request.headers, { secret: options.secret!, trustedHops: config.TRUSTED_PROXY_HOPS }),
    appUrl: config.APP_URL,
  });
  if (outcome.kind === "refuse") return NextResponse.json({ url: `${config.APP_URL}/connexion?error=${outcome.error}` });
  return handle(withBody(request, outcome.body.toString(), "application/x-www-form-urlencoded"), context);
}
