import type { Metadata } from "next";
import Link from "next/link";
import { ContactLine } from "@/components/legal/contact-line";
import { LegalPage } from "@/components/legal/legal-page";
import { publisher } from "@/components/legal/publisher";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalNoticePage() {
  return (
    <LegalPage
      title="Mentions légales"
      lead="Qui publie cette plateforme, qui l’héberge, et les règles d’utilisation de ses contenus."
      updatedOn="22 novembre 2026"
    >
      <h2>Éditeur</h2>
      <p>
        La plateforme du label Commune Cyber Dynamique est éditée par l’{publisher.name}, {publisher.legalForm}.
      </p>
      <dl>
        <dt>Siège</dt>
        <dd>{publisher.address ?? "Adresse publiée à la mise en service de la plateforme."}</dd>
        <dt>Numéro RNA</dt>
        <dd>{publisher.rna ?? "Numéro publié à la mise en service de la plateforme."}</dd>
        <dt>Directeur ou directrice de la publication</dt>
        <dd>{publisher.publicationDirector[0]!.toUpperCase() + publisher.publicationDirector.slice(1)}.</dd>
        <dt>Contact</dt>
        <dd>
          Écrivez à l’association <ContactLine subject="Plateforme du label" />.
        </dd>
      </dl>

      <h2>Hébergement</h2>
      <p>
        {publisher.host
          ? `La plateforme est hébergée par ${publisher.host.name}, ${publisher.host.address}.`
          : "Le nom et l’adresse de l’hébergeur seront publiés à la mise en service de la plateforme. Les données sont hébergées dans l’Union européenne."}
      </p>

      <h2>Objet de la plateforme</h2>
      <p>
        La plateforme permet aux communes et aux intercommunalités de candidater au label Commune Cyber Dynamique,
        de suivre leur plan d’action et de renouveler leur label chaque année. Elle permet à chacun de rechercher une
        collectivité.
      </p>
      <p>
        L’ACCD est une association indépendante. Le questionnaire IMMUNITE CYBER (aujourd’hui « Diagonal ») est un
        outil de la Gendarmerie nationale : la plateforme s’y réfère mais ne le remplace pas.
      </p>

      <h2>Données de référence</h2>
      <p>
        La liste des communes et des intercommunalités provient du Code officiel géographique publié par l’Insee et
        de la base des établissements publics de coopération intercommunale, diffusés par Etalab sous la Licence
        Ouverte 2.0. Elle est mise à jour chaque année.
      </p>

      <h2>Propriété intellectuelle</h2>
      <p>
        Le nom « Commune Cyber Dynamique », le logo du label et les documents du kit de communication appartiennent à
        l’association. Les collectivités labellisées peuvent les utiliser pour faire connaître leur label pendant
        sa période de validité. Toute autre reproduction demande l’accord écrit de l’association.
      </p>
      <p>Les textes de la plateforme peuvent être cités en mentionnant leur source.</p>

      <h2>Responsabilité</h2>
      <p>
        Le label reconnaît une démarche de progrès : il ne garantit pas qu’une collectivité est à l’abri d’une
        attaque informatique. Les conseils publiés sur la plateforme sont donnés à titre d’information et ne
        remplacent pas l’accompagnement d’un professionnel.
      </p>
      <p>
        Les liens vers d’autres sites, publics ou privés, sont proposés pour faciliter vos démarches ;
        l’association n’est pas responsable de leur contenu.
      </p>

      <h2>Pour aller plus loin</h2>
      <ul>
        <li>
          <Link href="/donnees-personnelles">Données personnelles</Link> : ce que nous collectons et vos droits.
        </li>
        <li>
          <Link href="/accessibilite">Accessibilité</Link> : état de conformité et comment signaler un problème.
        </li>
      </ul>
    </LegalPage>
  );
}
