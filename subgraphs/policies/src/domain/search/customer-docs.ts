// The customer's own pages: their contract, its guarantees and their documents, turned into search pages per
// request, and the pages the claims and payments subgraphs build about the data they own. The
// guarantee's page says what the contract says (label, description, ceiling, deductible, exclusions) and nothing
// more: the customer's other words for it come from the thesaurus at query time.
import { eurosInText, frenchDate } from '@abri/platform/french';
import type { SearchPage } from '@abri/platform/kit';
import type { SearchDoc } from './index.ts';

/** What the search needs to know about a guarantee (a subset of the Prisma `Guarantee` row). */
export interface GuaranteeFacts {
  code: string;
  label: string;
  description: string;
  ceilingCents: number;
  deductibleCents: number;
  exclusions: readonly string[];
}

/** What the search needs to know about a document of the customer's space. */
export interface DocumentFacts {
  /** Stable within the customer's documents, e.g. `attestation`, `avenant-1`. */
  key: string;
  title: string;
  /** One or two sentences describing the document. */
  description: string;
  target: string;
}

// The snippet is cut at sentence ends; a description typed without a final stop would run into the ceiling.
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** A guarantee as a search page, identified as `guarantee:<CODE>`. */
export function guaranteeDoc(g: GuaranteeFacts, target: string): SearchDoc {
  const sentences = [
    sentence(g.description),
    `Plafond : ${eurosInText(g.ceilingCents)} par sinistre.`,
    g.deductibleCents > 0 ? `Franchise : ${eurosInText(g.deductibleCents)}.` : 'Sans franchise.',
    g.exclusions.length ? `Exclusions : ${g.exclusions.join(' ; ')}.` : '',
  ];
  return { kind: 'GUARANTEE', id: `guarantee:${g.code}`, title: g.label, body: sentences.join(' ').trim(), target };
}

/** A document as a search page, identified as `document:<key>`. */
export function documentDoc(d: DocumentFacts): SearchDoc {
  return { kind: 'DOCUMENT', id: `document:${d.key}`, title: d.title, body: d.description, target: d.target };
}

/** What the search needs to know about a contract (from the Prisma `Policy` and `Dwelling` rows). */
export interface ContractFacts {
  id: string;
  number: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  startDate: Date;
  renewalDate: Date;
  annualPremiumCents: number;
  paymentFrequency: 'ANNUAL' | 'MONTHLY';
  deductibleCents: number;
  options: readonly string[];
  valuablesCents: number;
  dwelling: {
    addressLine: string;
    postalCode: string;
    city: string;
    type: 'HOUSE' | 'APARTMENT';
    surfaceM2: number;
    rooms: number;
    occupancy: 'OWNER' | 'TENANT';
    residence: 'MAIN' | 'SECONDARY';
  } | null;
}

const STATUS = { ACTIVE: 'en cours', SUSPENDED: 'garanties suspendues', TERMINATED: 'résilié' } as const;
const OPTION_NAMES: Record<string, string> = {
  VALUABLES: 'objets de valeur',
  SWIMMING_POOL: 'piscine',
  GARDEN: 'jardin et plantations',
  ASSISTANCE: 'assistance habitation',
  SCHOOL_INSURANCE: 'assurance scolaire',
  NEW_FOR_OLD: 'rééquipement à neuf',
};

/** A contract as a search page, identified as `contract:<number>`: the facts « Mon contrat » shows. */
export function contractDoc(p: ContractFacts, target: string): SearchDoc {
  const d = p.dwelling;
  const home = d
    ? [
        `Logement assuré : ${d.type === 'HOUSE' ? 'maison' : 'appartement'} de ${d.surfaceM2} m², ${d.rooms} pièce${d.rooms > 1 ? 's' : ''}, à l’adresse ${d.addressLine}, ${d.postalCode} ${d.city}.`,
        `Vous l’occupez en ${d.occupancy === 'OWNER' ? 'propriétaire' : 'locataire'}, en résidence ${d.residence === 'MAIN' ? 'principale' : 'secondaire'}.`,
      ]
    : [];
  const options = p.options.map((o) => OPTION_NAMES[o] ?? o);
  const sentences = [
    `Contrat d’assurance habitation n° ${p.number}, ${STATUS[p.status]}, depuis le ${frenchDate(p.startDate)}.`,
    ...home,
    `Cotisation annuelle : ${eurosInText(p.annualPremiumCents)}, payée ${p.paymentFrequency === 'MONTHLY' ? 'chaque mois' : 'une fois par an'} ; échéance et renouvellement le ${frenchDate(p.renewalDate)}.`,
    `Franchise générale : ${eurosInText(p.deductibleCents)}.`,
    options.length ? `Options : ${options.join(', ')}.` : 'Aucune option souscrite.',
    p.valuablesCents > 0 ? `Objets de valeur déclarés : ${eurosInText(p.valuablesCents)}.` : '',
  ];
  return {
    kind: 'CONTRACT',
    id: `contract:${p.number}`,
    title: `Mon contrat n° ${p.number}`,
    body: sentences
      .filter(Boolean)
      .join(' ')
      .replace(/ ([:;?!])/g, '\u00a0$1'),
    target,
  };
}

/** A page another subgraph built about data it owns (a claim, a year of payments), as a search page. */
export function ownedPageDoc(kind: 'CLAIM' | 'PAYMENT', page: SearchPage): SearchDoc {
  return { kind, id: page.id, title: page.title, body: page.body, target: page.target };
}
