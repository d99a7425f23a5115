// The customer's corrections as the contracts follow them (issue 15.3).
// - A corrected name (users' `profileChanged` with `name`) becomes the holder's name of each of the customer's
//   contracts, ended ones included (a relevé d'information is asked after the end): every document issued afterwards
//   prints it, and the terms announced again carry it to claims and payments. Documents already issued are kept as
//   issued; the contract's version does not change (a name correction is not an amendment).
// - A new postal address is priced as a move of the main home the customer leaves: one quote per active contract
//   insuring a main residence elsewhere, with the home as it is declared today (its type, surface, rooms and
//   occupancy). Nothing changes until the customer accepts a quote (`applyPolicyChange`); declined or left to
//   expire, the contract keeps insuring the home it insured.
import { type EventOf, Events, holderNameOf, type Identity, mayActOn } from '@abri/platform';
import type { PoliciesApp } from '../context.ts';
import { quotePolicyChange } from './quotes.ts';
import { announceTerms } from './terms-event.ts';

export async function renameHolder(app: PoliciesApp, event: EventOf<typeof Events.profileChanged>): Promise<void> {
  const { name } = event.payload;
  if (!name || !event.customerId) return;
  const holderName = holderNameOf(name);
  const customerId = event.customerId;
  const renamed = await app.prisma.$transaction(async (tx) => {
    // The name is sealed at rest: compared once opened, not in SQL.
    const policies = await tx.policy.findMany({ where: { customerId }, select: { id: true, holderName: true } });
    const stale = policies.filter((p) => p.holderName !== holderName);
    for (const { id } of stale) {
      await tx.policy.update({ where: { id }, data: { holderName } });
      await announceTerms(app, tx, id);
    }
    return stale.length;
  });
  if (renamed) app.outbox.kick();
}

export const followProfile = (app: PoliciesApp) =>
  app.bus.consume(Events.profileChanged, 'policies-holder-name', (event) => renameHolder(app, event));

/** A new postal address, as users announces it in its answer to the profile edit. */
export interface AddressChange {
  id: string;
  customerId: string;
  addressLine: string;
  postalCode: string;
  city: string;
}

const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** Prices moving each main home the customer leaves to `change`; returns the quotes' ids (none: nothing to move). */
export async function quoteMoves(app: PoliciesApp, who: Identity, change: AddressChange): Promise<string[]> {
  if (!mayActOn(who, change.customerId, 'contract')) return [];
  const policies = await app.prisma.policy.findMany({
    where: { customerId: change.customerId, status: 'ACTIVE', dwelling: { residence: 'MAIN' } },
    include: { dwelling: true },
    orderBy: { number: 'asc' },
  });
  const quoteIds: string[] = [];
  for (const policy of policies) {
    const d = policy.dwelling!;
    const already =
      same(d.addressLine, change.addressLine) && same(d.postalCode, change.postalCode) && same(d.city, change.city);
    if (already) continue;
    const outcome = await quotePolicyChange(app, who, {
      policyId: policy.id,
      move: {
        addressLine: change.addressLine,
        postalCode: change.postalCode,
        city: change.city,
        type: d.type,
        surfaceM2: d.surfaceM2,
        rooms: d.rooms,
        occupancy: d.occupancy,
        residence: d.residence,
      },
    });
    if (outcome.kind === 'quoted') quoteIds.push(outcome.quoteId);
    else app.log.warn('move not priced after an address change', { policyId: policy.id, outcome: outcome.kind });
  }
  return quoteIds;
}
