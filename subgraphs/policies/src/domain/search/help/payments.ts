// Help centre: paying the premium. The unpaid-premium steps are those of article L113-3 of the Code des assurances.
import type { HelpArticle } from '../help-articles.ts';

export const PAYMENT_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'paiement-mensuel-ou-annuel',
    title: 'Payer ma cotisation au mois ou à l’année',
    body: [
      'Vous pouvez régler votre cotisation en une fois par an ou en 12 mensualités prélevées sur votre compte.',
      'Le paiement mensuel n’entraîne pas de frais supplémentaires.',
      'Pour changer de rythme, contactez-nous : le changement s’applique à partir de la prochaine échéance et votre nouvel échéancier apparaît dans « Mes paiements › Prochaines échéances ».',
    ],
  },
  {
    slug: 'changer-date-prelevement',
    title: 'Modifier la date de mes prélèvements',
    body: [
      'Choisissez le jour qui vous convient, du 1er au 28 du mois, dans « Mes paiements › Nouveau jour de prélèvement ».',
      'Les 29, 30 et 31 ne sont pas proposés parce qu’ils n’existent pas tous les mois.',
      'Le nouveau jour s’applique au prochain prélèvement qui n’a pas encore été transmis à votre banque, sinon au suivant.',
      'Votre échéancier mis à jour est disponible dans Mes documents.',
    ],
  },
  {
    slug: 'changer-iban',
    title: 'Changer de compte bancaire pour mes prélèvements',
    body: [
      'Dans « Mes paiements › Nouveau mandat de prélèvement SEPA », saisissez votre nouvel IBAN et le nom du titulaire du compte.',
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
      'Si votre banque rejette un prélèvement, nous vous prévenons par e-mail et vous pouvez régulariser tout de suite depuis « Mes paiements › Prélèvement refusé ».',
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
      'Vous pouvez payer une cotisation annuelle ou une mensualité en retard par carte bancaire enregistrée, avec « Payer maintenant » dans « Mes paiements › Prélèvement refusé ».',
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
      'Téléchargez-la dans « Mes paiements › Historique des paiements » en choisissant l’année : c’est le lien « Attestation de paiement » suivi de l’année.',
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
    keywords: ['plus cher', 'augmentation', 'hausse'],
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
  {
    slug: 'representer-prelevement',
    title: 'Faire représenter un prélèvement refusé',
    body: [
      'Après un refus de votre banque, vous pouvez choisir le jour où le prélèvement sera présenté à nouveau, avec « Représenter le prélèvement ».',
      'Ce jour doit précéder la date de suspension des garanties indiquée dans « Mes paiements › Prélèvement refusé ».',
      'Ce choix n’est pas proposé quand le motif du refus rendrait un nouveau prélèvement inutile, comme un compte clos ou un mandat révoqué.',
    ],
    keywords: ['représenter', 'nouvelle présentation', 'reprélever'],
    related: ['prelevement-rejete', 'payer-par-carte'],
  },
  {
    slug: 'motifs-rejet-prelevement',
    title: 'Les motifs de rejet d’un prélèvement',
    body: [
      'Votre banque indique un code motif quand elle refuse un prélèvement ; nous vous l’expliquons dans « Mes paiements › Prélèvement refusé ».',
      'AM04 signifie une provision insuffisante, AC04 un compte clos, MD01 l’absence de mandat, MS02 un refus de votre part auprès de la banque.',
      'Selon le motif, nous proposons de payer maintenant, de représenter le prélèvement ou de changer de moyen de paiement.',
    ],
    keywords: ['AM04', 'AC04', 'MD01', 'MS02', 'code motif', 'rejet'],
    related: ['prelevement-rejete', 'representer-prelevement'],
  },
  {
    slug: 'impaye-suspension-resiliation',
    title: 'Impayé : mise en demeure, suspension puis résiliation',
    body: [
      'Faute de paiement d’une échéance, une mise en demeure vous est adressée.',
      'Les garanties sont suspendues 30 jours après cette mise en demeure si rien n’est réglé, puis le contrat peut être résilié 10 jours plus tard.',
      'Payer l’arriéré avant ces dates arrête la procédure ; après une suspension, les garanties reprennent le lendemain du paiement à midi.',
    ],
    keywords: ['impayé', 'ne pas payer', 'non-paiement', 'mise en demeure'],
    related: ['prelevement-rejete', 'representer-prelevement'],
  },
  {
    slug: 'plusieurs-mandats',
    title: 'Gérer plusieurs comptes de prélèvement',
    body: [
      'Vous pouvez enregistrer plusieurs mandats SEPA dans « Mes paiements › Moyens de paiement » et choisir celui qui sert par défaut.',
      'Un même IBAN ne peut être enregistré qu’une fois.',
      'Le retrait d’un moyen de paiement vous demande de confirmer votre mot de passe si votre dernière connexion date un peu.',
    ],
    keywords: ['mandat', 'par défaut'],
    related: ['mandat-sepa', 'changer-iban'],
  },
  {
    slug: 'historique-paiements',
    title: 'Retrouver un paiement des années passées',
    body: [
      '« Mes paiements › Historique des paiements » remonte jusqu’à 10 ans : choisissez l’année pour voir chaque paiement, sa date, son montant et sa référence.',
      'Les prélèvements refusés et les remboursements y apparaissent aussi.',
      'La recherche de l’espace client retrouve une année ou une référence de paiement.',
    ],
    keywords: ['historique', 'anciens paiements', 'année'],
    related: ['attestation-de-paiement', 'echeancier'],
  },
];
