// Help centre: personal data and the rights the GDPR gives customers.
import type { HelpArticle } from '../help-articles.ts';

export const PRIVACY_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'donnees-conservees',
    title: 'Quelles informations gardons-nous sur vous, et pourquoi ?',
    body: [
      'Nous conservons votre identité, vos coordonnées, la description de votre logement, vos contrats, vos paiements et vos sinistres, ainsi que l’historique de vos connexions.',
      'Ces données servent à gérer votre contrat et vos sinistres, à respecter nos obligations légales, comme la lutte contre la fraude, et à sécuriser votre compte.',
      'Elles ne sont jamais vendues.',
      'La liste détaillée, service par service, avec la raison et la durée de conservation, est dans « Mon compte et sécurité › Mes données › Ce que nous conservons ».',
      'Seuls les collaborateurs et prestataires qui en ont besoin, comme un expert mandaté, y ont accès.',
    ],
  },
  {
    slug: 'duree-conservation-donnees',
    title: 'Combien de temps vos données sont-elles conservées ?',
    body: [
      'Les données de votre contrat sont conservées pendant toute sa durée, puis pendant les délais de prescription prévus par la loi, qui permettent de traiter une réclamation tardive.',
      'Les pièces comptables sont gardées 10 ans, comme l’exige le Code de commerce.',
      'L’historique des connexions est conservé un an pour la sécurité de votre compte.',
      'À l’issue de ces durées, les données sont supprimées ou rendues anonymes.',
    ],
  },
  {
    slug: 'rectifier-informations-personnelles',
    title: 'Corriger une information personnelle inexacte',
    body: [
      'Vous pouvez corriger vous-même votre prénom, votre nom et votre numéro de mobile dans « Mon compte et sécurité › Mes informations ».',
      'Pour une autre information, comme votre date de naissance, écrivez-nous en joignant un justificatif.',
      'C’est votre droit de rectification : nous appliquons la correction dans un délai d’un mois au plus.',
    ],
  },
  {
    slug: 'exporter-mes-donnees',
    title: 'Obtenir une copie de mes données',
    body: [
      'Dans « Mon compte et sécurité › Mes données › Une copie de vos données », touchez « Demander une copie de mes données » ; vous pouvez aussi écrire à notre délégué à la protection des données.',
      'Nous rassemblons votre compte, vos contrats, vos sinistres, vos paiements et les documents émis dans une archive ZIP, avec des fichiers JSON et CSV lisibles par d’autres services.',
      'Un e-mail vous prévient quand l’archive est prête ; elle reste téléchargeable 7 jours, puis elle est supprimée et vous pouvez en demander une nouvelle.',
      'C’est à la fois votre droit d’accès et votre droit à la portabilité : vous pouvez transmettre ces fichiers à un autre organisme.',
    ],
    keywords: ['copie', 'export', 'portabilité', 'droit d’accès', 'zip'],
    related: ['donnees-conservees', 'supprimer-mon-compte'],
  },
  {
    slug: 'supprimer-mon-compte',
    title: 'Fermer mon compte et faire effacer mes données',
    body: [
      'Ouvrez « Mon compte et sécurité › Mes données › Effacer mes données » : l’écran montre d’abord ce qui serait supprimé dès votre demande, et ce qui serait conservé puis supprimé au terme que la loi fixe.',
      'S’il reste un contrat en cours ou un sinistre non réglé, l’écran le dit : une fois ces points réglés, vous pourrez demander l’effacement.',
      'Sinon, confirmez que vous avez compris que votre compte sera fermé, puis touchez « Demander l’effacement de mes données » ; l’écran suit ensuite l’état de votre demande.',
      'Ce que la loi nous oblige à garder, comme les contrats et sinistres pendant la prescription ou les pièces comptables 10 ans, est conservé jusqu’à la fin du délai légal.',
      'Vous pouvez aussi écrire à notre délégué à la protection des données.',
    ],
    keywords: ['effacement', 'droit à l’oubli', 'fermer mon compte', 'supprimer mes données'],
    related: ['duree-conservation-donnees', 'exporter-mes-donnees'],
  },
  {
    slug: 'contacter-dpo',
    title: 'Contacter notre délégué à la protection des données',
    body: [
      'Pour toute question sur l’utilisation de vos données personnelles, écrivez à notre délégué à la protection des données (DPO) par courrier à notre siège social, dont l’adresse figure sur chacun de vos documents.',
      'Précisez votre demande et votre numéro de contrat.',
      'Il vous répond dans un délai d’un mois, qui peut être prolongé de deux mois pour une demande complexe ; vous en êtes alors informé.',
    ],
  },
  {
    slug: 'reclamation-cnil',
    title: 'Saisir la CNIL',
    body: [
      'Si vous estimez que vos droits sur vos données ne sont pas respectés, vous pouvez déposer une réclamation auprès de la CNIL, l’autorité française de protection des données.',
      'La démarche se fait en ligne sur le site de la CNIL.',
      'Nous vous conseillons d’écrire d’abord à notre délégué à la protection des données : la plupart des difficultés se règlent ainsi plus vite.',
    ],
  },
  {
    slug: 'offres-commerciales',
    title: 'Ne plus recevoir d’offres commerciales',
    body: [
      'Dans « Mon compte et sécurité › Mes données › Vos consentements », décochez les offres d’Abri ou celles de ses partenaires : votre choix est enregistré aussitôt.',
      'Chaque e-mail promotionnel contient aussi un lien de désinscription.',
      'Les messages liés à votre contrat, comme un avis d’échéance ou le suivi d’un sinistre, continuent de vous parvenir.',
    ],
  },
  {
    slug: 'donnees-chiffrees',
    title: 'Comment mes données sensibles sont-elles protégées ?',
    body: [
      'Vos données les plus sensibles, comme votre IBAN, votre numéro de téléphone et votre date de naissance, sont chiffrées dans nos bases.',
      'Nous ne gardons jamais le numéro de votre carte bancaire : seulement ses quatre derniers chiffres et une référence de notre prestataire de paiement.',
      'Les échanges entre votre appareil et l’espace client sont chiffrés.',
    ],
    keywords: ['chiffrement', 'carte bancaire'],
    related: ['donnees-conservees', 'mandat-sepa'],
  },
  {
    slug: 'consentements',
    title: 'Les accords que vous pouvez donner ou retirer',
    body: [
      'Trois usages dépendent de votre accord : nos offres et actualités par e-mail, les offres de nos partenaires, et les alertes de connexion par SMS.',
      'Cochez ou décochez chacun dans « Mon compte et sécurité › Mes données › Vos consentements » : le choix est enregistré aussitôt, avec sa date, et vous pouvez le changer à tout moment ; retirer un accord ne change rien à votre contrat.',
      'Sans votre accord, nous ne transmettons pas vos coordonnées à nos partenaires.',
    ],
    keywords: ['consentement', 'accord', 'partenaires', 'sms'],
    related: ['offres-commerciales', 'donnees-conservees'],
  },
  {
    slug: 'journal-acces-personnel',
    title: 'Savoir qui, chez nous, a consulté mon dossier',
    body: [
      'Chaque consultation de votre dossier par un membre de notre personnel est enregistrée, avec la date et ce qui a été consulté.',
      'Vous le lisez vous-même dans « Mon compte et sécurité › Mes données › Qui a consulté mon dossier ».',
      'Un conseiller du support ne voit votre dossier que pendant l’accès que vous lui avez accordé.',
    ],
    keywords: ['journal', 'consultation', 'personnel', 'qui a vu'],
    related: ['acces-support-temporaire', 'exporter-mes-donnees'],
  },
  {
    slug: 'mes-donnees-ecran',
    title: 'Où voir et gérer mes données personnelles ?',
    body: [
      'Dans « Mon compte et sécurité », la rubrique « Mes données » mène, par « Voir et gérer mes données », à un écran qui réunit vos droits sans courrier à écrire.',
      'Vous y trouvez « Ce que nous conservons », « Vos consentements », « Une copie de vos données », « Qui a consulté mon dossier », « Assistance à distance » et « Effacer mes données ».',
      'Pour corriger votre nom ou votre numéro de mobile, passez plutôt par « Mon compte et sécurité › Mes informations ».',
    ],
    keywords: ['rgpd', 'mes données', 'données personnelles', 'vie privée'],
    related: ['donnees-conservees', 'exporter-mes-donnees', 'supprimer-mon-compte', 'consentements'],
  },
];
