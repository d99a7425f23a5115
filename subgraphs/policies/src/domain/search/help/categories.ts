// The help centre's categories, in the order the customer space lists them: each feature of the space, then the
// browsers, systems and devices it runs on. The slug is the category's address, `/aide/<slug>`.

export const HELP_CATEGORIES = [
  {
    key: 'SIGN_IN',
    slug: 'connexion-et-securite',
    title: 'Connexion et sécurité',
    description: 'Première connexion, mot de passe, double authentification, appareils connectés et alertes.',
  },
  {
    key: 'CONTRACT',
    slug: 'contrat-et-garanties',
    title: 'Contrat et modifications de garanties',
    description: 'Vos garanties, options, franchise, objets de valeur, travaux, renouvellement et résiliation.',
  },
  {
    key: 'MOVING',
    slug: 'demenager',
    title: 'Déménagement',
    description: 'Changer d’adresse, assurer le nouveau logement, l’attestation de la nouvelle adresse.',
  },
  {
    key: 'CLAIMS',
    slug: 'sinistres',
    title: 'Sinistres',
    description: 'Déclarer un sinistre, les bons réflexes, les pièces à fournir, le suivi et l’indemnisation.',
  },
  {
    key: 'PAYMENTS',
    slug: 'paiements-et-sepa',
    title: 'Paiements et prélèvements SEPA',
    description: 'Échéancier, jour de prélèvement, mandats SEPA, prélèvement refusé, paiement par carte.',
  },
  {
    key: 'DOCUMENTS',
    slug: 'documents-et-attestations',
    title: 'Documents et attestations',
    description: 'Attestation d’assurance et son QR code, certificat de garanties, avenants, conditions, relevé.',
  },
  {
    key: 'PRIVACY',
    slug: 'confidentialite-et-donnees',
    title: 'Confidentialité et mes données',
    description: 'Ce que nous gardons et pourquoi, vos droits, la copie et l’effacement de vos données.',
  },
  {
    key: 'NOTIFICATIONS',
    slug: 'notifications-et-application',
    title: 'Notifications et application installée',
    description: 'Installer l’espace client comme une application, recevoir et régler les notifications.',
  },
  {
    key: 'ASSISTANCE',
    slug: 'assistance-et-reclamations',
    title: 'Assistance et réclamations',
    description: 'L’option Assistance habitation, l’accès temporaire du support, réclamations et médiation.',
  },
  {
    key: 'BROWSERS',
    slug: 'navigateurs',
    title: 'Navigateurs',
    description: 'Chrome, Firefox, Safari et Edge : versions prises en charge, cache, cookies, PDF, navigation privée.',
  },
  {
    key: 'SYSTEMS',
    slug: 'systemes',
    title: 'Systèmes d’exploitation',
    description: 'Windows, macOS, Linux, ChromeOS, iOS, iPadOS et Android : installation, notifications, fichiers.',
  },
  {
    key: 'DEVICES',
    slug: 'telephones-et-tablettes',
    title: 'Téléphones et tablettes',
    description: 'iPhone, iPad, téléphones et tablettes Android : photos d’un sinistre, affichage, appareil perdu.',
  },
] as const;

export type HelpCategoryKey = (typeof HELP_CATEGORIES)[number]['key'];
export type HelpCategoryInfo = (typeof HELP_CATEGORIES)[number];
