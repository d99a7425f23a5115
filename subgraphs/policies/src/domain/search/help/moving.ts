// Help centre: moving house. A move is a change of the contract (PolicyChangeInput.move): priced like any change,
// it produces an avenant, supersedes the old address's attestation from its effective date and issues a new one.
import type { HelpArticle } from '../help-articles.ts';

export const MOVING_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'demenagement',
    title: 'Je change de logement : que devient mon contrat ?',
    keywords: ['déménagement', 'déménager', 'nouvelle adresse'],
    body: [
      'Prévenez-nous de votre nouvelle adresse et de la date de remise des clés : le contrat suit votre logement par un avenant.',
      'L’avenant précise le nouveau logement, la nouvelle cotisation et la date d’effet du changement.',
      'Vous pouvez aussi résilier votre contrat à cause du changement de domicile, dans les 3 mois qui suivent ; la résiliation prend effet un mois après réception de votre demande.',
      'Si vous devenez locataire, pensez à fournir une attestation pour le nouveau logement à votre bailleur.',
    ],
  },
  {
    slug: 'demenagement-date-effet',
    title: 'À partir de quand mon nouveau logement est-il assuré ?',
    body: [
      'Le changement d’adresse prend effet à la date que vous nous indiquez, en général celle de la remise des clés.',
      'Cette date peut être aujourd’hui ou plus tard, mais avant la prochaine date de renouvellement du contrat.',
      'À partir de cette date, le nouveau logement est assuré et l’ancien ne l’est plus.',
      'Si vous gardez l’ancien logement quelque temps, par exemple pour le vider, dites-le-nous avant la date d’effet.',
    ],
    related: ['demenagement', 'demenagement-attestation'],
  },
  {
    slug: 'demenagement-attestation',
    title: 'Après mon déménagement, quelle attestation donner ?',
    body: [
      'Dès que le changement d’adresse prend effet, une nouvelle attestation d’assurance est établie pour le nouveau logement et rejoint « Mes documents ».',
      'L’attestation de l’ancienne adresse cesse d’être valable à la date du déménagement.',
      'Si quelqu’un scanne son QR code, la page « Vérifier une attestation d’assurance » indique qu’elle a été remplacée après un déménagement, avec la date.',
      'Remettez donc la nouvelle attestation à votre nouveau bailleur ou à votre syndic.',
    ],
    related: ['verifier-attestation-qr-code', 'attestation-assurance-habitation'],
  },
  {
    slug: 'demenagement-cotisation',
    title: 'Ma cotisation change-t-elle quand je déménage ?',
    body: [
      'La cotisation dépend du logement : type, surface, nombre de pièces, commune, statut de propriétaire ou de locataire, résidence principale ou secondaire.',
      'Le nouveau prix vous est indiqué avant que le changement ne soit appliqué.',
      'La différence pour la période restant à courir est calculée au prorata et répartie sur vos prochaines échéances, visibles dans « Mes paiements › Prochaines échéances ».',
    ],
    related: ['hausse-cotisation', 'echeancier'],
  },
  {
    slug: 'demenagement-avenant',
    title: 'L’avenant de déménagement',
    body: [
      'Le changement d’adresse donne lieu à un avenant, signé électroniquement et disponible dans « Mes documents ».',
      'Il montre, avant et après, l’adresse, la surface, les pièces et la cotisation, ainsi que la date d’effet.',
      'De nouvelles conditions particulières sont établies pour cette version du contrat.',
      'L’« Historique du contrat », dans « Mon contrat », garde la trace de chaque version.',
    ],
    related: ['avenant-contrat', 'conditions-generales'],
  },
  {
    slug: 'demenagement-locataire-proprietaire',
    title: 'Je deviens propriétaire, ou je passe de propriétaire à locataire',
    body: [
      'Locataire, vous êtes tenu d’assurer au moins les risques locatifs et de remettre une attestation à votre bailleur chaque année.',
      'Propriétaire occupant, vous assurez aussi le bâtiment ; en copropriété, l’immeuble est couvert par l’assurance du syndicat, et votre contrat couvre votre lot et vos biens.',
      'Indiquez ce changement de statut avec votre nouvelle adresse : il change les garanties et la cotisation.',
    ],
    related: ['assurance-habitation-obligatoire', 'demenagement'],
  },
  {
    slug: 'demenagement-resilier',
    title: 'Résilier mon contrat parce que je déménage',
    body: [
      'Un déménagement vous permet de résilier votre contrat en cours d’année si le nouveau logement est assuré ailleurs.',
      'Envoyez votre demande dans les 3 mois qui suivent le déménagement, avec la date et la nouvelle adresse ; la résiliation prend effet un mois après sa réception.',
      'La part de cotisation correspondant à la période non couverte vous est remboursée.',
    ],
    related: ['remboursement-cotisation', 'resiliation-loi-hamon'],
  },
  {
    slug: 'demenagement-cartons-transport',
    title: 'Mes affaires sont-elles assurées pendant le déménagement ?',
    body: [
      'Votre contrat couvre vos biens dans le logement assuré : pendant le transport, c’est l’assurance du déménageur qui intervient s’il en a la charge.',
      'Si vous déménagez vous-même, un dommage causé à un tiers relève de votre responsabilité civile vie privée.',
      'Gardez les factures de vos objets de valeur : elles servent en cas de casse ou de vol.',
    ],
    related: ['responsabilite-civile', 'objets-de-valeur'],
  },
];
