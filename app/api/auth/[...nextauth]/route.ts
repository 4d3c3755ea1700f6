import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";
import { allowSignInRequest, clientIp, emailSchema } from "@/lib/auth/sign-in";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export const GET = handle;

/**
 * Sign-in e-mails are rate-limited per address and per IP before next-auth sends them. The
 * answer is the same whether an account exists for the address or not.
 */
export async function POST(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (action === "signin" && provider === "email") {
    const form = await request.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email"));
    const base = env().APP_URL;
    if (!email.success) {
      return NextResponse.json({ url: `${base}/connexion?error=EmailInvalide` });
    }
    if (!(await allowSignInRequest(getDb(), email.data, clientIp(request.headers)))) {
      return NextResponse.json({ url: `${base}/connexion?error=TropDeDemandes` });
    }
  }
  return handle(request, context);
}
