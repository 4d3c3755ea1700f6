// A real OpenID Connect provider (oidc-provider) standing in for ProConnect in the browser
// tests: one confidential client whose redirect URI is the application's ProConnect callback,
// the ProConnect scopes and claims, PKCE required. The sign-in page is ours and minimal: the
// test types the address, first name, usual name and SIRET the provider then asserts, and
// consent is granted at once (ProConnect asks for none).
import { generateKeyPairSync, createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

export type OidcServer = { close(): Promise<void> };

type Identity = { email: string; email_verified: boolean; given_name: string; usual_name: string; siret: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function loginPage(uid: string, clientId: string): string {
  const field = (name: string, label: string, type = "text", value = "") =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" type="${type}" value="${escapeHtml(value)}" required></p>`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d'identité de test</title></head>
<body><main>
<h1>Fournisseur d'identité de test</h1>
<p>Connexion demandée par ${escapeHtml(clientId)}.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
${field("email", "Adresse électronique", "email")}
${field("given_name", "Prénom", "text", "Camille")}
${field("usual_name", "Nom d'usage", "text", "Martin")}
${field("siret", "SIRET", "text", "21130090900015")}
<button type="submit">Se connecter au fournisseur</button>
</form>
</main></body></html>`;
}

export async function startOidcServer(options: {
  port: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<OidcServer> {
  const identities = new Map<string, Identity>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid: "e2e" };

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: ["e2e-oidc-cookie-key-not-secret"] },
    scopes: ["openid", "email", "given_name", "usual_name", "siret"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
      siret: ["siret"],
    },
    // The application reads the profile from the ID token (idToken: true): put the claims
    // granted by the scopes there, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...identity }) };
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Quiet: the provider reports refused requests on its "server_error" etc. events only.
  provider.on("server_error", (_ctx, error) => console.error("[oidc] server_error", error));

  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error("interaction inconnue");
    if (request.method === "GET") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(loginPage(uid, String(details.params.client_id)));
      return;
    }
    const form = await readForm(request);
    // The address as typed (a provider may keep capitals); a stable subject per address.
    const email = (form.get("email") ?? "").trim();
    if (!email) throw new Error("adresse manquante");
    const accountId = `pc-${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 24)}`;
    identities.set(accountId, {
      email,
      // A provider that does not vouch for the address: any address containing "non-verifiee".
      email_verified: !/non-verifiee/i.test(email),
      given_name: form.get("given_name") ?? "",
      usual_name: form.get("usual_name") ?? "",
      siret: form.get("siret") ?? "",
    });
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const server: Server = createServer((request, response) => {
    const match = /^\/interaction\/([^/?]+)/.exec(request.url ?? "");
    if (!match) {
      void callback(request, response);
      return;
    }
    interaction(request, response, match[1]!).catch((error: unknown) => {
      console.error("[oidc] interaction", error);
      if (!response.headersSent) response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Interaction impossible : ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });

  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
