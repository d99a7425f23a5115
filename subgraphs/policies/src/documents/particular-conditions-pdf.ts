// Conditions particulières: the contract as it stands from one version on, the part of the contract that is the
// customer's own (the general conditions are everyone's). Who is insured, where, the home as declared (on which the
// premium and the cover rest), each guarantee with its ceiling and deductible, the options and capitals chosen, the
// premium and how it is paid, the dates, and which general conditions complete it. A new one is issued with every
// version (subscription, then each avenant).
import type { Buffer } from 'node:buffer';
import { euros, frenchDate, printable } from '@abri/platform/french';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { isOptionCode, OPTION_LABELS } from '../domain/catalogue.ts';
import { type Insurer, issuePdf, signedOff } from './pdf.ts';

export interface ParticularConditionsInput {
  contractNumber: string;
  version: number;
  /** The day this version takes effect. */
  effectiveFrom: Date;
  holder: string;
  startDate: Date;
  /** The yearly renewal date (échéance principale). */
  renewalDate: Date;
  dwelling: {
    address: string;
    type: 'HOUSE' | 'APARTMENT';
    surfaceM2: number;
    rooms: number;
    occupancy: 'OWNER' | 'TENANT';
    residence: 'MAIN' | 'SECONDARY';
  };
  guarantees: { label: string; ceilingCents: number; deductibleCents: number; mandatory: boolean }[];
  options: string[];
  valuablesCents: number;
  contentsCapitalCents: number;
  buildingCapitalCents: number;
  deductibleCents: number;
  annualPremiumCents: number;
  paymentFrequency: 'ANNUAL' | 'MONTHLY';
  generalConditionsVersion: string;
  issuedAt: Date;
  insurer: Insurer;
  documentNumber: string;
}

const TITLE = 'Conditions particulières';
const NBSP = '\u00A0';

const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});

/** Day and month of the yearly renewal, as contracts print it (« 1er mars »). */
const dayAndMonth = (date: Date) => frenchDate(date).replace(/ \d{4}$/, '');

const rows = (pairs: [string, string][]): Content => ({
  columns: [
    { width: 'auto', style: 'label', stack: pairs.map(([label]) => label) },
    { width: '*', margin: [12, 0, 0, 0], stack: pairs.map(([, value]) => printable(value)) },
  ],
  margin: [0, 0, 0, 8],
});

export async function particularConditionsPdf(input: ParticularConditionsInput): Promise<Buffer> {
  const d = input.dwelling;
  const options = input.options.filter(isOptionCode).map((code) => OPTION_LABELS[code]);
  const monthly = input.paymentFrequency === 'MONTHLY';
  const content: Content = [
    { text: TITLE, style: 'title' },
    {
      text:
        `Contrat multirisque habitation n°${NBSP}${input.contractNumber}, version ${input.version}, ` +
        `en vigueur à compter du ${frenchDate(input.effectiveFrom)}`,
      style: 'subtitle',
    },
    { text: 'Le souscripteur et le contrat', style: 'heading' },
    rows([
      ['Souscripteur et assuré', input.holder],
      ['Date d’effet du contrat', frenchDate(input.startDate)],
      ['Échéance principale', `le ${dayAndMonth(input.renewalDate)} de chaque année`],
      ['Durée', 'un an, renouvelable chaque année par tacite reconduction'],
    ]),
    { text: 'Le logement assuré, d’après vos déclarations', style: 'heading' },
    rows([
      ['Adresse', d.address],
      ['Type', d.type === 'HOUSE' ? 'Maison' : 'Appartement'],
      ['Pièces principales', String(d.rooms)],
      ['Surface habitable', `${d.surfaceM2}${NBSP}m²`],
      ['Vous êtes', d.occupancy === 'OWNER' ? 'Propriétaire occupant' : 'Locataire'],
      ['Usage', d.residence === 'MAIN' ? 'Résidence principale' : 'Résidence secondaire'],
    ]),
    { text: 'Garanties souscrites', style: 'heading' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto'],
        body: [
          [head('Garantie'), head('Plafond par sinistre', 'right'), head('Franchise', 'right')],
          ...input.guarantees.map((g): TableCell[] => [
            { text: printable(g.mandatory ? `${g.label} (obligatoire)` : g.label) },
            { text: euros(g.ceilingCents), alignment: 'right', noWrap: true },
            { text: g.deductibleCents === 0 ? 'Aucune' : euros(g.deductibleCents), alignment: 'right', noWrap: true },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    rows([
      ['Options', options.length ? options.join(', ') : 'Aucune'],
      ['Capital mobilier', euros(input.contentsCapitalCents)],
      ['Objets de valeur déclarés', input.valuablesCents ? euros(input.valuablesCents) : 'Aucun'],
      [
        'Bâtiment',
        input.buildingCapitalCents > 0
          ? `${euros(input.buildingCapitalCents)}, au coût de reconstruction`
          : 'non assuré par ce contrat (risques locatifs couverts)',
      ],
      ['Franchise générale', euros(input.deductibleCents)],
    ]),
    { text: 'Cotisation', style: 'heading' },
    rows([
      ['Cotisation annuelle TTC', euros(input.annualPremiumCents)],
      [
        'Paiement',
        monthly
          ? `mensuel, par prélèvement, 12 échéances d’environ ${euros(Math.round(input.annualPremiumCents / 12))}`
          : 'annuel, à l’échéance principale',
      ],
    ]),
    { text: 'Vos déclarations', style: 'heading' },
    {
      text:
        'Le contrat est établi d’après vos déclarations ci-dessus, sur lesquelles reposent la cotisation et les ' +
        'garanties (article L113-2 du Code des assurances). Signalez-nous dans les 15 jours toute circonstance ' +
        'nouvelle qui les rend inexactes (déménagement, travaux, changement d’usage). Toute réticence ou fausse ' +
        'déclaration intentionnelle entraîne la nullité du contrat (article L113-8) ; une omission ou une ' +
        'inexactitude non intentionnelle, une réduction de l’indemnité (article L113-9).',
      style: 'legal',
    },
    { text: 'Documents contractuels', style: 'heading' },
    {
      text:
        `Le contrat est formé des présentes conditions particulières et des conditions générales ` +
        `${input.generalConditionsVersion}, qui vous ont été remises. En cas de contradiction, les conditions ` +
        'particulières prévalent. Elles remplacent, à compter de leur date d’effet, celles de la version précédente.',
      style: 'legal',
    },
    signedOff(input.insurer, input.issuedAt),
  ];
  return issuePdf({ title: TITLE, number: input.documentNumber, content, insurer: input.insurer, at: input.issuedAt });
}
