// Privacy through the gateway: the dashboard generated from the personal-data register, federated across the four
// subgraphs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsRegister } from '../../prisma/claims/personal-data.ts';
import { paymentsRegister } from '../../prisma/payments/personal-data.ts';
import { policiesRegister } from '../../prisma/policies/personal-data.ts';
import { usersRegister } from '../../prisma/users/personal-data.ts';
import { customer, startTestSystem } from './helpers.ts';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;

beforeAll(async () => {
  system = await startTestSystem();
  url = system.gateway.url;
});
afterAll(async () => {
  await system?.stop();
});

const SECTION =
  'service title categories { key label contains purpose legalBasis legalBasisLabel recipients retention source storedIn }';

interface Section {
  service: string;
  title: string;
  categories: { key: string; label: string; legalBasis: string; recipients: string[]; storedIn: string[] }[];
}

describe('the privacy dashboard', () => {
  it('shows every customer category of each subgraph’s register, with purpose, basis, recipients, retention and source', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{
      me: { privacy: { controller: string; account: Section; contracts: Section; claims: Section; payments: Section } };
    }>(
      `{ me { privacy { controller account { ${SECTION} } contracts { ${SECTION} } claims { ${SECTION} } payments { ${SECTION} } } } }`,
    );
    expect(errors).toBeUndefined();
    const privacy = data!.me.privacy;
    const expected = [
      [privacy.account, usersRegister],
      [privacy.contracts, policiesRegister],
      [privacy.claims, claimsRegister],
      [privacy.payments, paymentsRegister],
    ] as const;
    for (const [section, register] of expected) {
      expect(section.service).toBe(register.service);
      expect(section.title).toBe(register.title);
      const shown = Object.entries(register.categories)
        .filter(([, c]) => (('about' in c && c.about) || 'customer') === 'customer')
        .map(([key]) => key);
      expect(section.categories.map((c) => c.key)).toEqual(shown);
    }
    // Staff accounts are in the register, never in a customer's dashboard.
    expect(privacy.account.categories.map((c) => c.key)).not.toContain('staff');
    const dwelling = privacy.contracts.categories.find((c) => c.key === 'dwelling')!;
    expect(dwelling.storedIn).toContain('Dwelling.addressLine');
    expect(dwelling.legalBasis).toBe('CONTRACT');
    expect(privacy.claims.categories.find((c) => c.key === 'claims')!.recipients).toContain(
      'Experts et prestataires mandatés sur le sinistre',
    );
    expect(privacy.payments.categories.find((c) => c.key === 'payments')!.legalBasis).toBe('LEGAL_OBLIGATION');
  });

  it('is not served to an anonymous caller', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { privacy { account { title } } } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: null } });
  });
});
