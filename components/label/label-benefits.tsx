const benefits = [
  {
    title: "Un kit de communication",
    text: "Pour informer vos agents, vos élus et vos habitants de votre engagement, dès que votre adhésion est validée.",
  },
  {
    title: "Une remise officielle",
    text: "Le label est remis par un correspondant local de l’association, souvent lors d’un moment avec les élus.",
  },
  {
    title: "Un certificat infalsifiable",
    text: "Le certificat encadré porte un hologramme qui en garantit l’authenticité.",
  },
  {
    title: "Des trophées chaque année",
    text: "Les initiatives remarquables sont récompensées lors d’une cérémonie qui fête aussi les nouveaux labels et les renouvellements.",
  },
];

export function LabelBenefits() {
  return (
    <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
      {benefits.map((benefit) => (
        <li key={benefit.title} className="rounded-lg border-t-4 border-brand-700 bg-white p-5 shadow-sm">
          <h3 className="text-lg">{benefit.title}</h3>
          <p className="mt-2 text-base text-ink">{benefit.text}</p>
        </li>
      ))}
    </ul>
  );
}
