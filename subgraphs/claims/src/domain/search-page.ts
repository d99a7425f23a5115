// A claim as a page of the customer's search: its reference, type, status, dates and amounts in the words the
// customer space uses, so « mon sinistre SIN-2026-… », « dégât des eaux en cours » or « indemnité versée » find it.
// Built here because the claims subgraph owns claims; the policies subgraph only ranks the page with the others.
import { eurosInText, frenchDate } from '@abri/platform/french';
import type { SearchPage } from '@abri/platform/kit';

export const CLAIM_TYPE_NAMES = {
  WATER_DAMAGE: 'Dégât des eaux',
  FIRE: 'Incendie',
  THEFT: 'Vol ou cambriolage',
  GLASS_BREAKAGE: 'Bris de glace',
  STORM: 'Tempête, grêle ou neige',
  NATURAL_DISASTER: 'Catastrophe naturelle',
} as const;

/** Each status as the customer space shows it. */
export const CLAIM_STATUS_NAMES = {
  DECLARED: 'déclaré, en attente de prise en charge',
  ACKNOWLEDGED: 'pris en charge',
  DOCUMENTS_REQUESTED: 'pièces demandées',
  EXPERT_ASSIGNED: 'expert désigné',
  EXPERT_REPORT: 'rapport d’expertise reçu',
  INDEMNITY_COMPUTED: 'indemnité calculée',
  PAID: 'indemnité versée',
  CLOSED: 'clos',
  REFUSED: 'refusé',
  REOPENED: 'rouvert',
} as const;

const DONE = new Set(['PAID', 'CLOSED', 'REFUSED']);

/** What the page needs of a claim (a subset of the Prisma row). */
export interface ClaimFacts {
  id: string;
  reference: string;
  type: keyof typeof CLAIM_TYPE_NAMES;
  status: keyof typeof CLAIM_STATUS_NAMES;
  occurredOn: Date;
  declaredAt: Date;
  description: string;
  assessedDamageCents: number | null;
  indemnityCents: number | null;
  deductibleCents: number | null;
}

/** How much of the customer's own description is searched: enough for « fuite sous l’évier », not a novel. */
const DESCRIPTION_CHARS = 300;

/** A no-break space before « : ; ? ! », as French typography wants (the customer's own text included). */
const typeset = (text: string) => text.replace(/ ([:;?!])/g, '\u00a0$1');

const sentence = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

export function claimSearchPage(c: ClaimFacts): SearchPage {
  const type = CLAIM_TYPE_NAMES[c.type];
  const own =
    c.description.length > DESCRIPTION_CHARS ? `${c.description.slice(0, DESCRIPTION_CHARS)}…` : c.description;
  const sentences = [
    `Sinistre ${c.reference} : ${type.toLowerCase()} survenu le ${frenchDate(c.occurredOn)}, déclaré le ${frenchDate(c.declaredAt)}.`,
    `Statut : ${CLAIM_STATUS_NAMES[c.status]}${DONE.has(c.status) ? '' : ', dossier en cours'}.`,
    c.assessedDamageCents !== null ? `Dommages évalués par l’expert : ${eurosInText(c.assessedDamageCents)}.` : '',
    c.indemnityCents !== null ? `Indemnité : ${eurosInText(c.indemnityCents)}.` : '',
    c.deductibleCents !== null ? `Franchise appliquée : ${eurosInText(c.deductibleCents)}.` : '',
    own.trim() ? `Votre déclaration : ${sentence(own)}` : '',
  ];
  return {
    id: `claim:${c.id}`,
    title: `Sinistre ${c.reference} · ${type}`,
    body: typeset(sentences.filter(Boolean).join(' ')),
    target: `/sinistres/${c.id}`,
  };
}
