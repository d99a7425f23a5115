// Help centre: contractual documents and certificates.
import type { HelpArticle } from '../help-articles.ts';

export const DOCUMENT_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'attestation-assurance-habitation',
    title: 'Télécharger mon attestation d’assurance habitation',
    body: [
      'L’attestation d’assurance habitation prouve que votre logement est assuré pour la période en cours.',
      'Téléchargez-la à tout moment au format PDF dans Mes documents ou depuis l’application mobile.',
      'Un locataire doit la remettre à son bailleur à l’entrée dans les lieux, puis chaque année à sa demande.',
      'Elle mentionne l’adresse du logement, le nom des assurés, le numéro de contrat et la période couverte.',
      'Certains organismes l’acceptent aussi comme justificatif de domicile : renseignez-vous auprès d’eux.',
    ],
  },
  {
    slug: 'verifier-attestation-qr-code',
    title: 'Comment un bailleur ou une agence peut vérifier mon attestation',
    body: [
      'Chaque attestation porte un QR code signé électroniquement.',
      'En le scannant avec l’appareil photo d’un téléphone, votre propriétaire ou votre agence ouvre notre page de vérification.',
      'Elle confirme que l’attestation a bien été émise par Abri, pour quel logement et quelle période, et si le contrat est toujours en vigueur.',
      'Aucune autre donnée personnelle n’y apparaît.',
      'Une attestation retouchée ne passe pas la vérification.',
    ],
  },
  {
    slug: 'certificat-de-garanties',
    title: 'Le certificat de garanties',
    body: [
      'Le certificat de garanties détaille ce que couvre votre contrat : chaque garantie souscrite, avec son plafond et sa franchise.',
      'Plus complet que l’attestation, il peut être demandé par un syndic ou lors d’une vente ; pour un prêt immobilier, demandez plutôt le « Certificat pour votre banque » dans « Mon contrat ».',
      'Il se télécharge dans Mes documents et il est mis à jour après chaque modification du contrat.',
    ],
  },
  {
    slug: 'avenant-contrat',
    title: 'Qu’est-ce qu’un avenant ?',
    body: [
      'Un avenant modifie votre contrat : ajout ou retrait d’une garantie, changement d’adresse, nouvelle franchise, autre mode de paiement.',
      'Il est numéroté (avenant n°1, n°2…) et précise sa date d’effet et la nouvelle cotisation.',
      'Chaque avenant est disponible dans Mes documents dès que vous l’avez signé électroniquement.',
      'Tout ce qu’il ne modifie pas reste inchangé.',
    ],
  },
  {
    slug: 'conditions-generales',
    title: 'Conditions générales et conditions particulières',
    keywords: ['télécharger mon contrat', 'contrat complet'],
    body: [
      'Les conditions générales décrivent le fonctionnement de toutes les garanties proposées, les exclusions communes et les démarches en cas de sinistre.',
      'Les conditions particulières les complètent : elles décrivent votre logement et les garanties que vous avez choisies, avec leurs montants.',
      'Les deux documents sont disponibles dans Mes documents.',
      'En cas de doute, ce sont les conditions particulières qui disent ce qui s’applique à votre situation.',
    ],
  },
  {
    slug: 'releve-information',
    title: 'Le relevé d’information',
    body: [
      'Le relevé d’information récapitule votre contrat et vos sinistres des cinq dernières années.',
      'Un nouvel assureur peut vous le demander pour établir son tarif.',
      'Dans « Mes documents › Relevé d’information », touchez « Obtenir un relevé d’information » : il est établi aussitôt et apparaît en tête de la liste, avec son numéro et sa date, prêt à télécharger en PDF.',
      'Si vous avez plusieurs contrats, chacun a son bouton, suivi de son numéro de contrat.',
    ],
    keywords: ['relevé de sinistralité', 'antécédents', 'nouvel assureur', 'historique des sinistres'],
    related: ['resiliation-loi-hamon', 'certificat-de-garanties'],
  },
  {
    slug: 'documents-introuvables',
    title: 'Je ne trouve pas un document dans mon espace',
    body: [
      'Mes documents regroupe les documents de vos contrats : attestations, certificats, avenants, conditions générales et particulières, échéanciers.',
      'Ils y sont classés du plus récent au plus ancien ; pour un document ancien, tapez son titre ou son numéro dans la barre de recherche.',
      'Les courriers liés à un sinistre sont rangés dans le dossier du sinistre, rubrique Mes sinistres.',
      'Une attestation à jour s’obtient avec « Obtenir une attestation » et un relevé d’information avec « Obtenir un relevé d’information » ; si un autre document manque, contactez-nous.',
    ],
  },
  {
    slug: 'documents-papier',
    title: 'Recevoir mes documents par courrier postal',
    body: [
      'Vos documents sont déposés dans votre espace client et un e-mail vous prévient à chaque nouveauté.',
      'Chaque document est un PDF que vous pouvez imprimer depuis « Mes documents ».',
      'Si vous avez besoin d’un exemplaire envoyé par la poste, contactez-nous : nous vous l’adressons sans frais.',
    ],
  },
  {
    slug: 'numero-de-document',
    title: 'À quoi sert le numéro imprimé sur mes documents ?',
    body: [
      'Chaque document porte un numéro propre, par exemple ATT suivi de l’année pour une attestation.',
      'Ce numéro permet à notre support ou à un tiers de désigner le document sans ambiguïté.',
      'La recherche de l’espace client le retrouve : tapez-le dans la barre de recherche.',
    ],
    related: ['documents-introuvables', 'verifier-attestation-qr-code'],
  },
  {
    slug: 'attestation-nouvelle',
    title: 'Obtenir une nouvelle attestation à jour',
    body: [
      'Dans « Mes documents », la rubrique « Attestation d’assurance habitation » établit une attestation à la date du jour, avec « Obtenir une attestation ».',
      'Elle reprend votre nom, l’adresse assurée, la période couverte et le numéro de contrat, avec un QR code vérifiable.',
      'Une attestation établie avant un déménagement ou une suspension n’est plus valable : demandez-en une nouvelle.',
    ],
    related: ['attestation-assurance-habitation', 'demenagement-attestation'],
  },
  {
    slug: 'documents-signes',
    title: 'Mes documents sont-ils signés ?',
    body: [
      'Les PDF que nous émettons portent une signature électronique de l’assureur.',
      'Votre lecteur PDF peut l’afficher et indiquer que le document n’a pas été modifié depuis sa signature.',
      'L’attestation se vérifie en plus par son QR code, sur la page « Vérifier une attestation d’assurance ».',
    ],
    keywords: ['signature', 'authentique', 'falsifié'],
    related: ['verifier-attestation-qr-code', 'numero-de-document'],
  },
];
