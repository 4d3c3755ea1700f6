import { LabelBenefits } from "@/components/label/label-benefits";
import { LabelCriteria } from "@/components/label/label-criteria";
import { TerritorySearch } from "@/components/territories/territory-search";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

const keyFacts = [
  { value: "4", label: "conditions à remplir la première année" },
  { value: "1 an", label: "de validité, renouvelable chaque année" },
  { value: "Aucun", label: "score minimum exigé : l’engagement compte" },
];

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="titre-accueil" className="bg-brand-900 text-white [--focus-ring:#ffffff]">
        <Container className="grid gap-8 py-10 sm:py-12 lg:grid-cols-[1fr_minmax(0,34rem)] lg:grid-rows-[auto_1fr] lg:gap-x-12 lg:py-16">
          <div className="lg:col-start-1 lg:row-start-1">
            <p className="text-base font-medium text-balance text-brand-100">
              Un label annuel de l’Association des Communes Cyber Dynamiques
            </p>
            <h1 id="titre-accueil" className="mt-3 text-4xl text-white sm:text-5xl">
              Le label Commune Cyber Dynamique
            </h1>
            <p className="mt-5 max-w-2xl text-lg leading-relaxed text-brand-50 sm:text-xl">
              Il distingue chaque année les communes et les intercommunalités qui s’engagent pour protéger leurs
              services et les données de leurs habitants contre les attaques informatiques. Il récompense
              l’engagement et les progrès, pas la perfection : une petite commune peut l’obtenir.
            </p>
          </div>

          {/* Second in reading order, so that on a phone the search comes right after the title. */}
          <div
            id="recherche"
            className="scroll-mt-4 rounded-lg bg-white p-5 text-ink shadow-xl [--focus-ring:var(--color-brand-700)] sm:p-7 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start"
          >
            <h2 className="text-2xl">Trouvez votre commune ou intercommunalité</h2>
            <p className="mt-2 mb-5 text-base text-ink-muted">
              Parmi les 35 000 communes et 1 250 intercommunalités de France.
            </p>
            <TerritorySearch />
          </div>

          <ul className="grid max-w-2xl gap-4 sm:grid-cols-3 lg:col-start-1 lg:row-start-2">
            {keyFacts.map((fact) => (
              <li key={fact.label} className="border-l-4 border-brand-200 pl-4">
                <span className="block text-2xl font-bold text-white">{fact.value}</span>
                <span className="block text-base text-brand-50">{fact.label}</span>
              </li>
            ))}
          </ul>
        </Container>
      </section>

      <section id="le-label" aria-labelledby="titre-label" className="scroll-mt-4 py-14">
        <Container className="grid gap-10 lg:grid-cols-2">
          <div>
            <h2 id="titre-label" className="text-3xl">
              Qu’est-ce que le label ?
            </h2>
            <div className="mt-5 space-y-4 text-lg">
              <p>
                Rançongiciels, courriels piégés, comptes piratés : les mairies sont des cibles, quelle que soit leur
                taille. Une attaque peut bloquer l’état civil, la paie ou l’accueil du public pendant des semaines.
              </p>
              <p>
                Sur le modèle des « Villes et Villages Fleuris », le label Commune Cyber Dynamique rend visible le
                travail des collectivités qui prennent ce risque au sérieux. Il est décerné par l’Association des
                Communes Cyber Dynamiques (ACCD) pour <strong>une année</strong>, puis se renouvelle.
              </p>
            </div>
          </div>
          <div className="rounded-lg bg-surface p-6 sm:p-8">
            <h3 className="text-xl">Qui peut l’obtenir ?</h3>
            <ul className="mt-4 space-y-3 text-lg">
              <li className="flex gap-3">
                <CheckIcon />
                <span>
                  <strong>Les communes</strong>, des plus petites aux plus grandes.
                </span>
              </li>
              <li className="flex gap-3">
                <CheckIcon />
                <span>
                  <strong>Les intercommunalités</strong> : communautés de communes, d’agglomération, communautés
                  urbaines et métropoles, qui partagent souvent leurs moyens informatiques avec leurs communes.
                </span>
              </li>
            </ul>
            <p className="mt-5 text-base text-ink-muted">
              La démarche est pensée pour les mairies sans service informatique : le secrétariat de mairie peut
              préparer le dossier, le maire le valide et le dépose.
            </p>
          </div>
        </Container>
      </section>

      <section id="conditions" aria-labelledby="titre-conditions" className="scroll-mt-4 bg-brand-50 py-14">
        <Container>
          <h2 id="titre-conditions" className="text-3xl">
            La première année : quatre conditions
          </h2>
          <p className="mt-4 max-w-3xl text-lg">
            Pour obtenir le label une première fois, votre collectivité remplit ces quatre conditions. Aucun score
            minimum n’est demandé : c’est l’engagement qui compte.
          </p>
          <LabelCriteria />
        </Container>
      </section>

      <section id="renouvellement" aria-labelledby="titre-renouvellement" className="scroll-mt-4 py-14">
        <Container>
          <div className="grid gap-10 lg:grid-cols-2">
            <div>
              <h2 id="titre-renouvellement" className="text-3xl">
                Les années suivantes : le renouvellement
              </h2>
              <div className="mt-5 space-y-4 text-lg">
                <p>
                  Le label est valable un an. Pour le renouveler, votre collectivité montre qu’elle a{" "}
                  <strong>mis en œuvre son plan d’action</strong> et que sa démarche{" "}
                  <strong>progresse d’année en année</strong>.
                </p>
                <p>
                  Les critères de progression sont revus chaque année par l’association, pour suivre l’évolution des
                  menaces et des bonnes pratiques.
                </p>
              </div>
            </div>
            <div className="rounded-lg border border-line p-6 sm:p-8">
              <h3 className="text-xl">Comment se lancer ?</h3>
              <ol className="mt-4 list-decimal space-y-3 pl-6 text-lg">
                <li>Trouvez votre commune ou intercommunalité avec la recherche ci-dessus.</li>
                <li>Connectez-vous pour engager votre collectivité.</li>
                <li>Renseignez les quatre conditions, à votre rythme : rien n’est perdu si vous êtes interrompu.</li>
                <li>L’association examine votre candidature et vous répond.</li>
              </ol>
              <ButtonLink href="/#recherche" className="mt-6">
                Trouver ma collectivité
              </ButtonLink>
            </div>
          </div>

          <h2 className="mt-16 text-3xl">Ce que le label apporte</h2>
          <LabelBenefits />
        </Container>
      </section>

      <section aria-labelledby="titre-incident" className="pb-4">
        <Container>
          <div className="rounded-lg border-l-4 border-danger-700 bg-danger-50 p-6 sm:p-8">
            <h2 id="titre-incident" className="text-2xl">
              Votre collectivité subit une cyberattaque ?
            </h2>
            <ul className="mt-4 list-disc space-y-2 pl-6 text-lg">
              <li>Débranchez du réseau les ordinateurs touchés, sans les éteindre.</li>
              <li>
                Faites-vous aider sur <a href="https://www.cybermalveillance.gouv.fr">cybermalveillance.gouv.fr</a>{" "}
                et déposez plainte auprès de la gendarmerie ou de la police.
              </li>
              <li>
                Si des données personnelles sont concernées, notifiez la CNIL dans les 72 heures.
              </li>
            </ul>
          </div>
        </Container>
      </section>
    </>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" className="mt-1 h-5 w-5 shrink-0 text-success-700" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M10 1.5a8.5 8.5 0 1 1 0 17 8.5 8.5 0 0 1 0-17Zm3.7 5.3a1 1 0 0 0-1.4.1l-3.2 3.8-1.5-1.5a1 1 0 1 0-1.4 1.4l2.3 2.3a1 1 0 0 0 1.5-.1l3.9-4.6a1 1 0 0 0-.2-1.4Z"
      />
    </svg>
  );
}
