// Schemas shared by the sign-in form in the browser and the server.
import { z } from "zod";

export const emailSchema = z
  .string({ error: "Saisissez votre adresse électronique." })
  .trim()
  .min(1, { error: "Saisissez votre adresse électronique." })
  .max(254, { error: "Cette adresse est trop longue." })
  .pipe(z.email({ error: "Cette adresse électronique n'est pas valide (exemple : prenom.nom@mairie-exemple.fr)." }))
  .transform((value) => value.toLowerCase());

export const signInRequestSchema = z.object({ email: emailSchema });
export type SignInRequest = z.input<typeof signInRequestSchema>;

/** Messages for the error codes next-auth and our sign-in route put in the address. */
export const SIGN_IN_ERRORS: Record<string, string> = {
  EmailInvalide: "Cette adresse électronique n'est pas valide (exemple : prenom.nom@mairie-exemple.fr).",
  TropDeDemandes: "Trop de demandes de lien pour cette adresse ou depuis ce réseau. Réessayez dans un quart d'heure.",
  Verification: "Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau ci-dessous : il arrive en quelques secondes.",
  AccessDenied: "Ce compte est désactivé. Contactez l'association si vous pensez qu'il s'agit d'une erreur.",
  EmailSignin: "Le courriel n'a pas pu être envoyé. Réessayez dans quelques minutes.",
  OAuthSignin: "La connexion avec ProConnect n'a pas pu démarrer. Réessayez, ou recevez un lien par courriel.",
  OAuthCallback: "La connexion avec ProConnect n'a pas abouti. Réessayez, ou recevez un lien par courriel.",
  AdresseNonVerifiee: "ProConnect n'a pas confirmé que cette adresse électronique est la vôtre : recevez plutôt un lien de connexion par courriel.",
  OAuthAccountNotLinked: "Cette adresse est déjà liée à un autre moyen de connexion. Recevez un lien par courriel.",
  Callback: "La connexion n'a pas abouti. Réessayez, ou recevez un lien par courriel.",
  SessionRequired: "Connectez-vous pour accéder à cette page.",
  Default: "La connexion n'a pas abouti. Réessayez dans quelques instants.",
};

export function signInErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return Object.prototype.hasOwnProperty.call(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code]! : SIGN_IN_ERRORS.Default!;
}

// Where to come back to after signing in: the one rule lives in return-path.ts.
export { safeReturnPath } from "./return-path";
