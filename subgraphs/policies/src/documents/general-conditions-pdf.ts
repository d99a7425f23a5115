// General conditions: a short plain-language summary of how an Abri contract works. The text is Abri's own and a
// demonstration: it points to the Code des assurances articles it rests on but is no legal advice and no real offer.
import type { Buffer } from 'node:buffer';
import { euros } from '@abri/platform/french';
import type { Content } from 'pdfmake/interfaces.js';
import { type Insurer, issuePdf } from './pdf.ts';

/** Version printed on the document; contracts refer to the conditions by it. */
export const GENERAL_CONDITIONS_VERSION = 'CG-HAB-2025-01';

const TITLE = 'Conditions générales habitation';

/** A paragraph, or a list when it is an array. */
type Block = string | string[];
interface Section {
  title: string;
  blocks: Block[];
}

const sections = (insurer: Insurer): Section[] => [
  {
    title: '1. Objet du contrat',
    blocks: [
      `Le contrat multirisque habitation ${insurer.name} protège le logement désigné aux conditions particulières, les ` +
        'biens qu’il contient et la responsabilité civile de l’assuré et des personnes qui vivent avec lui. Il ' +
        'est régi par le Code des assurances. Les conditions particulières précisent le logement, la qualité de ' +
        'l’assuré (propriétaire ou locataire), l’usage (résidence principale ou secondaire), les garanties ' +
        'choisies, leurs plafonds et leurs franchises ; elles prévalent sur les présentes conditions générales.',
    ],
  },
  {
    title: '2. Les garanties',
    blocks: [
      'Selon la formule choisie, le contrat couvre :',
      [
        'l’incendie, l’explosion et la foudre, avec, par la loi, les tempêtes, la grêle et le poids de la neige, les ' +
          'catastrophes naturelles et les attentats ;',
        'les dégâts des eaux (fuites, débordements, infiltrations par la toiture) ;',
        'le vol et le vandalisme, lorsque les moyens de protection prévus au contrat sont en place ;',
        'le bris de glace (vitres, baies, plaques de cuisson vitrocéramiques) ;',
        'la responsabilité civile vie privée et, pour le locataire, les risques locatifs, c’est-à-dire les ' +
          'dommages dont il répond envers le propriétaire.',
      ],
      'Pour chaque sinistre, l’indemnité est égale au dommage couvert, dans la limite du plafond de la garantie, ' +
        'diminué de la franchise.',
    ],
  },
  {
    title: '3. Ce qui n’est jamais couvert',
    blocks: [
      [
        'les dommages causés ou provoqués intentionnellement par l’assuré ;',
        'la guerre étrangère et la guerre civile ;',
        'l’usure normale, le défaut d’entretien et les réparations que l’assuré aurait dû faire ;',
        'les amendes et les dommages subis par les véhicules à moteur ;',
        'les dommages d’origine nucléaire, sauf ceux que la loi impose de garantir.',
      ],
      'Chaque garantie peut comporter des exclusions propres, indiquées dans le certificat de garanties.',
    ],
  },
  {
    title: '4. Déclarer un sinistre',
    blocks: [
      'Déclarez le sinistre dans l’espace client ou par écrit, dès que vous en avez connaissance et au plus tard :',
      [
        'en cas de vol : dans les 2 jours ouvrés, avec le récépissé de votre dépôt de plainte ;',
        'en cas de catastrophe naturelle : dans les 30 jours suivant la publication de l’arrêté au Journal officiel ;',
        'dans tous les autres cas : dans les 5 jours ouvrés.',
      ],
      'Une déclaration tardive ne peut vous être opposée que si le retard nous a causé un préjudice (article ' +
        'L113-2 du Code des assurances). Joignez les justificatifs utiles (factures, photos, constat amiable de ' +
        'dégât des eaux) et prenez les mesures raisonnables pour limiter les dommages. Un expert peut être désigné ' +
        'pour évaluer les dommages ; l’indemnité est versée dans les 30 jours suivant l’accord sur son montant.',
    ],
  },
  {
    title: '5. Catastrophes naturelles',
    blocks: [
      'Les dommages matériels directs causés par l’intensité anormale d’un agent naturel (inondation, coulée de ' +
        'boue, sécheresse, séisme…) sont couverts lorsque l’état de catastrophe naturelle est constaté par un ' +
        'arrêté interministériel (articles L125-1 et suivants du Code des assurances). La franchise est fixée par ' +
        `la loi : ${euros(38000)} par sinistre pour les biens à usage d’habitation, ${euros(152000)} pour les ` +
        'dommages dus aux mouvements de terrain consécutifs à la sécheresse et à la réhydratation des sols. ' +
        'Aucune autre franchise ne s’y ajoute.',
    ],
  },
  {
    title: '6. Cotisation et défaut de paiement',
    blocks: [
      'La cotisation est annuelle ; elle peut être payée en une fois ou par mensualités, par carte ou par ' +
        'prélèvement SEPA. Si une cotisation n’est pas payée dans les 10 jours de son échéance, nous vous ' +
        'adressons une lettre de mise en demeure. Conformément à l’article L113-3 du Code des assurances, les ' +
        'garanties sont suspendues 30 jours après cette mise en demeure si le paiement n’est pas intervenu, et le ' +
        'contrat peut être résilié 10 jours après cette suspension. Le paiement de la somme due avant la ' +
        'résiliation remet les garanties en vigueur le lendemain à midi.',
    ],
  },
  {
    title: '7. Durée et résiliation',
    blocks: [
      'Le contrat est conclu pour un an et se renouvelle automatiquement à chaque échéance annuelle. Vous pouvez ' +
        'le résilier :',
      [
        'à l’échéance annuelle, en respectant un préavis de deux mois ; l’avis d’échéance vous rappelle cette date ' +
          '(article L113-15-1) ;',
        'à tout moment après la première année, la résiliation prenant effet un mois après notre réception de ' +
          'votre demande (article L113-15-2) ;',
        'en cas de changement de situation (déménagement, changement de situation familiale ou professionnelle) ' +
          'qui modifie le risque (article L113-16) ;',
        'en cas de hausse de cotisation qui ne résulte pas d’une modification du risque.',
      ],
      'La demande peut être faite en ligne depuis l’espace client. Nous pouvons résilier le contrat à l’échéance ' +
        'annuelle avec un préavis de deux mois, en cas de non-paiement ou d’aggravation du risque. La part de ' +
        'cotisation correspondant à la période non couverte vous est remboursée. Toute modification du contrat ' +
        'donne lieu à un avenant.',
    ],
  },
  {
    title: '8. Prescription et réclamations',
    blocks: [
      'Toute action dérivant du contrat se prescrit par deux ans à compter de l’événement qui y donne naissance ' +
        '(articles L114-1 et suivants). En cas de désaccord, écrivez à notre service Réclamations ' +
        `(${insurer.complaints}) ; nous accusons réception sous 10 jours ouvrables et répondons sous deux mois au ` +
        'plus. Si la réponse ne vous satisfait pas, ou sans réponse dans ce délai, vous pouvez saisir gratuitement ' +
        `le médiateur : ${insurer.mediator}.`,
    ],
  },
  {
    title: '9. Données personnelles',
    blocks: [
      `${insurer.name} traite vos données pour conclure et gérer le contrat, instruire les sinistres, encaisser les ` +
        'cotisations et respecter ses obligations légales (lutte contre la fraude et le blanchiment). Elles sont ' +
        'conservées pendant la durée du contrat puis pendant les délais de prescription, et ne sont transmises ' +
        'qu’aux personnes qui interviennent dans leur gestion (experts, réassureurs, prestataires de paiement). ' +
        'Les données sensibles (IBAN, téléphone, date de naissance) sont chiffrées. Vous pouvez y accéder, les ' +
        'rectifier, les exporter, vous opposer à certains traitements et demander leur effacement dans les ' +
        'limites des durées de conservation légales, depuis la rubrique « Mes données » de l’espace client. Vous ' +
        'pouvez aussi adresser une réclamation à la CNIL.',
    ],
  },
];

// Left-aligned, not justified: pdfmake justifies at every break opportunity, hyphens included, which prints
// "non- paiement" with a gap mid-word.
const blockContent = (block: Block): Content =>
  typeof block === 'string' ? { text: block, margin: [0, 0, 0, 5] } : { ul: block, margin: [0, 0, 0, 5] };

function sectionContent(section: Section): Content[] {
  const [first, ...rest] = section.blocks;
  return [
    // A title never ends a page alone: it and its first block move to the next page together. (pdfmake's
    // pageBreakBefore hook cannot tell: its "following nodes on the page" include the page's header and footer.)
    {
      stack: [{ text: section.title, style: 'heading' }, ...(first === undefined ? [] : [blockContent(first)])],
      unbreakable: true,
    },
    ...rest.map(blockContent),
  ];
}

export async function generalConditionsPdf(input: {
  insurer: Insurer;
  documentNumber: string;
  issuedAt: Date;
}): Promise<Buffer> {
  const { insurer } = input;
  const content: Content = [
    { text: TITLE, style: 'title' },
    { text: `Référence ${GENERAL_CONDITIONS_VERSION}`, style: 'subtitle' },
    insurer.demo
      ? {
          text:
            `Document de démonstration : ${insurer.name} est une société fictive. Ce texte résume simplement le ` +
            'fonctionnement d’un contrat habitation ; il ne constitue ni une offre ni un conseil juridique.',
          style: 'legal',
          margin: [0, 0, 0, 6],
        }
      : '',
    ...sections(insurer).flatMap(sectionContent),
  ];
  return issuePdf({ title: TITLE, number: input.documentNumber, content, insurer, at: input.issuedAt });
}
