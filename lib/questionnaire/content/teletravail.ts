// T — Télétravail sécurisé: working away from the office without opening a door to attackers.
import { ALL_SIZES, COMMUNES_AND_EPCI, FROM_1000, FROM_10000, FROM_3500 } from "./audience";
import type { MeasureContent, ThemeContent } from "./types";

export const theme: ThemeContent = {
  key: "teletravail",
  title: "Télétravail sécurisé",
  description:
    "Travailler hors des locaux sans ouvrir de porte aux attaquants : accès à distance protégés, interventions du prestataire encadrées, appareils mobiles et matériel maîtrisés.",
  questions: [
    {
      key: "teletravail.acces-distance",
      text: "Comment se connecte-t-on depuis l'extérieur aux ordinateurs ou aux fichiers de la collectivité ?",
      help: "Un bureau à distance (RDP) ou un partage de fichiers ouvert directement sur internet est la première porte d'entrée des rançongiciels. Un accès à distance doit passer par un tunnel chiffré (VPN) ou un service protégé par une double authentification.",
      weight: 3,
      sizeBands: ALL_SIZES,
      territoryKinds: COMMUNES_AND_EPCI,
      options: [
        { key: "ouvert-sur-internet", label: "Par un bureau à distance ou un partage de fichiers ouvert directement sur internet", score: 0 },
        { key: "outil-sans-regles", label: "Par un logiciel de prise en main à distance installé sans règles particulières", score: 1 },
        { key: "vpn-mot-de-passe", label: "Par un VPN protégé seulement par un mot de passe", score: 2 },
        { key: "protege", label: "Par un VPN ou un service protégé par une double authentification, ou personne ne se connecte de l'extérieur", score: 3 },
      ],
      measureKeys: ["securiser-acces-distance"],
    },
    {
      key: "teletravail.prise-en-main-distance",
      text: "Quand le prestataire intervient à distance sur un poste, l'accès n'est-il ouvert que le temps de l'intervention ?",
      help: "Les logiciels de prise en main à distance (TeamViewer, AnyDesk et d'autres) laissés actifs en permanence avec un mot de passe fixe sont régulièrement utilisés par des escrocs, notamment les faux supports techniques.",
      weight: 2,
      sizeBands: FROM_1000,
      territoryKinds: COMMUNES_AND_EPCI,
      options: [
        { key: "permanent", label: "Non, l'accès reste ouvert en permanence", score: 0 },
        { key: "permanent-protege", label: "L'accès reste installé, mais protégé par un mot de passe solide", score: 1 },
        { key: "a-la-demande", label: "Oui : l'agent ouvre l'accès à la demande, avec un code à usage unique, puis le referme (ou le prestataire n'intervient jamais à distance)", score: 3 },
      ],
      measureKeys: ["encadrer-prise-en-main-distance"],
    },
    {
      key: "teletravail.double-authentification",
      text: "Les accès à distance au réseau et les accès d'administration (prestataire, serveurs, pare-feu) exigent-ils une double authentification ?",
      help: "Un mot de passe d'accès à distance peut être volé par hameçonnage ou deviné. Avec la double authentification, ce mot de passe seul ne suffit plus. C'est essentiel pour les comptes qui ont des droits étendus, comme ceux du prestataire.",
      weight: 3,
      sizeBands: FROM_3500,
      territoryKinds: COMMUNES_AND_EPCI,
      options: [
        { key: "non", label: "Non", score: 0 },
        { key: "certains", label: "Pour certains accès", score: 1 },
        { key: "tous", label: "Oui, pour tous, y compris les comptes du prestataire", score: 3 },
      ],
      measureKeys: ["securiser-acces-distance", "activer-double-authentification"],
    },
    {
      key: "teletravail.appareils-mobiles",
      text: "Les ordinateurs portables et les téléphones qui contiennent des données de la collectivité sont-ils protégés en cas de perte ou de vol ?",
      help: "Un portable ou un téléphone oublié dans un train donne accès aux courriels, aux dossiers et parfois au réseau. Un disque chiffré, un écran verrouillé par un code et la possibilité d'effacer l'appareil à distance rendent ces données illisibles pour celui qui le trouve.",
      weight: 2,
      sizeBands: FROM_10000,
      territoryKinds: COMMUNES_AND_EPCI,
      options: [
        { key: "non", label: "Non", score: 0 },
        { key: "code", label: "Un code de verrouillage, sans plus", score: 1 },
        { key: "code-chiffrement", label: "Code et chiffrement, mais pas d'effacement à distance", score: 2 },
        { key: "complet", label: "Code, chiffrement et effacement à distance possible, pour tous les appareils", score: 3 },
      ],
      measureKeys: ["proteger-appareils-mobiles"],
    },
    {
      key: "teletravail.materiel",
      text: "Les personnes en télétravail utilisent-elles du matériel fourni et géré par la collectivité, avec des règles écrites ?",
      help: "Un ordinateur personnel, partagé avec la famille et rarement mis à jour, peut transmettre un virus au réseau de la collectivité ou laisser des documents dans la nature. Un poste fourni et géré bénéficie des mêmes protections qu'au bureau.",
      weight: 2,
      sizeBands: FROM_10000,
      territoryKinds: COMMUNES_AND_EPCI,
      options: [
        { key: "personnel", label: "Non, chacun utilise son ordinateur personnel", score: 0 },
        { key: "certains", label: "Certains seulement", score: 1 },
        { key: "fourni-sans-regles", label: "Oui, le matériel est fourni, mais il n'y a pas de règles écrites", score: 2 },
        { key: "fourni-et-regles", label: "Oui, toujours, avec des règles écrites (ou personne ne télétravaille)", score: 3 },
      ],
      measureKeys: ["fournir-materiel-teletravail"],
    },
  ],
};

export const measures: MeasureContent[] = [
  {
    key: "securiser-acces-distance",
    title: "Sécuriser les accès à distance",
    why: "Les accès à distance mal protégés sont la première porte d'entrée des rançongiciels dans les collectivités.",
    how: "Fermez tout bureau à distance (RDP) ou partage de fichiers ouvert directement sur internet. Faites passer les connexions par un VPN ou une passerelle sécurisée, avec double authentification et un compte par personne. Tenez la liste des personnes autorisées et retirez les accès qui ne servent plus.",
    effort: "MEDIUM",
    cost: "LOW",
  },
  {
    key: "encadrer-prise-en-main-distance",
    title: "Encadrer la prise en main à distance",
    why: "Un outil de prise en main laissé ouvert permet à quiconque connaît son code de contrôler le poste.",
    how: "Demandez au prestataire un outil qui exige, à chaque intervention, l'accord de l'agent et un code à usage unique. Désinstallez les outils inutilisés, et rappelez qu'on n'accepte jamais une prise en main demandée par un appel ou un message inattendu.",
    effort: "LOW",
    cost: "NONE",
  },
  {
    key: "proteger-appareils-mobiles",
    title: "Protéger les portables et les téléphones",
    why: "La perte ou le vol d'un appareil ne doit pas devenir une fuite de données.",
    how: "Activez le chiffrement du disque des portables (BitLocker, fourni avec les éditions professionnelles de Windows), un code de verrouillage sur tous les téléphones et tablettes, et leurs mises à jour automatiques. Rangez les clés de récupération en lieu sûr et activez la localisation et l'effacement à distance.",
    effort: "LOW",
    cost: "NONE",
  },
  {
    key: "fournir-materiel-teletravail",
    title: "Fournir et gérer le matériel de télétravail",
    why: "Un ordinateur personnel échappe aux protections de la collectivité et mélange usages privés et professionnels.",
    how: "Fournissez aux personnes en télétravail un portable géré (mises à jour, antivirus, chiffrement, VPN). Écrivez des règles simples : pas de wifi public sans VPN, écran verrouillé dès qu'on s'absente, appareil jamais prêté, documents papier rangés. Ajoutez-les à la charte informatique.",
    effort: "MEDIUM",
    cost: "HIGH",
  },
];
