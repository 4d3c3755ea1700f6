// Text normalization shared by the territory import (what is stored) and the search (what is
// typed): both sides must produce exactly the same string for the same name.

/**
 * Lower case, accents removed, every run of non-letters/non-digits (apostrophes, hyphens,
 * parentheses, commas...) turned into one space, trimmed.
 * "Saint-Étienne" → "saint etienne", "L'Haÿ-les-Roses" → "l hay les roses".
 */
export function normalizeSearchText(input: string): string {
  return (
    input
      // NFKD also unfolds compatibility forms (ligature "ﬁ", full-width letters, "²").
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      // Ligatures that Unicode does not decompose.
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/ß/g, "ss")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

export type SearchKey = {
  /** Normalized text from one word to the end of the name. */
  key: string;
  /** 0 for the whole name, then the position of the word the key starts at. */
  wordIndex: number;
};

/**
 * The keys under which a name can be found by prefix: the whole normalized name, then the
 * text from each later word to the end ("saint etienne", "etienne").
 *
 * One-letter words never start a key past the first word: they are elided articles and
 * prepositions ("l'", "d'" in "Saint-Martin-d'Hères") that nobody starts typing a name with,
 * and the following word has its own key anyway. The whole name always has its key, so
 * "l hay" still finds L'Haÿ-les-Roses.
 */
export function searchKeysFor(name: string): SearchKey[] {
  const normalized = normalizeSearchText(name);
  if (normalized === "") return [];
  const words = normalized.split(" ");
  const keys: SearchKey[] = [{ key: normalized, wordIndex: 0 }];
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    if (word.length < 2) continue;
    keys.push({ key: words.slice(index).join(" "), wordIndex: index });
  }
  return keys;
}

const epciAbbreviations: Record<string, string> = {
  CC: "Communauté de communes",
  CA: "Communauté d'agglomération",
  CU: "Communauté urbaine",
};

/**
 * The official EPCI names abbreviate their kind ("CC Faucigny - Glières"); people type it in
 * full. Returns the spelled-out name ("Communauté de communes Faucigny - Glières"), or null
 * when the name does not start with such an abbreviation.
 */
export function spelledOutEpciName(name: string): string | null {
  const match = /^(CC|CA|CU)\s+(.+)$/.exec(name.trim());
  if (!match) return null;
  return `${epciAbbreviations[match[1]!]} ${match[2]}`;
}
