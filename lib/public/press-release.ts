// The press release of the communication kit: a short text with the territory's name, ready to
// edit (the parts to complete are in [brackets]). Pure.
export type PressReleaseInput = {
  name: string;
  kind: "COMMUNE" | "EPCI";
  year: number;
  renewal: boolean;
  validUntilLabel: string;
  verificationUrl: string | null;
  todayLabel: string;
};

export function pressRelease(input: PressReleaseInput): string {
  const who = input.kind === "COMMUNE" ? "la commune" : "l’intercommunalité";
  const Who = input.kind === "COMMUNE" ? "La commune" : "L’intercommunalité";
  const head = input.renewal
    ? `${input.name} renouvelle son label Commune Cyber Dynamique pour ${input.year}`
    : `${input.name} obtient le label Commune Cyber Dynamique ${input.year}`;
  const award = input.renewal
    ? `${input.name} voit son label « Commune Cyber Dynamique » renouvelé pour la campagne ${input.year} par l’Association des Communes Cyber Dynamiques (ACCD). Ce renouvellement salue la mise en œuvre de son plan d’action et la progression continue de sa démarche de cybersécurité.`
    : `${input.name} a obtenu le label « Commune Cyber Dynamique » pour la campagne ${input.year}, décerné par l’Association des Communes Cyber Dynamiques (ACCD). Ce label distingue les communes et les intercommunalités qui s’engagent pour protéger leurs services et les données de leurs habitants contre les attaques informatiques.`;
  return [
    "COMMUNIQUÉ DE PRESSE",
    `[Lieu], le ${input.todayLabel}`,
    "",
    head,
    "",
    award,
    "",
    `Pour l’obtenir, ${who} a réalisé le pré-diagnostic de cybersécurité IMMUNITE CYBER de la Gendarmerie nationale, construit un plan d’action, désigné un Cyber Champion chargé de suivre la démarche et adhéré à l’association.`,
    "",
    "[À compléter : une ou deux actions concrètes déjà menées, par exemple la sensibilisation des agents et des élus, la double authentification des messageries ou la sauvegarde des données.]",
    "",
    `« [Citation à compléter] », déclare [prénom et nom], [fonction] de ${input.name}.`,
    "",
    `${Who} peut désormais afficher le label sur ses documents et son site internet. Le label est valable jusqu’au ${input.validUntilLabel}${input.verificationUrl ? ` ; chacun peut vérifier son authenticité à l’adresse ${input.verificationUrl}` : ""}.`,
    "",
    "À propos du label : créé par l’Association des Communes Cyber Dynamiques sur le modèle des « Villes et Villages Fleuris », le label récompense chaque année l’engagement et les progrès des collectivités, quelle que soit leur taille.",
    "",
    "Contact presse : [nom, téléphone, adresse électronique]",
  ].join("\n");
}
