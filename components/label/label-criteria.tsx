// The four first-year criteria, in the words of a mairie rather than of the statutes.
const criteria = [
  {
    title: "Répondre au questionnaire IMMUNITE CYBER",
    text: "Ce pré-diagnostic de la Gendarmerie nationale, aujourd’hui appelé « Diagonal », fait le point sur vos pratiques en neuf thèmes : mots de passe, sauvegardes, sensibilisation des agents… Un gendarme le remplit généralement avec le maire, puis vous remet une synthèse.",
  },
  {
    title: "Établir un plan d’action",
    text: "Choisissez au moins deux points du questionnaire sur lesquels vous allez progresser, par exemple mettre en place des sauvegardes régulières ou former les agents à reconnaître un courriel piégé.",
  },
  {
    title: "Désigner un « Cyber Champion »",
    text: "Une personne de la collectivité, élue ou agent, porte la démarche au quotidien et suit le plan d’action.",
  },
  {
    title: "Régler la cotisation à l’association",
    text: "La cotisation annuelle à l’ACCD peut être payée sur facture, par mandat administratif, comme vos autres dépenses.",
  },
];

export function LabelCriteria() {
  return (
    <ol className="mt-8 grid gap-5 md:grid-cols-2">
      {criteria.map((criterion, index) => (
        <li key={criterion.title} className="flex flex-col gap-3 rounded-lg border border-line bg-white p-5 sm:flex-row sm:gap-4 sm:p-6">
          <span
            className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white"
            aria-hidden="true"
          >
            {index + 1}
          </span>
          <div>
            <h3 className="text-xl">
              <span className="sr-only">Condition {index + 1} : </span>
              {criterion.title}
            </h3>
            <p className="mt-2 text-ink">{criterion.text}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
