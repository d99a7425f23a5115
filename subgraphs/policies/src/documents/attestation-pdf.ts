// The attestation d'assurance habitation: the page a tenant hands to a landlord (who may demand it every year, loi
// n° 89-462 du 6 juillet 1989, art. 7 g) or an owner to a bank or a co-ownership. It carries what they check (who is
// insured, for which dwelling, as owner or tenant, main or second home, which guarantees, for which period) and a QR
// code whose signed token lets them check that nobody edited the paper.
import type { Buffer } from 'node:buffer';
import { frenchDate, printable } from '@abri/platform/french';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { AttestationFacts } from './attestation-token.ts';
import { ABRI_BLUE, type Insurer, issuePdf, qrCode, signedOff } from './pdf.ts';

export const OCCUPANCY_LABEL = { OWNER: 'Propriétaire', TENANT: 'Locataire' } as const;
export const RESIDENCE_LABEL = { MAIN: 'Résidence principale', SECONDARY: 'Résidence secondaire' } as const;

const TITLE = 'Attestation d’assurance habitation';

export interface AttestationPdfInput {
  facts: AttestationFacts;
  /** Guarantees held, as labelled in the contract (responsabilité civile, risques locatifs, incendie…). */
  guarantees: { label: string }[];
  /** What the QR code encodes: `attestationUrl(baseUrl, token)`. */
  qrText: string;
  insurer: Insurer;
  /** The document's number (`documentNumber`), printed on every page. */
  documentNumber: string;
}

const row = (label: string, value: string, bold = false): TableCell[] => [
  { text: label, style: 'label' },
  { text: value, bold },
];

export async function attestationPdf(input: AttestationPdfInput): Promise<Buffer> {
  const { facts } = input;
  const { insurer } = input;
  const period = `du ${frenchDate(facts.periodStart)} au ${frenchDate(facts.periodEnd)} inclus`;

  const identity: Content = {
    table: {
      widths: [150, '*'],
      body: [
        row('Assureur', insurer.name),
        row('Assuré(e)', printable(facts.holder), true),
        row('Qualité', OCCUPANCY_LABEL[facts.occupancy], true),
        row('Adresse du logement assuré', printable(facts.address)),
        row('Usage du logement', RESIDENCE_LABEL[facts.residence], true),
        row('Contrat multirisque habitation n°', facts.contractNumber, true),
        row('Période de validité', period, true),
      ],
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      hLineColor: () => '#c8c8c8',
      vLineWidth: () => 0,
      paddingLeft: (i) => (i === 0 ? 0 : 8),
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  };

  const tenantNote: Content =
    facts.occupancy === 'TENANT'
      ? {
          text:
            'Le contrat couvre les risques locatifs dont le locataire doit répondre envers le propriétaire ' +
            '(incendie, explosion, dégât des eaux), conformément à l’article 7 g de la loi n° 89-462 du 6 juillet 1989.',
          margin: [0, 6, 0, 0],
        }
      : '';

  const check: Content = {
    margin: [0, 18, 0, 0],
    table: {
      widths: ['auto', '*'],
      body: [
        [
          qrCode(input.qrText),
          {
            margin: [8, 10, 4, 4],
            stack: [
              {
                text: 'Vérifier l’authenticité de cette attestation',
                bold: true,
                color: ABRI_BLUE,
                margin: [0, 0, 0, 6],
              },
              {
                text:
                  'Scannez ce code avec l’appareil photo d’un téléphone : il ouvre la page de vérification ' +
                  `d’${insurer.name}, qui confirme que les informations ci-dessus sont celles que nous avons ` +
                  'signées et indique si le contrat est toujours en vigueur.',
              },
              {
                text:
                  'Le code contient une signature électronique : toute modification du document ou du code le rend ' +
                  'invalide.',
                style: 'small',
                margin: [0, 6, 0, 0],
              },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => '#b7c7d9',
      vLineColor: () => '#b7c7d9',
      vLineWidth: (i) => (i === 1 ? 0 : 1),
    },
  };

  const content: Content = [
    { text: TITLE, style: 'title' },
    { text: `Délivrée le ${frenchDate(facts.issuedAt)}`, style: 'subtitle' },
    {
      text:
        `${insurer.name} atteste que la personne désignée ci-dessous est titulaire d’un contrat d’assurance ` +
        'multirisque habitation couvrant le logement décrit, pour la période indiquée.',
      margin: [0, 0, 0, 10],
    },
    identity,
    { text: 'Garanties souscrites', style: 'heading' },
    // Two columns: the page keeps room for the QR code, the signature and the complaints notice.
    {
      columns: [0, 1].map((column) => {
        const half = Math.ceil(input.guarantees.length / 2);
        return { ul: input.guarantees.slice(column * half, (column + 1) * half).map((g) => printable(g.label)) };
      }),
    },
    tenantNote,
    check,
    {
      text:
        'La présente attestation ne peut engager l’assureur au-delà des conditions du contrat auquel elle se réfère. ' +
        'Elle est valable sous réserve du paiement des cotisations.',
      style: 'legal',
      margin: [0, 14, 0, 0],
    },
    signedOff(insurer, facts.issuedAt, 'Le service Contrats'),
  ];

  return issuePdf({ title: TITLE, number: input.documentNumber, content, insurer, at: facts.issuedAt });
}
