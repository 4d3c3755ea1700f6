// Limits and words of the « compare a file » form, shared by the browser (checked before
// sending) and the route (checked again). Browser-safe.

/** A certificate weighs about 60 kB: 5 MB leaves room for any re-saved copy, and no more. */
export const COMPARISON_MAX_BYTES = 5 * 1024 * 1024;

export const COMPARISON_MESSAGES = {
  identical: "Identique : ce fichier est exactement le certificat délivré sous ce numéro, sans aucune modification.",
  modified: "Modifié : ce fichier n'est pas exactement le certificat délivré sous ce numéro. Il a été modifié (même légèrement) ou c'est un autre document : fiez-vous à cette page, pas au fichier.",
  tooLarge: "Ce fichier dépasse 5 Mo : ce n'est pas un certificat du label (il pèse moins de 1 Mo). Déposez le PDF reçu de l'association.",
  notPdf: "Ce fichier n'est pas un PDF : déposez le certificat au format PDF, tel que vous l'avez reçu.",
  empty: "Ce fichier est vide : déposez le certificat au format PDF.",
  unreadable: "Le fichier n'a pas pu être lu : réessayez.",
} as const;
