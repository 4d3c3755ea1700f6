import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { SIGN_IN_TEMPLATE, sendImmediateEmail } from "@/lib/notifications/send-now";
import { cookieOptions, sessionCookieName, useSecureCookies } from "./cookies";
import { MAGIC_LINK_MAX_AGE_SECONDS, signInEmail } from "./sign-in";

type ProConnectProfile = {
  sub: string;
  email: string;
  given_name?: string;
  usual_name?: string;
  siret?: string;
};

/** ProConnect (the French public agents' federation), or any OpenID Connect provider shaped like it. */
function proConnectProvider(
  issuer: string,
  clientId: string,
  clientSecret: string,
  userinfoSignedAlg: "RS256" | "ES256" | undefined,
): OAuthConfig<ProConnectProfile> {
  return {
    id: "proconnect",
    name: "ProConnect",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: "openid email given_name usual_name siret" } },
    // The ID token is checked (signature, nonce); the identity itself may come from userinfo,
    // where ProConnect puts it, as a signed JWT when OIDC_USERINFO_SIGNED_ALG says so.
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    client: userinfoSignedAlg ? { userinfo_signed_response_alg: userinfoSignedAlg } : undefined,
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet, typed loosely.
        const tokenSet = tokens as TokenSet;
        const fromIdToken = tokenSet.claims();
        const fromUserinfo = await client.userinfo(tokenSet).catch(() => ({}));
        return { ...fromIdToken, ...fromUserinfo, sub: fromIdToken.sub } as ProConnectProfile & Record<string, unknown>;
      },
    },
    // ProConnect only hands out verified professional addresses: the person is the same.
    allowDangerousEmailAccountLinking: true,
    profile(profile) {
      if (!profile.email) throw new Error("ProConnect n'a pas transmis d'adresse électronique.");
      const name = [profile.given_name, profile.usual_name].filter(Boolean).join(" ") || null;
      return {
        id: profile.sub,
        email: profile.email.toLowerCase(),
        name,
        givenName: profile.given_name ?? null,
        familyName: profile.usual_name ?? null,
      };
    },
  };
}

const ACCOUNT_COLUMNS = [
  "userId",
  "type",
  "provider",
  "providerAccountId",
  "refresh_token",
  "access_token",
  "expires_at",
  "token_type",
  "scope",
  "id_token",
  "session_state",
] as const;

/** The Prisma adapter, keeping only the token fields our Account table has (providers add others). */
function adapter(): Adapter {
  const base = PrismaAdapter(getDb() as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    linkAccount: (account: AdapterAccount) =>
      base.linkAccount!(Object.fromEntries(ACCOUNT_COLUMNS.filter((key) => key in account).map((key) => [key, account[key]])) as AdapterAccount),
  };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  // next-auth builds its links (magic link, callbacks) from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= config.APP_URL;
  const db = getDb();
  const providers: NextAuthOptions["providers"] = [
    EmailProvider({
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      from: config.MAIL_FROM,
      async sendVerificationRequest({ identifier, url }) {
        // Immediate (the person waits for it), through the shared layout, traced in the outbox table.
        const email = signInEmail(identifier, url);
        await sendImmediateEmail(db, { to: email.to, template: SIGN_IN_TEMPLATE, category: "notice", rendered: { ...email, reason: "Vous recevez ce message parce qu'une connexion a été demandée avec votre adresse." } });
      },
    }),
  ];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    providers.push(proConnectProvider(config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, config.OIDC_USERINFO_SIGNED_ALG));
  }
  cached = {
    adapter: adapter(),
    secret: config.AUTH_SECRET,
    providers,
    session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
    useSecureCookies: useSecureCookies(),
    cookies: { sessionToken: { name: sessionCookieName(), options: cookieOptions() } },
    pages: { signIn: "/connexion", verifyRequest: "/connexion/verification", error: "/connexion/erreur" },
    callbacks: {
      // Disabled accounts cannot sign in, whatever the path.
      async signIn({ user }) {
        if (!user?.email) return true;
        const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { disabledAt: true } });
        return !existing?.disabledAt;
      },
      async session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
      async redirect({ url, baseUrl }) {
        // Only ever back into the application.
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        await db.$transaction((tx) =>
          recordAudit(tx, {
            actorId: user.id,
            action: "auth.signed_in",
            data: { provider: account?.provider ?? "email", newAccount: Boolean(isNewUser) },
          }),
        );
      },
      async signOut({ session }) {
        const userId = (session as { userId?: string } | undefined)?.userId;
        if (userId) await db.$transaction((tx) => recordAudit(tx, { actorId: userId, action: "auth.signed_out" }));
      },
    },
  };
  return cached;
}
