// Risk zone of a home from its département. The table is Abri's own and ILLUSTRATIVE: a simplified picture built from
// public knowledge (dense metropolitan areas for theft, Mediterranean and Cévennes rain, coastal submersion, tropical
// cyclones overseas), not an actuarial study. Départements not listed are zone 1.

export type RiskZone = 1 | 2 | 3 | 4;

const ZONE_LABELS: Record<RiskZone, string> = {
  1: 'Zone 1 : risque faible',
  2: 'Zone 2 : risque modéré',
  3: 'Zone 3 : risque élevé',
  4: 'Zone 4 : risque très élevé',
};

// Space-separated lists keep the table readable at a glance.
const ZONE_BY_DEPARTEMENT: Readonly<Record<string, RiskZone>> = {
  // Paris and the inner suburbs (theft, high-value contents); Mediterranean coast and Cévennes (flash floods,
  // wildfires); overseas départements (cyclones, earthquakes).
  ...zone(4, '75 92 93 94  06 13 30 34 83  971 972 973 974 976'),
  // Other large metropolitan areas and the outer Paris suburbs; Corsica (storms, wildfires); flood-prone Mediterranean
  // hinterland; Atlantic coastal submersion; Pas-de-Calais (repeated floods).
  ...zone(3, '31 33 59 67 69 77 78 91 95  20  11 66 84  17 85  62'),
  // Mid-sized metropolitan areas, main river valleys, Alpine départements.
  ...zone(2, '01 14 21 25 26 29 35 37 38 40 42 44 45 49 51 54 56 57 60 63 64 68 73 74 76 80 86 87'),
};

function zone(value: RiskZone, departements: string): Record<string, RiskZone> {
  return Object.fromEntries(
    departements
      .split(' ')
      .filter((d) => d !== '')
      .map((d) => [d, value]),
  );
}

const POSTAL_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
// The five overseas départements (DROM). Saint-Pierre-et-Miquelon (975) and the other overseas collectivities have
// their own insurance rules and are not covered.
const OVERSEAS_DEPARTEMENTS: readonly string[] = ['971', '972', '973', '974', '976'];

/**
 * The département of a French postal code (`'69003'` → `'69'`, `'20000'` or `'2A004'` → `'20'`, `'97411'` → `'974'`),
 * or null when the code is not one we insure: metropolitan France 01–95 and the overseas départements 971–974, 976.
 */
export function departementOf(postalCode: string): string | null {
  if (!POSTAL_CODE.test(postalCode)) return null;
  // Corsica's département codes 2A/2B are sometimes typed where the postal code (20xxx) belongs.
  if (postalCode.startsWith('2A') || postalCode.startsWith('2B')) return '20';
  const two = Number(postalCode.slice(0, 2));
  if (two >= 1 && two <= 95) return postalCode.slice(0, 2);
  const overseas = postalCode.slice(0, 3);
  return OVERSEAS_DEPARTEMENTS.includes(overseas) ? overseas : null;
}

export const isInsurablePostalCode = (postalCode: string): boolean => departementOf(postalCode) !== null;

/** Risk zone from the postal code's département; throws RangeError on a code no département matches. */
export function zoneOf(postalCode: string): { zone: RiskZone; label: string } {
  const departement = departementOf(postalCode);
  if (departement === null) throw new RangeError(`Not an insurable French postal code: ${postalCode}`);
  const value = ZONE_BY_DEPARTEMENT[departement] ?? 1;
  return { zone: value, label: ZONE_LABELS[value] };
}
