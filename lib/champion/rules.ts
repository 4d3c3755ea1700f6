// Who may be the Cyber Champion, as pure functions shared by the form and the server.
//
// The round can require (Round.championMustNotBeMayor, on by default) what the predecessor label
// "Ville Cyber Responsable" required: the Champion is neither the mayor nor the IT director, so
// that the approach is carried by someone besides the person who decides and the person who runs
// the IT. The server knows the mayor from the MAYOR role of that e-mail in the organization; the
// declared function catches the rest. What the function text is taken to mean (decisions):
//
// Mayor — the word "maire" on its own ("Maire", "Madame la maire", "maire de Venelles"). Not the
//   mayor, so accepted: "adjoint(e) au maire", "maire adjoint(e)", "maire délégué(e)" (a commune
//   déléguée's mayor is by law an adjoint of the commune nouvelle), "ancien maire", "conseiller
//   municipal", "secrétaire de mairie" ("mairie" is another word). These are the elected officials
//   and agents the rule wants to see as Champions.
// IT director — "DSI", "directeur / directrice des systèmes d'information", "directeur
//   informatique", "directeur du numérique", and the head of IT under another name: "responsable
//   (du service) informatique", "chef du service informatique", "responsable des systèmes
//   d'information". In a small commune the "responsable informatique" is the IT director in all
//   but title. Accepted: deputies ("directeur adjoint des systèmes d'information"), technicians and
//   agents ("technicien informatique"), the IT provider, and the RSSI (security officer): the rule
//   targets the person who runs the IT, not everyone who works in it.
// Matching is on the text without accents and case, word by word, so "Maire" and "MAIRE",
// "systemes" and "systèmes" are the same; a function we cannot read stays accepted (the reviewers
// see it), since refusing an honest candidate is worse than a rare miss.

export type ChampionCandidate = {
  /** The e-mail holds the MAYOR role in the organization. */
  isMayor: boolean;
  /** Known by other means to be the IT director (none today: no such role). */
  isItDirector: boolean;
  /** The function as declared in the form. */
  function: string;
};

export type ChampionRule = { championMustNotBeMayor: boolean };

export const CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR =
  "Le Cyber Champion ne peut être ni le maire ni le directeur des systèmes d'information (règle de la campagne) : désignez une autre personne, par exemple un adjoint ou un agent.";

/** When it is the address, not the function, that names the mayor: said on the e-mail field. */
export const CHAMPION_EMAIL_IS_MAYOR =
  "Cette adresse est celle du maire, qui ne peut pas être Cyber Champion (règle de la campagne) : désignez une autre personne.";

/** `field` is the form field the refusal belongs to, so the message appears where the cause is. */
export type ChampionEligibility = { eligible: true; reason: null } | { eligible: false; reason: string; field: "email" | "function" };

/** Lower case, no accents, acronyms without dots ("D.S.I." is "dsi"), punctuation as spaces. */
export function normalizeFunction(text: string): string {
  return text
    .normalize("NFD")
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, "")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const NOT_THE_MAYOR = [
  /\badjointe? (?:au|a la|du|de la) maire\b/g,
  /\bmaire adjointe?\b/g,
  /\bmaire delegue(?:e)?\b/g,
  /\b(?:ancien(?:ne)?|ex) maire\b/g,
  /\bpremier(?:e)? adjointe?\b/g,
];

export function functionDesignatesMayor(text: string): boolean {
  let normalized = normalizeFunction(text);
  for (const pattern of NOT_THE_MAYOR) normalized = normalized.replace(pattern, " ");
  return /\bmaire\b/.test(normalized);
}

const IT_DIRECTOR = [
  /\bdsi\b/,
  /\bdsin\b/,
  /\bdirect(?:eur|rice) (?:des |du |de l )?(?:systemes? d information|informatique|numerique|si)\b/,
  /\bdirect(?:eur|rice) (?:de la |du )?(?:direction|service) (?:des systemes d information|informatique|du numerique)\b/,
  /\b(?:responsable|chef(?:fe)?) (?:du |de l )?(?:service |pole |departement )?(?:informatique|systemes? d information|des systemes? d information|si)\b/,
];

export function functionDesignatesItDirector(text: string): boolean {
  const normalized = normalizeFunction(text);
  // A deputy is not the director.
  if (/\b(?:adjointe?|suppleante?)\b/.test(normalized)) return false;
  return IT_DIRECTOR.some((pattern) => pattern.test(normalized));
}

export function checkChampionEligibility(candidate: ChampionCandidate, rule: ChampionRule): ChampionEligibility {
  if (!rule.championMustNotBeMayor) return { eligible: true, reason: null };
  if (candidate.isItDirector || functionDesignatesMayor(candidate.function) || functionDesignatesItDirector(candidate.function)) {
    return { eligible: false, reason: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR, field: "function" };
  }
  if (candidate.isMayor) return { eligible: false, reason: CHAMPION_EMAIL_IS_MAYOR, field: "email" };
  return { eligible: true, reason: null };
}
