// Help centre: living with the contract (changes, moving house, valuables, works, renewal, termination).
import type { HelpArticle } from '../help-articles.ts';

export const CONTRACT_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'modifier-garanties',
    title: 'Ajouter ou retirer une garantie',
    body: [
      'Dans « Mon contrat › Modifier ma couverture », ajoutez ou retirez une option : le nouveau prix s’affiche avant que vous ne confirmiez.',
      'La nouvelle cotisation s’affiche avant toute validation.',
      'Après confirmation, un avenant est émis et la modification prend effet le lendemain.',
      'Les garanties Tempête, Catastrophes naturelles et Attentats sont liées par la loi à la garantie Incendie et ne peuvent pas être retirées seules.',
    ],
  },
  {
    slug: 'objets-de-valeur',
    title: 'Assurer mes bijoux et objets de valeur',
    body: [
      'Bijoux, tableaux, montres ou collections dont la valeur dépasse le seuil fixé par vos conditions particulières doivent être déclarés pour être couverts à leur valeur.',
      'Avec l’option Objets de valeur, déclarez leur valeur totale dans « Mon contrat › Modifier ma couverture » ; gardez factures, certificats d’expertise ou photos.',
      'Selon leur montant, une cotisation complémentaire ou des moyens de protection, comme un coffre-fort, peuvent être demandés.',
      'Conservez les justificatifs ailleurs que chez vous, par exemple dans votre espace client.',
    ],
  },
  {
    slug: 'travaux-logement',
    title: 'Faire des travaux dans mon logement',
    body: [
      'Une extension, une véranda, l’aménagement des combles ou une piscine modifient le risque assuré : signalez-les-nous avant la fin des travaux, car la surface et le nombre de pièces déclarés entrent dans le calcul de la cotisation.',
      'La loi vous demande de déclarer ce type de changement dans les 15 jours où vous en avez connaissance.',
      'Nous ajustons alors la surface, le nombre de pièces et la cotisation par avenant.',
      'Vérifiez que les entreprises qui interviennent ont une assurance décennale, et pour de gros travaux de construction, renseignez-vous sur l’assurance dommages-ouvrage.',
    ],
  },
  {
    slug: 'choisir-franchise',
    title: 'Choisir le montant de ma franchise',
    body: [
      'La franchise est la part des dommages qui reste à votre charge à chaque sinistre.',
      'Vous pouvez la modifier dans « Mon contrat › Modifier ma couverture » (150, 300 ou 500 €) : une franchise plus élevée fait baisser la cotisation.',
      'La franchise des catastrophes naturelles est fixée par la loi et ne peut pas être modifiée.',
      'Le changement prend effet par avenant et ne s’applique qu’aux sinistres survenus après sa date d’effet.',
    ],
  },
  {
    slug: 'plafond-garantie',
    title: 'Que signifie le plafond d’une garantie ?',
    body: [
      'Le plafond est le montant maximum que nous versons pour un même sinistre au titre d’une garantie.',
      'Chaque garantie a le sien, indiqué dans votre certificat de garanties et dans vos conditions particulières.',
      'Certains biens ont un plafond propre plus bas, par exemple les objets de valeur ou les espèces.',
      'Si vos biens ont pris de la valeur, augmentez le capital assuré dans « Mon contrat › Modifier ma couverture ».',
    ],
  },
  {
    slug: 'resiliation-loi-hamon',
    title: 'Résilier mon contrat après la première année',
    body: [
      'Après un an de contrat, vous pouvez y mettre fin à tout moment, sans frais ni motif : c’est la loi Hamon.',
      'La résiliation prend effet un mois après que nous avons reçu votre demande.',
      'Envoyez-nous votre demande par lettre ou par e-mail, ou laissez votre nouvel assureur s’en charger ; pour un logement loué, c’est lui qui fait la démarche afin que vous restiez assuré sans interruption.',
      'La part de cotisation payée pour la période après la fin du contrat vous est remboursée.',
    ],
  },
  {
    slug: 'renouvellement-contrat',
    title: 'Le renouvellement de mon contrat chaque année',
    body: [
      'Votre contrat se renouvelle automatiquement chaque année à sa date anniversaire.',
      'Votre avis d’échéance rappelle la date limite pour vous y opposer.',
      'S’il vous parvient moins de 15 jours avant cette date, ou après, vous disposez de 20 jours à partir de son envoi pour résilier : c’est la loi Chatel.',
      'Après la première année, vous pouvez de toute façon résilier à tout moment.',
    ],
  },
  {
    slug: 'assurance-habitation-obligatoire',
    title: 'L’assurance habitation est-elle obligatoire ?',
    body: [
      'Un locataire doit assurer son logement au moins contre les risques locatifs (incendie, explosion, dégât des eaux) et en justifier chaque année auprès de son bailleur.',
      'Un copropriétaire doit être assuré en responsabilité civile.',
      'Le propriétaire qui habite sa maison individuelle n’y est pas obligé, mais un sinistre sans assurance peut lui coûter très cher.',
    ],
  },
  {
    slug: 'responsabilite-civile',
    title: 'À quoi sert la responsabilité civile vie privée ?',
    body: [
      'Elle couvre les dommages que vous, les membres de votre foyer ou vos animaux domestiques causez à d’autres personnes dans votre vie privée.',
      'Par exemple : votre enfant casse la vitre d’un voisin avec un ballon, votre chien mord un passant, un objet tombe de votre balcon sur une voiture.',
      'Pour un locataire, elle couvre aussi les dommages causés au logement loué, selon vos conditions.',
      'Les dommages causés volontairement et ceux liés à une activité professionnelle ne sont pas couverts.',
    ],
  },
  {
    slug: 'residence-secondaire',
    title: 'Assurer une résidence secondaire',
    body: [
      'Une résidence secondaire s’assure par un contrat distinct, qui tient compte de ses périodes d’inoccupation.',
      'La garantie Vol peut y être limitée quand le logement est inhabité plus de 90 jours par an : vérifiez vos conditions particulières.',
      'Vous pouvez souscrire ce contrat depuis votre espace, et tous vos contrats y sont regroupés.',
    ],
  },
  {
    slug: 'option-piscine-jardin',
    title: 'Les options Piscine et Jardin',
    body: [
      'Ces deux options ne sont proposées que pour une maison.',
      'L’option Piscine couvre le bassin, le liner, la bâche, l’abri et la filtration, jusqu’à 15 000 € ; les dégâts du gel sur une piscine non hivernée et l’usure du liner sont exclus.',
      'L’option Jardin couvre arbres, arbustes, plantations et mobilier de jardin, replantation comprise, jusqu’à 5 000 €, hors maladies, parasites, gel et sécheresse sans arrêté de catastrophe naturelle.',
      'Ajoutez-les dans « Mon contrat › Modifier ma couverture ».',
    ],
    keywords: ['piscine', 'jardin', 'arbres', 'liner'],
    related: ['modifier-garanties', 'choisir-franchise'],
  },
  {
    slug: 'option-reequipement-a-neuf',
    title: 'L’option Rééquipement à neuf',
    body: [
      'Sans cette option, un bien endommagé est indemnisé à sa valeur du jour, vétusté déduite.',
      'Avec elle, le mobilier et les appareils de moins de 10 ans sont indemnisés à leur valeur à neuf.',
      'Les biens de plus de 10 ans, le linge et les vêtements restent indemnisés vétusté déduite.',
    ],
    keywords: ['valeur à neuf', 'vétusté', 'électroménager'],
    related: ['calcul-indemnite', 'modifier-garanties'],
  },
  {
    slug: 'option-assurance-scolaire',
    title: 'L’option Assurance scolaire',
    body: [
      'Elle couvre les accidents de vos enfants à l’école, sur le trajet et pendant les activités périscolaires, jusqu’à 50 000 €, sans franchise.',
      'Les sports pratiqués en compétition sont exclus.',
      'Votre attestation d’assurance habitation ne suffit pas à l’école : téléchargez le certificat de garanties, qui mentionne l’option.',
    ],
    keywords: ['école', 'scolaire', 'enfants', 'cantine'],
    related: ['certificat-de-garanties', 'responsabilite-civile'],
  },
  {
    slug: 'historique-contrat',
    title: 'Retrouver les versions successives de mon contrat',
    body: [
      'Chaque changement de garanties, d’options, de franchise ou d’adresse crée une nouvelle version du contrat.',
      '« Mon contrat › Historique du contrat » les liste avec leur date d’effet et leur cotisation.',
      'L’avenant et les conditions particulières de chaque version sont dans « Mes documents ».',
    ],
    keywords: ['historique', 'versions', 'avenants'],
    related: ['avenant-contrat', 'conditions-generales'],
  },
  {
    slug: 'capital-mobilier',
    title: 'Mes meubles valent plus que le capital prévu',
    body: [
      'Le capital assuré pour vos meubles, appareils et vêtements dépend du nombre de pièces de votre logement.',
      'Si vos biens valent davantage, indiquez leur montant total dans « Mon contrat › Modifier ma couverture », champ « Valeur de vos meubles et équipements (en euros) », jusqu’à 300 000 € : seule la part au-dessus du capital prévu est ajoutée au prix.',
      'Si vous indiquez moins, le capital prévu pour votre nombre de pièces reste acquis.',
      '« Votre nouveau prix » s’affiche avant que vous ne confirmiez ; la modification donne lieu à un avenant.',
      'Vos bijoux et objets précieux relèvent de l’option Objets de valeur, déclarée à part.',
    ],
    keywords: ['mobilier', 'meubles', 'électroménager', 'capital'],
    related: ['objets-de-valeur', 'option-reequipement-a-neuf', 'modifier-garanties'],
  },
  {
    slug: 'certificat-banque-pret',
    title: 'Le certificat d’assurance demandé par ma banque pour un prêt immobilier',
    body: [
      'Si vous êtes propriétaire et qu’une banque finance votre logement, elle demande un certificat d’assurance avec une clause en sa faveur.',
      'Dans « Mon contrat », la rubrique « Certificat pour votre banque » vous le donne tout de suite : indiquez l’« Organisme prêteur », l’« Adresse du prêteur » et le « Numéro du prêt » tels qu’ils figurent sur l’offre de prêt, puis touchez « Obtenir le certificat ».',
      'Avec cette clause, en cas de sinistre touchant le bâtiment, l’indemnité est versée à la banque à hauteur de ce qui lui reste dû, et elle est prévenue avant toute interruption de la garantie.',
      'Le certificat se télécharge aussitôt avec « Télécharger le certificat » et se range dans « Mes documents » ; si un champ ne convient pas, l’écran dit lequel corriger.',
      'La rubrique n’apparaît que pour un contrat en cours qui assure un logement dont vous êtes propriétaire.',
    ],
    keywords: ['banque', 'prêt immobilier', 'crédit', 'prêteur', 'clause bénéficiaire', 'notaire'],
    related: ['certificat-de-garanties', 'attestation-assurance-habitation'],
  },
];
