import type { Metadata } from "next";
import { ContactLine } from "@/components/legal/contact-line";
import { LegalPage } from "@/components/legal/legal-page";

export const metadata: Metadata = { title: "Données personnelles" };

const retention: Array<[string, string]> = [
  ["Compte utilisateur", "Tant que le compte est utilisé, puis supprimé après 3 ans sans connexion."],
  [
    "Dossier de candidature et plan d’action",
    "Pendant la participation de la collectivité au label, puis 5 ans après la fin de la dernière année labellisée.",
  ],
  ["Factures et pièces comptables des cotisations", "10 ans, comme l’exige la loi."],
  ["Journaux de connexion et de sécurité", "1 an."],
  ["Messages envoyés à l’association", "3 ans après le dernier échange."],
];

export default function PersonalDataPage() {
  return (
    <LegalPage
      title="Données personnelles"
      lead="Ce que nous collectons, pourquoi, combien de temps nous le gardons, et comment exercer vos droits."
      updatedOn="22 novembre 2026"
    >
      <h2>Qui est responsable de vos données ?</h2>
      <p>
        L’Association des Communes Cyber Dynamiques (ACCD), qui édite la plateforme, est responsable des
        traitements décrits sur cette page, au sens du règlement général sur la protection des données (RGPD).
      </p>

      <h2>Sans compte, nous ne collectons rien</h2>
      <p>
        Vous pouvez consulter la plateforme et rechercher une commune sans créer de compte. La recherche porte sur
        des données publiques (noms et codes des collectivités) et n’enregistre rien qui vous concerne. La
        plateforme n’utilise ni cookie publicitaire, ni outil de mesure d’audience, ni contenu hébergé par un
        tiers : aucun bandeau de consentement n’est donc nécessaire.
      </p>

      <h2>Les données que nous collectons</h2>
      <p>Lorsque vous agissez pour une collectivité, nous enregistrons :</p>
      <ul>
        <li>
          <strong>votre compte</strong> : nom, prénom, adresse électronique professionnelle, fonction, collectivité
          représentée et rôle sur la plateforme ;
        </li>
        <li>
          <strong>le dossier de la collectivité</strong> : réponses au questionnaire, plan d’action, documents
          déposés, et l’identité du « Cyber Champion » désigné (nom, fonction, adresse électronique) ;
        </li>
        <li>
          <strong>la cotisation</strong> : coordonnées de facturation de la collectivité et suivi du paiement. Si
          vous payez par carte, le paiement est traité par un prestataire spécialisé : nous ne voyons jamais
          votre numéro de carte ;
        </li>
        <li>
          <strong>les traces de sécurité</strong> : date et heure de connexion, adresse IP, et historique des
          actions importantes (dépôt d’une candidature, décision, paiement).
        </li>
      </ul>
      <p>
        Le seul cookie déposé est le cookie de session, indispensable pour rester connecté. Il est supprimé à la
        déconnexion ou à son expiration.
      </p>

      <h2>Pourquoi, et sur quelle base</h2>
      <ul>
        <li>
          <strong>Instruire les candidatures et délivrer le label</strong>, puis suivre les renouvellements : c’est
          l’objet même de l’adhésion de la collectivité à l’association (exécution du contrat d’adhésion).
        </li>
        <li>
          <strong>Vous envoyer les messages utiles à la démarche</strong> (lien de connexion, rappels avant
          l’échéance du label, réponse de l’association) : exécution du contrat d’adhésion.
        </li>
        <li>
          <strong>Tenir la comptabilité des cotisations</strong> : obligation légale.
        </li>
        <li>
          <strong>Protéger la plateforme</strong> contre les usages frauduleux et pouvoir retracer qui a fait quoi :
          intérêt légitime de l’association.
        </li>
      </ul>
      <p>Vos données ne sont jamais vendues, ni utilisées à des fins publicitaires.</p>

      <h2>Combien de temps nous les gardons</h2>
      <table>
        <caption className="sr-only">Durée de conservation par type de données</caption>
        <thead>
          <tr>
            <th scope="col">Données</th>
            <th scope="col">Durée de conservation</th>
          </tr>
        </thead>
        <tbody>
          {retention.map(([data, duration]) => (
            <tr key={data}>
              <th scope="row" className="font-normal">
                {data}
              </th>
              <td>{duration}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Qui peut les consulter</h2>
      <ul>
        <li>
          les personnes habilitées de votre collectivité, selon le rôle que la collectivité leur a donné ;
        </li>
        <li>
          les membres de l’association qui examinent les candidatures, le trésorier pour les cotisations, et le
          correspondant local de votre département ;
        </li>
        <li>
          nos prestataires techniques (hébergement, envoi des courriels, paiement en ligne), qui agissent sur nos
          instructions et sont tenus à la confidentialité.
        </li>
      </ul>
      <p>
        La liste des collectivités labellisées est publique : elle indique le nom de la collectivité et l’année du
        label, jamais le nom des personnes. Les données sont hébergées dans l’Union européenne.
      </p>

      <h2>Comment nous les protégeons</h2>
      <p>
        Les échanges avec la plateforme sont chiffrés, chaque personne n’accède qu’aux dossiers de sa collectivité,
        et les actions importantes sont journalisées. Si une violation de données vous concernant survenait, nous la
        notifierions à la CNIL dans les 72 heures et vous en informerions lorsque la loi l’exige.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, les faire rectifier ou effacer, demander la limitation de leur
        utilisation, vous opposer à un traitement fondé sur notre intérêt légitime, et récupérer les données que
        vous nous avez fournies dans un format courant (portabilité).
      </p>
      <p>
        Pour exercer ces droits, écrivez-nous <ContactLine subject="Données personnelles" />. Nous vous répondrons
        dans un délai d’un mois. Nous pourrons vous demander de justifier de votre identité en cas de doute.
      </p>
      <p>
        Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
        réclamation à la Commission nationale de l’informatique et des libertés (CNIL) sur{" "}
        <a href="https://www.cnil.fr/fr/plaintes">cnil.fr</a> ou par courrier : CNIL, 3 place de Fontenoy, TSA
        80715, 75334 Paris Cedex 07.
      </p>
    </LegalPage>
  );
}
