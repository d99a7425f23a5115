// What a customer can choose on a home contract: the facts about the dwelling, the options and the deductible.
// Closed sets live here so pricing, guarantees and validation agree on one list.

export const OptionCode = {
  VALUABLES: 'VALUABLES',
  SWIMMING_POOL: 'SWIMMING_POOL',
  GARDEN: 'GARDEN',
  ASSISTANCE: 'ASSISTANCE',
  SCHOOL_INSURANCE: 'SCHOOL_INSURANCE',
  NEW_FOR_OLD: 'NEW_FOR_OLD',
} as const;
export type OptionCode = (typeof OptionCode)[keyof typeof OptionCode];

/** Every option, in the order lines and guarantees list them (so output does not depend on the order chosen). */
export const OPTION_CODES: readonly OptionCode[] = Object.values(OptionCode);

/** Narrows a stored string (policies keep options as `String[]`) to an option code. */
export const isOptionCode = (value: string): value is OptionCode => (OPTION_CODES as readonly string[]).includes(value);

/** Plain French, as printed on quotes and certificates. */
export const OPTION_LABELS: Record<OptionCode, string> = {
  VALUABLES: 'Objets de valeur',
  SWIMMING_POOL: 'Piscine',
  GARDEN: 'Jardin et plantations',
  ASSISTANCE: 'Assistance habitation',
  SCHOOL_INSURANCE: 'Assurance scolaire',
  NEW_FOR_OLD: 'Rééquipement à neuf',
};

/** Options that only make sense with land around the home. */
export const HOUSE_ONLY_OPTIONS: readonly OptionCode[] = [OptionCode.SWIMMING_POOL, OptionCode.GARDEN];

/** Chosen general deductible on the customer's own property, in cents; a higher one makes the premium cheaper. */
export const DEDUCTIBLE_CHOICES_CENTS = [15_000, 30_000, 50_000] as const;
export type DeductibleChoiceCents = (typeof DEDUCTIBLE_CHOICES_CENTS)[number];

export const isDeductibleChoice = (cents: number): cents is DeductibleChoiceCents =>
  (DEDUCTIBLE_CHOICES_CENTS as readonly number[]).includes(cents);

export const DwellingType = { HOUSE: 'HOUSE', APARTMENT: 'APARTMENT' } as const;
export type DwellingType = (typeof DwellingType)[keyof typeof DwellingType];

export const Occupancy = { OWNER: 'OWNER', TENANT: 'TENANT' } as const;
export type Occupancy = (typeof Occupancy)[keyof typeof Occupancy];

export const Residence = { MAIN: 'MAIN', SECONDARY: 'SECONDARY' } as const;
export type Residence = (typeof Residence)[keyof typeof Residence];

/** What pricing needs to know about the home; the street address does not change the price, the postal code does. */
export interface DwellingFacts {
  type: DwellingType;
  /** Living area, whole square metres. */
  surfaceM2: number;
  /** Main rooms (pièces principales), kitchen and bathrooms excluded. */
  rooms: number;
  postalCode: string;
  occupancy: Occupancy;
  residence: Residence;
}

export interface Coverage {
  options: OptionCode[];
  /** Declared value of jewellery, art and the like; covered only with the VALUABLES option. */
  valuablesCents: number;
  /**
   * Declared contents capital (furniture, appliances, clothes: the mobilier), when the customer's own goods are worth
   * more than the capital the rooms include (`contentsCeilingCents`). 0 or absent: that standard capital.
   */
  contentsCents?: number;
  /** One of DEDUCTIBLE_CHOICES_CENTS. */
  deductibleCents: number;
}

/** `appartement, 68 m², 3 pièces`: how quotes and certificates name the home. */
export function dwellingSummary(d: Pick<DwellingFacts, 'type' | 'surfaceM2' | 'rooms'>): string {
  const kind = d.type === DwellingType.HOUSE ? 'maison' : 'appartement';
  return `${kind}, ${d.surfaceM2} m², ${d.rooms} ${d.rooms > 1 ? 'pièces' : 'pièce'}`;
}
