// Help centre: paying the premium. The unpaid-premium steps are those of article L113-3 of the Code des assurances.
import type { HelpArticle } from '../help-articles.ts';

export const PAYMENT_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'paiement-mensuel-ou-annuel',
    title: 'Payer ma cotisation au mois ou à l’année',
    body: [
      'Vous pouvez régler votre cotisation en une fois par an ou en 12 mensualités prélevées sur votre compte.',
      'Le paiement mensuel n’entraîne pas de frais supplémentaires.',
      'Vous changez de rythme dans Mes paiements ; le changement s’applique à partir de la prochaine échéance et un nouvel échéancier vous est adressé.',
    ],
  },
  {
    slug: 'changer-date-prelevement',
    title: 'Modifier la date de mes prélèvements',
    body: [
      'Choisissez le jour qui vous convient, du 1er au 28 du mois, dans Mes paiements › Jour de prélèvement.',
      'Les 29, 30 et 31 ne sont pas proposés parce qu’ils n’existent pas tous les mois.',
      'Le nouveau jour s’applique au prochain prélèvement qui n’a pas encore été transmis à votre banque, sinon au suivant.',
      'Votre échéancier mis à jour est disponible dans Mes documents.',
    ],
  },
  {
    slug: 'changer-iban',
    title: 'Changer de compte bancaire pour mes prélèvements',
    body: [
      'Dans Mes paiements › Coordonnées bancaires, saisissez votre nouvel IBAN et le nom du titulaire du compte.',
      'Nous vérifions le format et la clé de contrôle de l’IBAN avant de l’enregistrer.',
      'Vous signez alors électroniquement un nouveau mandat de prélèvement SEPA, qui remplace le précédent.',
      'Gardez l’ancien compte ouvert jusqu’au premier prélèvement sur le nouveau.',
      'Ce compte sert aussi au versement de vos indemnités, sauf si vous en indiquez un autre.',
    ],
  },
  {
    slug: 'mandat-sepa',
    title: 'Le mandat de prélèvement SEPA',
    body: [
      'Le mandat SEPA est l’autorisation que vous nous donnez de prélever votre cotisation sur votre compte.',
      'Il porte une référence unique de mandat (RUM), indiquée sur votre échéancier et sur vos relevés bancaires.',
      'Vous pouvez demander à votre banque le remboursement d’un prélèvement autorisé pendant 8 semaines, mais la cotisation reste due.',
      'Un nouveau mandat est signé à chaque changement de compte.',
    ],
  },
  {
    slug: 'prelevement-rejete',
    title: 'Que se passe-t-il si un prélèvement est rejeté ?',
    body: [
      'Si votre banque rejette un prélèvement, nous vous prévenons par e-mail et vous pouvez régulariser tout de suite par carte bancaire depuis Mes paiements.',
      'Faute de paiement dans les 10 jours suivant l’échéance, nous vous adressons une mise en demeure par lettre recommandée.',
      'Trente jours après cette mise en demeure, vos garanties sont suspendues ; 10 jours plus tard, le contrat peut être résilié (article L113-3 du Code des assurances).',
      'Un paiement avant la résiliation remet les garanties en vigueur le lendemain à midi.',
      'Les frais de rejet facturés par votre banque restent à votre charge.',
    ],
  },
  {
    slug: 'payer-par-carte',
    title: 'Régler par carte bancaire',
    body: [
      'Vous pouvez payer une cotisation annuelle ou une mensualité en retard par carte bancaire, depuis Mes paiements.',
      'Le paiement passe par la page sécurisée de notre banque et peut vous demander une validation dans l’application de votre propre banque.',
      'Nous ne conservons pas le numéro complet de votre carte.',
      'Un reçu vous est envoyé par e-mail dès la confirmation.',
    ],
  },
  {
    slug: 'attestation-de-paiement',
    title: 'Obtenir une attestation de paiement',
    body: [
      'L’attestation de paiement indique les cotisations que vous avez réglées sur une période donnée.',
      'Elle peut vous être demandée par un organisme, un employeur ou pour votre comptabilité.',
      'Téléchargez-la dans Mes paiements en choisissant l’année ou les dates voulues.',
    ],
  },
  {
    slug: 'echeancier',
    title: 'Mon échéancier et mon avis d’échéance',
    body: [
      'L’échéancier liste la date et le montant de chaque prélèvement de l’année.',
      'L’avis d’échéance vous est envoyé avant la date anniversaire du contrat : il indique la cotisation de l’année suivante et la date limite pour résilier.',
      'Les deux documents se trouvent dans Mes documents.',
      'Un nouvel échéancier est émis à chaque changement de cotisation, de jour de prélèvement ou de rythme de paiement.',
    ],
  },
  {
    slug: 'hausse-cotisation',
    title: 'Pourquoi ma cotisation a-t-elle changé ?',
    body: [
      'Chaque année, la cotisation suit un indice du coût de la construction, comme les montants garantis.',
      'Elle change aussi quand vous modifiez vos garanties, votre franchise ou votre logement.',
      'Une partie dépend de l’État : taxes sur les contrats d’assurance et surprime catastrophes naturelles.',
      'Le détail figure sur votre avis d’échéance ; si la hausse ne vous convient pas, vous pouvez résilier dans les conditions qui y sont rappelées.',
    ],
  },
  {
    slug: 'remboursement-cotisation',
    title: 'Remboursement de cotisation après une résiliation',
    body: [
      'Quand votre contrat prend fin en cours d’année, la part de cotisation correspondant à la période non couverte vous est remboursée.',
      'Le remboursement est fait par virement dans les 30 jours suivant la date de fin du contrat.',
      'Si vous payez au mois, les prélèvements s’arrêtent simplement à la date de fin.',
    ],
  },
];
