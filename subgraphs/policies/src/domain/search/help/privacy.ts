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
      'Vous pouvez corriger vous-même vos coordonnées dans « Mon compte et sécurité › Mes informations ».',
      'Pour un changement de nom ou de date de naissance, joignez un justificatif à votre demande depuis la messagerie de votre espace.',
      'C’est votre droit de rectification : nous appliquons la correction dans un délai d’un mois au plus.',
    ],
  },
  {
    slug: 'exporter-mes-donnees',
    title: 'Obtenir une copie de mes données',
    body: [
      'Demandez la copie de vos données depuis votre espace client ou par écrit à notre délégué à la protection des données.',
      'Vous recevez un fichier lisible par machine (JSON et CSV) contenant vos informations, vos contrats, vos paiements et vos sinistres.',
      'C’est à la fois votre droit d’accès et votre droit à la portabilité : vous pouvez transmettre ce fichier à un autre organisme.',
      'Le fichier est prêt en quelques minutes en général, et au plus tard un mois après votre demande.',
    ],
  },
  {
    slug: 'supprimer-mon-compte',
    title: 'Fermer mon compte et faire effacer mes données',
    body: [
      'Vous pouvez demander la fermeture de votre espace client et l’effacement de vos données depuis votre espace client ou par écrit à notre délégué à la protection des données.',
      'Les données liées à un contrat en cours ou à un sinistre non réglé ne peuvent pas être effacées tant que nous en avons besoin.',
      'Celles que la loi nous oblige à garder sont conservées à part, avec un accès restreint, jusqu’à la fin du délai légal.',
      'Tout le reste est effacé, et nous vous confirmons la suppression par e-mail.',
    ],
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
      'Chaque e-mail commercial contient un lien de désinscription, et vous pouvez retirer votre accord aux offres d’Abri ou de ses partenaires à tout moment depuis votre espace client.',
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
      'Vous pouvez donner ou retirer chacun à tout moment ; retirer un accord ne change rien à votre contrat.',
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
      'Ce journal fait partie des informations que vous pouvez nous demander.',
      'Un conseiller du support ne voit votre dossier que pendant l’accès que vous lui avez accordé.',
    ],
    keywords: ['journal', 'consultation', 'personnel', 'qui a vu'],
    related: ['acces-support-temporaire', 'exporter-mes-donnees'],
  },
];
