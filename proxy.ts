// A comfort only: people without a session cookie are sent to the sign-in page before the
// private areas render. Authorization itself happens on the server, in every page, action and
// route handler (lib/auth/access.ts) — a request that skips this file gains nothing.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["ccd.session-token", "__Secure-ccd.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/connexion", request.url);
  signIn.searchParams.set("retour", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/espace/:path*", "/admin/:path*"] };
