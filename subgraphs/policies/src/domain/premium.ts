// The annual premium of a home contract, line by line, in integer cents. Pure: same facts, same price.
// Rates are in tariff.ts (Abri's) and legal.ts (the law's); the figures below are today's.
//
//   property  = BASE         house 90 € + 1,10 €/m² + 20 €/room; flat 60 € + 0,90 €/m² + 18 €/room
//             + BUILDING     owner only: house 1,50 €/m², flat 0,60 €/m² (private parts)
//             + ZONE         zone 1..4: −10 %, 0, +15 %, +35 % of (BASE + BUILDING)
//             + SECOND_HOME  +20 % of (BASE + BUILDING + ZONE)
//             + CONTENTS     0,60 % of the declared contents capital above the one the rooms include
//             + options      VALUABLES 1,2 % of the declared value, NEW_FOR_OLD 15 % of BASE, pool 35 €, garden 25 €
//             + DEDUCTIBLE   −10 % (300 €) or −18 % (500 €) of all the above
//   other     = LIABILITY 18 € + TENANT_LIABILITY (tenant only, 0,50 €/m²) + assistance 24 € + school insurance 12 €
//   CAT_NAT   = 20 % of property                   legal surcharge, on property damage only
//   TAX       = 9 % of (property + other + CAT_NAT)   taxe sur les conventions d'assurance
//   ATTENTATS = 6,50 € per contract                  terrorism-fund contribution, set by arrêté, not taxed
//   premium   = sum of the lines
//
// Every line is rounded to the cent (halves away from zero) when it is computed, and later lines are computed from
// the rounded earlier ones, so the lines a customer reads always add up to the premium they pay.

import { eurosInText, percent } from '@abri/platform/french';
import {
  type Coverage,
  type DeductibleChoiceCents,
  type DwellingFacts,
  dwellingSummary,
  OPTION_CODES,
  OPTION_LABELS,
} from './catalogue.ts';
import { contentsCeilingCents } from './guarantees.ts';
import { ATTENTATS_CONTRIBUTION_CENTS, CAT_NAT_SURCHARGE_BP, INSURANCE_TAX_BP } from './legal.ts';
import { applyRate } from './money.ts';
import {
  BASE,
  BUILDING_PER_M2_CENTS,
  CONTENTS_EXTRA_RATE_BP,
  DEDUCTIBLE_DISCOUNT_BP,
  LIABILITY_CENTS,
  OPTION_PRICES,
  PROPERTY_OPTIONS,
  SECOND_HOME_SURCHARGE_BP,
  TENANT_LIABILITY_PER_M2_CENTS,
  ZONE_ADJUSTMENT_BP,
} from './tariff.ts';
import { assertValid } from './validation.ts';
import { zoneOf } from './zones.ts';

/** Codes of the price lines; option lines are `OPTION_<OptionCode>`. */
export const PriceLineCode = {
  BASE: 'BASE',
  BUILDING: 'BUILDING',
  TENANT_LIABILITY: 'TENANT_LIABILITY',
  LIABILITY: 'LIABILITY',
  ZONE: 'ZONE',
  SECOND_HOME: 'SECOND_HOME',
  CONTENTS: 'CONTENTS',
  DEDUCTIBLE: 'DEDUCTIBLE',
  CAT_NAT: 'CAT_NAT',
  TAX: 'TAX',
  ATTENTATS: 'ATTENTATS',
} as const;
export type PriceLineCode = (typeof PriceLineCode)[keyof typeof PriceLineCode];

export interface PriceLine {
  /** A PriceLineCode, or `OPTION_<OptionCode>`. */
  code: string;
  /** Plain French, e.g. `Base logement (appartement, 68 m², 3 pièces)`. */
  label: string;
  /** Negative for a discount. */
  amountCents: number;
}

export interface Price {
  /** Taxes and contributions included; always the exact sum of `lines`. */
  annualPremiumCents: number;
  lines: PriceLine[];
}

const sum = (lines: readonly PriceLine[]) => lines.reduce((total, line) => total + line.amountCents, 0);

/** Annual premium of `dwelling` with `coverage`; throws RangeError when validateChange would reject them. */
export function priceOf(dwelling: DwellingFacts, coverage: Coverage): Price {
  assertValid(dwelling, coverage);
  const d = dwelling;
  // Lines in the order a customer reads them: the home, what varies it, the options, the discount, then what the law
  // adds. The property premium (what the cat-nat surcharge and the deductible discount apply to) is tallied alongside.
  const lines: PriceLine[] = [];
  let propertyCents = 0;
  const add = (code: string, label: string, amountCents: number, isProperty: boolean) => {
    lines.push({ code, label, amountCents });
    if (isProperty) propertyCents += amountCents;
  };

  const rates = BASE[d.type];
  const base = rates.fixedCents + rates.perM2Cents * d.surfaceM2 + rates.perRoomCents * d.rooms;
  add(PriceLineCode.BASE, `Base logement (${dwellingSummary(d)})`, base, true);
  const building = d.occupancy === 'OWNER' ? BUILDING_PER_M2_CENTS[d.type] * d.surfaceM2 : 0;
  if (d.occupancy === 'OWNER') {
    add(PriceLineCode.BUILDING, 'Bâtiment (propriétaire)', building, true);
  } else {
    const tenantLiability = TENANT_LIABILITY_PER_M2_CENTS * d.surfaceM2;
    add(PriceLineCode.TENANT_LIABILITY, 'Responsabilité locative (locataire)', tenantLiability, false);
  }
  add(PriceLineCode.LIABILITY, 'Responsabilité civile vie privée', LIABILITY_CENTS, false);

  const zone = zoneOf(d.postalCode);
  const zoneBp = ZONE_ADJUSTMENT_BP[zone.zone];
  const zoneAdjustment = applyRate(base + building, zoneBp);
  if (zoneAdjustment !== 0) {
    const rate = `${zoneBp > 0 ? '+' : ''}${percent(zoneBp)}`;
    add(PriceLineCode.ZONE, `${zone.label} (${rate} sur le logement)`, zoneAdjustment, true);
  }
  if (d.residence === 'SECONDARY') {
    const surcharge = applyRate(base + building + zoneAdjustment, SECOND_HOME_SURCHARGE_BP);
    const label = `Résidence secondaire (+${percent(SECOND_HOME_SURCHARGE_BP)} sur le logement)`;
    add(PriceLineCode.SECOND_HOME, label, surcharge, true);
  }

  const included = contentsCeilingCents(d);
  const extraContents = Math.max(0, (coverage.contentsCents ?? 0) - included);
  if (extraContents > 0) {
    const label =
      `Capital mobilier de ${eurosInText(included + extraContents)} (${eurosInText(included)} inclus, ` +
      `+${percent(CONTENTS_EXTRA_RATE_BP)} des ${eurosInText(extraContents)} au-delà)`;
    add(PriceLineCode.CONTENTS, label, applyRate(extraContents, CONTENTS_EXTRA_RATE_BP), true);
  }

  // Catalogue order, not the order the customer ticked them, so the same coverage always reads the same.
  for (const option of OPTION_CODES.filter((o) => coverage.options.includes(o))) {
    const price = OPTION_PRICES[option];
    let amountCents: number;
    let detail = '';
    if ('flatCents' in price) {
      amountCents = price.flatCents;
    } else if (price.of === 'VALUABLES') {
      amountCents = applyRate(coverage.valuablesCents, price.rateBp);
      detail = ` (${eurosInText(coverage.valuablesCents)} déclarés)`;
    } else {
      amountCents = applyRate(base, price.rateBp);
      detail = ` (+${percent(price.rateBp)} de la base logement)`;
    }
    add(`OPTION_${option}`, `Option ${OPTION_LABELS[option]}${detail}`, amountCents, PROPERTY_OPTIONS.includes(option));
  }

  const discountBp = DEDUCTIBLE_DISCOUNT_BP[coverage.deductibleCents as DeductibleChoiceCents];
  const discount = -applyRate(propertyCents, discountBp);
  if (discount !== 0) {
    const franchise = eurosInText(coverage.deductibleCents);
    const label = `Réduction pour une franchise de ${franchise} (-${percent(discountBp)} sur les dommages aux biens)`;
    add(PriceLineCode.DEDUCTIBLE, label, discount, true);
  }

  const catNatLabel = `Surprime catastrophes naturelles (${percent(CAT_NAT_SURCHARGE_BP)} des garanties dommages)`;
  add(PriceLineCode.CAT_NAT, catNatLabel, applyRate(propertyCents, CAT_NAT_SURCHARGE_BP), false);
  const taxLabel = `Taxe sur les conventions d’assurance (${percent(INSURANCE_TAX_BP)})`;
  add(PriceLineCode.TAX, taxLabel, applyRate(sum(lines), INSURANCE_TAX_BP), false);
  const attentatsLabel = 'Contribution au fonds de garantie des victimes d’attentats (montant fixé par arrêté)';
  add(PriceLineCode.ATTENTATS, attentatsLabel, ATTENTATS_CONTRIBUTION_CENTS, false);

  return { annualPremiumCents: sum(lines), lines };
}
