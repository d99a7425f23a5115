// One form per claim type, frozen: the same objects are handed to every request, so no caller may alter them.

import {
  FIRE_FORM,
  GLASS_BREAKAGE_FORM,
  NATURAL_DISASTER_FORM,
  STORM_FORM,
  THEFT_FORM,
  WATER_DAMAGE_FORM,
} from './definitions.ts';
import type { ClaimForm, ClaimType } from './types.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const FORMS: Readonly<Record<ClaimType, ClaimForm>> = deepFreeze({
  WATER_DAMAGE: WATER_DAMAGE_FORM,
  FIRE: FIRE_FORM,
  THEFT: THEFT_FORM,
  GLASS_BREAKAGE: GLASS_BREAKAGE_FORM,
  STORM: STORM_FORM,
  NATURAL_DISASTER: NATURAL_DISASTER_FORM,
});

/** The questions to ask for a type of claim, in the order to ask them. */
export function claimForm(type: ClaimType): ClaimForm {
  const form = Object.hasOwn(FORMS, type) ? FORMS[type] : undefined;
  if (!form) throw new RangeError(`Unknown claim type: ${String(type)}`);
  return form;
}
