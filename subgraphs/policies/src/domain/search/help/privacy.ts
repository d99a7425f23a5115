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
      'Vous pouvez corriger vous-même vos coordonnées dans Mon compte › Informations personnelles.',
      'Pour un changement de nom ou de date de naissance, joignez un justificatif à votre demande depuis la messagerie de votre espace.',
      'C’est votre droit de rectification : nous appliquons la correction dans un délai d’un mois au plus.',
    ],
  },
  {
    slug: 'exporter-mes-donnees',
    title: 'Obtenir une copie de mes données',
    body: [
      'Dans Mon compte › Confidentialité, demandez l’export de vos données.',
      'Vous recevez un fichier lisible par machine (JSON et CSV) contenant vos informations, vos contrats, vos paiements et vos sinistres.',
      'C’est à la fois votre droit d’accès et votre droit à la portabilité : vous pouvez transmettre ce fichier à un autre organisme.',
      'Le fichier est prêt en quelques minutes en général, et au plus tard un mois après votre demande.',
    ],
  },
  {
    slug: 'supprimer-mon-compte',
    title: 'Fermer mon compte et faire effacer mes données',
    body: [
      'Vous pouvez demander la fermeture de votre espace client et l’effacement de vos données depuis Mon compte › Confidentialité.',
      'Les données liées à un contrat en cours ou à un sinistre non réglé ne peuvent pas être effacées tant que nous en avons besoin.',
      'Celles que la loi nous oblige à garder sont conservées à part, avec un accès restreint, jusqu’à la fin du délai légal.',
      'Tout le reste est effacé, et nous vous confirmons la suppression par e-mail.',
    ],
  },
  {
    slug: 'contacter-dpo',
    title: 'Contacter notre délégué à la protection des données',
    body: [
      'Pour toute question sur l’utilisation de vos données personnelles, écrivez à notre délégué à la protection des données (DPO) depuis Mon compte › Confidentialité ou par courrier à notre siège.',
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
      'Dans Mon compte › Préférences, décochez les offres commerciales par e-mail, SMS ou courrier.',
      'Chaque e-mail promotionnel contient aussi un lien de désinscription.',
      'Les messages liés à votre contrat, comme un avis d’échéance ou le suivi d’un sinistre, continuent de vous parvenir.',
    ],
  },
];
