import type { Metadata } from "next";
import { ContactLine } from "@/components/legal/contact-line";
import { LegalPage } from "@/components/legal/legal-page";

export const metadata: Metadata = { title: "Déclaration d’accessibilité" };

// RGAA 4.1: without a valid audit the only honest status is "non conforme"; it becomes
// "partiellement conforme" once an audit measures at least 50 % of criteria met.
export default function AccessibilityStatementPage() {
  return (
    <LegalPage
      title="Déclaration d’accessibilité"
      lead="Nous voulons que chacun, quel que soit son handicap ou son équipement, puisse utiliser la plateforme du label."
      updatedOn="22 novembre 2026"
    >
      <p>
        L’Association des Communes Cyber Dynamiques s’engage à rendre sa plateforme accessible, conformément à
        l’article 47 de la loi n° 2005-102 du 11 février 2005 et au référentiel général d’amélioration de
        l’accessibilité (RGAA).
      </p>
      <p>Cette déclaration d’accessibilité s’applique à la plateforme du label Commune Cyber Dynamique.</p>

      <h2>État de conformité</h2>
      <p>
        La plateforme du label Commune Cyber Dynamique est <strong>non conforme</strong> avec le RGAA version 4.1.2 :
        elle n’a pas encore fait l’objet d’un audit de conformité. Tant qu’aucun audit n’a mesuré le respect des
        critères, le référentiel impose cette mention, même si la plateforme est conçue pour être accessible.
      </p>

      <h2>Ce que nous faisons en attendant l’audit</h2>
      <ul>
        <li>La plateforme est conçue en suivant les critères du RGAA, dès la première page.</li>
        <li>
          Chaque évolution est vérifiée automatiquement avec l’outil axe-core (règles WCAG 2.1 niveaux A et AA) et
          par des parcours réalisés uniquement au clavier.
        </li>
        <li>Un audit complet, réalisé par un intervenant extérieur, est prévu. Cette page en publiera les résultats.</li>
      </ul>

      <h2>Contenus qui pourraient ne pas être accessibles</h2>
      <p>
        Faute d’audit, la liste des non-conformités n’est pas encore établie. Nous savons déjà que les documents
        produits par la plateforme, comme les certificats de label au format PDF, devront être vérifiés
        spécifiquement. Si l’un d’eux vous pose problème, demandez-le-nous sous une autre forme.
      </p>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 22 novembre 2026.</p>
      <h3>Technologies utilisées</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript et WAI-ARIA</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>
        Les vérifications automatiques et au clavier sont réalisées avec le navigateur Chromium, sur écran
        d’ordinateur (1280 pixels de large) et de téléphone (375 pixels de large).
      </p>

      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez-nous <ContactLine subject="Accessibilité" />.
        Décrivez-nous le problème rencontré et la page concernée : nous vous orienterons vers une solution ou vous
        transmettrons l’information sous une autre forme. Nous vous répondrons sous 15 jours ouvrés.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Cette procédure est à utiliser si vous avez signalé à l’association un défaut d’accessibilité qui vous
        empêche d’accéder à un contenu ou à un service de la plateforme, et que vous n’avez pas obtenu de réponse
        satisfaisante.
      </p>
      <p>Vous pouvez :</p>
      <ul>
        <li>
          écrire un message au Défenseur des droits, avec le{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;
        </li>
        <li>
          contacter{" "}
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du Défenseur des droits dans votre région</a>{" "}
          ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :
          <br />
          Défenseur des droits
          <br />
          Libre réponse 71120
          <br />
          75342 Paris CEDEX 07
        </li>
      </ul>
    </LegalPage>
  );
}
