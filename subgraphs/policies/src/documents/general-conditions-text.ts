// The general conditions of the home contract, as text: what the PDF prints (general-conditions-pdf.ts) and what a
// reviewer reads. Each rule names the Code des assurances article it applies. It describes only what Abri does:
// changes online (move, works, contents, valuables, options, deductible), claims declared in the customer space, card
// or SEPA payment, the data page; termination is by letter or e-mail, as the customer space has no such button.
import { euros } from '@abri/platform/french';
import type { Insurer } from './pdf.ts';

/** Version printed on the document; contracts refer to the conditions by it. */
export const GENERAL_CONDITIONS_VERSION = 'CG-HAB-2026-12';

/** A paragraph, or a list when it is an array. */
export type Block = string | string[];
export interface Section {
  title: string;
  blocks: Block[];
}

export const generalConditions = (insurer: Insurer): Section[] => [
  {
    title: '1. Définitions',
    blocks: [
      [
        'Assuré : le souscripteur nommé aux conditions particulières, son conjoint, partenaire de PACS ou concubin, ' +
          'et les personnes qui vivent habituellement à son foyer.',
        'Tiers : toute personne autre que l’assuré.',
        'Sinistre : l’ensemble des dommages qui résultent d’un même événement couvert.',
        'Conditions particulières : le document propre à votre contrat (logement, qualité d’occupant, garanties, ' +
          'capitaux, franchise, cotisation) ; un avenant les remplace à chaque modification.',
        'Mobilier : les meubles, appareils électroménagers et électroniques, vêtements, linge et objets usuels ' +
          'qui vous appartiennent et se trouvent dans le logement.',
        'Capital mobilier : le montant jusqu’auquel le mobilier est assuré ; celui qu’incluent les pièces du ' +
          'logement, ou celui que vous déclarez s’il est supérieur.',
        'Objets de valeur : bijoux, œuvres d’art, collections et objets précieux ; ils ne sont couverts qu’avec ' +
          'l’option Objets de valeur, à hauteur du montant déclaré.',
        'Plafond : le montant maximal payé pour un sinistre au titre d’une garantie.',
        'Franchise : la part du dommage qui reste à votre charge pour chaque sinistre.',
        'Vétusté : la dépréciation d’un bien due à son âge et à son usage.',
        'Échéance : la date anniversaire du contrat, indiquée aux conditions particulières.',
      ],
    ],
  },
  {
    title: '2. Objet du contrat et territorialité',
    blocks: [
      `Le contrat multirisque habitation ${insurer.name} protège le logement désigné aux conditions particulières, ` +
        'le mobilier qu’il contient et la responsabilité civile de l’assuré. Il est régi par le droit français et ' +
        'par le Code des assurances. Les conditions particulières prévalent sur les présentes conditions générales.',
      'Les garanties des biens s’appliquent au logement assuré, situé en France métropolitaine, en Corse ou dans ' +
        'un département d’outre-mer. La responsabilité civile vie privée s’applique en France et, lors de séjours ' +
        'de moins de 3 mois, dans le monde entier.',
    ],
  },
  {
    title: '3. Les garanties',
    blocks: [
      'Selon les choix portés aux conditions particulières, le contrat couvre :',
      [
        'l’incendie, l’explosion et la foudre, avec, par la loi, les tempêtes, la grêle et le poids de la neige ' +
          '(article L122-7), les catastrophes naturelles (article L125-1) et les attentats (article L126-2) ;',
        'les dégâts des eaux (fuites, ruptures de canalisations, débordements, infiltrations par la toiture) ;',
        'le vol et le vandalisme avec effraction, escalade, violence ou usage de fausses clés ;',
        'le bris de glace (vitres, baies, vérandas, plaques de cuisson vitrocéramiques) ;',
        'la responsabilité civile vie privée et, pour le locataire, les risques locatifs, c’est-à-dire les ' +
          'dommages dont il répond envers le propriétaire ;',
        'les options souscrites : objets de valeur, piscine, jardin, assistance, assurance scolaire, ' +
          'rééquipement à neuf.',
      ],
      'Le certificat de garanties, disponible dans l’espace client, donne pour chaque garantie son plafond, sa ' +
        'franchise et ses exclusions propres.',
    ],
  },
  {
    title: '4. Ce qui n’est jamais couvert',
    blocks: [
      [
        'les dommages causés ou provoqués intentionnellement par l’assuré ou avec sa complicité ;',
        'la guerre étrangère et la guerre civile ;',
        'l’usure normale, le défaut d’entretien et les réparations que l’assuré aurait dû faire ;',
        'les amendes et les dommages subis par les véhicules à moteur ;',
        'les dommages d’origine nucléaire, sauf ceux que la loi impose de garantir.',
      ],
    ],
  },
  {
    title: '5. Droit de renonciation en cas de vente à distance',
    blocks: [
      'Lorsque le contrat est conclu à distance, notamment en ligne, vous pouvez y renoncer sans frais ni ' +
        'justification pendant 14 jours calendaires révolus à compter de la conclusion du contrat, ou de la ' +
        'réception des conditions contractuelles si elle est postérieure (article L112-2-1 du Code des assurances).',
      'Adressez votre renonciation par lettre ou tout autre support durable, par exemple en ces termes : « Je ' +
        'soussigné(e) [nom, adresse] renonce au contrat n° [numéro] souscrit le [date]. » Le contrat prend fin à ' +
        'la réception de votre demande. La cotisation vous est remboursée dans les 30 jours ; si, à votre ' +
        'demande, le contrat a commencé avant la fin du délai, la part correspondant à la période couverte reste ' +
        'due.',
    ],
  },
  {
    title: '6. Vos déclarations',
    blocks: [
      'Le contrat est établi d’après vos réponses aux questions posées à la souscription (article L113-2). En ' +
        'cours de contrat, déclarez dans les 15 jours les circonstances nouvelles qui aggravent le risque ou en ' +
        'créent de nouveaux : un déménagement, des travaux qui changent la surface ou le nombre de pièces, un ' +
        'changement d’usage. Ces modifications se font depuis l’espace client, qui en donne le prix avant ' +
        'acceptation ; chacune donne lieu à un avenant.',
      'Toute réticence ou fausse déclaration intentionnelle qui change l’objet du risque ou en diminue ' +
        'l’appréciation entraîne la nullité du contrat ; les cotisations payées nous restent acquises (article ' +
        'L113-8).',
      'Une omission ou une déclaration inexacte dont la mauvaise foi n’est pas établie n’entraîne pas la ' +
        'nullité (article L113-9). Constatée avant un sinistre, elle nous permet de maintenir le contrat moyennant ' +
        'une cotisation plus élevée que vous acceptez, ou de le résilier 10 jours après vous l’avoir notifié, en ' +
        'remboursant la cotisation de la période non couverte. Constatée après un sinistre, l’indemnité est ' +
        'réduite en proportion de la cotisation payée par rapport à celle qui aurait été due.',
    ],
  },
  {
    title: '7. Déclarer un sinistre',
    blocks: [
      'Déclarez le sinistre dans l’espace client ou par écrit, dès que vous en avez connaissance et au plus tard :',
      [
        'en cas de vol : dans les 2 jours ouvrés, avec le récépissé de votre dépôt de plainte ;',
        'en cas de catastrophe naturelle : dans les 30 jours suivant la publication de l’arrêté au Journal officiel ;',
        'dans tous les autres cas : dans les 5 jours ouvrés.',
      ],
      'Une déclaration tardive ne peut vous être opposée que si le retard nous a causé un préjudice (article ' +
        'L113-2). Joignez les justificatifs utiles (factures, photos, constat amiable de dégât des eaux) et prenez ' +
        'les mesures raisonnables pour limiter les dommages.',
    ],
  },
  {
    title: '8. Expertise et indemnisation',
    blocks: [
      'Les dommages sont évalués de gré à gré ou par un expert que nous désignons ; vous pouvez vous faire ' +
        'assister par un expert de votre choix. En cas de désaccord sur le montant, chacun désigne son expert ; ' +
        's’ils ne s’accordent pas, ils en choisissent un troisième et, à défaut, le président du tribunal ' +
        'judiciaire du lieu du sinistre le nomme à la demande de la partie la plus diligente. Chacun paie les ' +
        'frais de son expert et la moitié de ceux du troisième.',
      'Le mobilier est indemnisé à sa valeur de remplacement au jour du sinistre, vétusté déduite ; avec ' +
        'l’option Rééquipement à neuf, les biens de moins de 10 ans le sont sans déduction de vétusté. Le ' +
        'bâtiment est indemnisé au coût de sa reconstruction, vétusté déduite. L’indemnité ne peut dépasser ni ' +
        'le dommage ni le plafond de la garantie ; la franchise en est déduite. Elle est versée dans les 30 jours ' +
        'suivant l’accord sur son montant ou la décision de justice devenue définitive.',
    ],
  },
  {
    title: '9. Subrogation',
    blocks: [
      'Après vous avoir indemnisé, nous exerçons à concurrence de l’indemnité vos droits et actions contre le ' +
        'responsable du dommage (article L121-12). Si ce recours devient impossible de votre fait, nous pouvons ' +
        'être déchargés de tout ou partie de notre garantie. Nous n’exerçons pas ce recours contre vos enfants, ' +
        'descendants, ascendants, alliés en ligne directe, préposés ou les personnes vivant habituellement à votre ' +
        'foyer, sauf malveillance de leur part.',
    ],
  },
  {
    title: '10. Catastrophes naturelles',
    blocks: [
      'Les dommages matériels directs causés par l’intensité anormale d’un agent naturel (inondation, coulée de ' +
        'boue, sécheresse, séisme…) sont couverts lorsque l’état de catastrophe naturelle est constaté par un ' +
        'arrêté interministériel (articles L125-1 et suivants). La franchise est fixée par la loi : ' +
        `${euros(38000)} par sinistre pour les biens à usage d’habitation, ${euros(152000)} pour les dommages dus ` +
        'aux mouvements de terrain consécutifs à la sécheresse et à la réhydratation des sols. Aucune autre ' +
        'franchise ne s’y ajoute.',
    ],
  },
  {
    title: '11. Cotisation, indexation et défaut de paiement',
    blocks: [
      'La cotisation est annuelle ; elle est payée en une fois ou par mensualités, par carte ou par ' +
        'prélèvement SEPA. Elle peut évoluer à l’échéance annuelle : l’avis d’échéance, envoyé avant la date ' +
        'anniversaire, vous en donne le nouveau montant. Si la hausse ne résulte pas d’une modification du risque, vous pouvez ' +
        'résilier le contrat dans les 30 jours suivant la réception de cet avis ; la résiliation prend effet un ' +
        'mois après votre demande.',
      'Si une cotisation n’est pas payée dans les 10 jours de son échéance, nous vous adressons une mise en ' +
        'demeure. Conformément à l’article L113-3, les garanties sont suspendues 30 jours après cette mise en ' +
        'demeure si le paiement n’est pas intervenu, et le contrat peut être résilié 10 jours après cette ' +
        'suspension. Le paiement de la somme due avant la résiliation remet les garanties en vigueur le ' +
        'lendemain à midi.',
    ],
  },
  {
    title: '12. Durée et résiliation',
    blocks: [
      'Le contrat est conclu pour un an et se renouvelle automatiquement à chaque échéance annuelle. Vous pouvez ' +
        'le résilier :',
      [
        'à l’échéance annuelle, en respectant un préavis de deux mois ; l’avis d’échéance vous rappelle cette date ' +
          '(article L113-15-1) ;',
        'à tout moment après la première année, la résiliation prenant effet un mois après notre réception de ' +
          'votre demande (article L113-15-2) ;',
        'en cas de changement de situation (déménagement, changement de situation familiale ou professionnelle) ' +
          'qui modifie le risque (article L113-16).',
      ],
      'Adressez votre demande par lettre ou tout autre support durable, un courriel suffit, aux coordonnées ' +
        `indiquées en tête du présent document (${insurer.contact}). Nous pouvons résilier le contrat à ` +
        'l’échéance annuelle avec un préavis de deux mois, en cas de non-paiement ou d’aggravation du risque. La ' +
        'part de cotisation correspondant à la période non couverte vous est remboursée.',
    ],
  },
  {
    title: '13. Prescription',
    blocks: [
      'Toute action dérivant du contrat se prescrit par deux ans à compter de l’événement qui y donne naissance ' +
        '(article L114-1). Ce délai ne court, en cas de réticence, omission, déclaration fausse ou inexacte sur le ' +
        'risque, que du jour où nous en avons eu connaissance et, en cas de sinistre, que du jour où vous en avez ' +
        'eu connaissance, si vous prouvez l’avoir ignoré jusque-là. Quand votre action contre nous a pour cause ' +
        'le recours d’un tiers, le délai ne court que du jour où ce tiers a exercé une action en justice contre ' +
        'vous ou a été indemnisé par vous. Il est porté à cinq ans pour les dommages dus aux mouvements de terrain ' +
        'consécutifs à la sécheresse et à la réhydratation des sols reconnus catastrophe naturelle.',
      'La prescription est interrompue (article L114-2) par les causes ordinaires d’interruption : la ' +
        'reconnaissance par l’une des parties du droit de l’autre, une demande en justice, même en référé, ou une ' +
        'mesure d’exécution forcée (articles 2240 à 2246 du Code civil). Elle l’est aussi par la désignation d’un ' +
        'expert à la suite d’un sinistre et par l’envoi d’une lettre recommandée ou d’un envoi recommandé ' +
        'électronique avec accusé de réception : par nous pour le paiement de la cotisation, par vous pour le ' +
        'règlement de l’indemnité. Les parties ne peuvent, même d’un commun accord, modifier la durée de la ' +
        'prescription ni ajouter aux causes de sa suspension ou de son interruption (article L114-3).',
    ],
  },
  {
    title: '14. Réclamations, médiation et contrôle',
    blocks: [
      `En cas de désaccord, écrivez à notre service Réclamations : ${insurer.complaints}. Nous accusons réception ` +
        'sous 10 jours ouvrables et répondons sous deux mois au plus. Si la réponse ne vous satisfait pas, ou sans ' +
        `réponse dans ce délai, vous pouvez saisir gratuitement le médiateur : ${insurer.mediator}. Le recours au ` +
        'médiateur ne vous prive pas du droit de saisir la justice.',
      `${insurer.name} est soumise au contrôle de l’Autorité de contrôle prudentiel et de résolution (ACPR), ` +
        '4 place de Budapest, CS 92459, 75436 Paris cedex 09.',
    ],
  },
  {
    title: '15. Données personnelles',
    blocks: [
      `${insurer.name} traite vos données pour conclure et gérer le contrat, instruire les sinistres, encaisser les ` +
        'cotisations et respecter ses obligations légales (lutte contre la fraude et le blanchiment). Elles sont ' +
        'conservées pendant la durée du contrat puis pendant les délais de prescription, et ne sont transmises ' +
        'qu’aux personnes qui interviennent dans leur gestion (experts, réassureurs, prestataires de paiement). ' +
        'Vous pouvez y accéder, les rectifier, les exporter, vous opposer à certains traitements et demander leur ' +
        'effacement dans les limites des durées de conservation légales, depuis la rubrique « Mes données » de ' +
        'l’espace client. Vous pouvez aussi adresser une réclamation à la CNIL.',
    ],
  },
];

/**
 * French typography for the printed text: a no-break space before « : ; ? ! », inside « », between a number and
 * its unit, and after « n° » and « article », so none of them starts a line alone.
 */
export function typeset(text: string): string {
  return text
    .replace(/ ([:;?!»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/(\d) (jours?|mois|ans?|nuits?|€)/g, '$1\u00a0$2')
    .replace(/\b(n°|articles?) /g, '$1\u00a0');
}
