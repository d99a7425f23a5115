// The customer's own pages: their guarantees and their documents, turned into search pages per request. The
// guarantee's page says what the contract says (label, description, ceiling, deductible, exclusions) and nothing
// more: the customer's other words for it come from the thesaurus at query time.
import { eurosInText } from '@abri/platform/french';
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
