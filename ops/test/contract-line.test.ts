import {
  generateHopSecret,
  HopRejected,
  parseHopKeys,
  parseHopSecrets,
  SUBGRAPH_NAMES,
  signHop,
  verifyHop,
} from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { CONTRACT_COLUMNS, readContractLine } from '../admin/contract-line.ts';
import { parseCsv } from '../admin/csv.ts';
import { rotate } from '../admin/rotate.ts';

const valid = {
  contract_number: 'HAB2000001',
  first_name: 'Jeanne',
  last_name: 'Morel',
  email: 'jeanne.morel@example.fr',
  phone: '+33600000001',
  address_line: '2 rue Neuve',
  postal_code: '13001',
  city: 'Marseille',
  dwelling_type: 'APARTMENT',
  surface_m2: '45',
  rooms: '2',
  occupancy: 'TENANT',
  residence: 'MAIN',
  options: 'ASSISTANCE',
  valuables_eur: '',
  deductible_eur: '300',
  start_date: '2025-01-31',
  payment_frequency: '',
};

describe('the contracts file', () => {
  it('reads quoted fields holding the delimiter, doubled quotes and line breaks, after a byte-order mark', () => {
    const parsed = parseCsv('\uFEFFa;b\n"1; un";"dit ""oui""\nsuite"\r\n\n2;deux\n');
    expect(parsed).toEqual({
      kind: 'ok',
      header: ['a', 'b'],
      lines: [
        { line: 2, fields: { a: '1; un', b: 'dit "oui"\nsuite' } },
        { line: 5, fields: { a: '2', b: 'deux' } },
      ],
      rejected: [],
    });
  });

  it('takes commas when the header has them', () => {
    expect(parseCsv('a,b\n1,2')).toMatchObject({ kind: 'ok', lines: [{ fields: { a: '1', b: '2' } }] });
  });

  it('turns a valid line into a customer and a contract, monthly by default', () => {
    const read = readContractLine(valid);
    expect(CONTRACT_COLUMNS.every((c) => c in valid)).toBe(true);
    expect(read).toMatchObject({
      kind: 'ok',
      record: {
        contractNumber: 'HAB2000001',
        coverage: { options: ['ASSISTANCE'], valuablesCents: 0, deductibleCents: 30_000 },
        start: new Date('2025-01-31T00:00:00Z'),
        paymentFrequency: 'MONTHLY',
      },
    });
  });

  it('names every wrong column of a line at once', () => {
    const read = readContractLine({
      ...valid,
      contract_number: 'AB',
      rooms: '0',
      start_date: '2025-02-29',
      deductible_eur: '100',
    });
    expect(read.kind === 'rejected' && read.reasons.map((r) => r.split('\u00a0')[0])).toEqual([
      'contract_number',
      'rooms',
      'deductible_eur',
      'start_date',
    ]);
  });

  it("applies the pricing engine's rules", () => {
    const read = readContractLine({ ...valid, valuables_eur: '5000' });
    expect(read.kind).toBe('rejected');
  });
});

describe('key rotation', () => {
  it('puts a new field key in front and keeps the old ones to decrypt', async () => {
    const old = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const next = await rotate('ENCRYPTION_KEYS', { ENCRYPTION_KEYS: old }, new Date('2027-03-05T00:00:00Z'));
    expect(next.kind === 'rotated' && next.settings.ENCRYPTION_KEYS).toMatch(new RegExp(`^k202703:[^,]+,${old}$`));
  });

  it('puts a new hop secret in front and gives each subgraph its own keys, the new one and the old', async () => {
    const old = generateHopSecret('k1');
    const next = await rotate('HOP_SECRETS', { HOP_SECRETS: old }, new Date('2027-03-05T00:00:00Z'));
    if (next.kind !== 'rotated') throw new Error(next.kind);
    // Compared entry by entry: a base64 secret may hold `+` or `/`, which a pattern built from it would misread.
    expect(next.settings.HOP_SECRETS!.split(',')).toEqual([expect.stringMatching(/^k202703:[^,]+$/), old]);
    const before = parseHopSecrets(old);
    const after = parseHopSecrets(next.settings.HOP_SECRETS!);
    expect(Object.keys(next.services ?? {})).toEqual(SUBGRAPH_NAMES);
    for (const service of SUBGRAPH_NAMES) {
      const keys = parseHopKeys(next.services![service]!.HOP_KEYS!);
      // Given to the subgraph first: it takes what the gateway signs before and after its own restart.
      for (const gateway of [before, after])
        expect(verifyHop(keys, service, signHop(gateway, service, { use: 'http' }), { use: 'http' })).toBeDefined();
      const other = SUBGRAPH_NAMES.find((name) => name !== service)!;
      expect(() => verifyHop(keys, other, signHop(after, other, { use: 'http' }), { use: 'http' })).toThrow(
        HopRejected,
      );
    }
  });

  it('retires the old signing key to the published previous keys', async () => {
    const first = await rotate(
      'ACCESS_TOKEN_PRIVATE_KEY',
      { ACCESS_TOKEN_PRIVATE_KEY: '{"kty":"OKP","kid":"a","d":"s","x":"p"}' },
      new Date(),
    );
    expect(first.kind === 'rotated' && JSON.parse(first.settings.ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS!)).toEqual([
      { kty: 'OKP', kid: 'a', x: 'p' },
    ]);
    // A subgraph's hop keys are derived from the gateway's hop secrets, never made on their own.
    expect(await rotate('HOP_KEYS', {}, new Date())).toEqual({ kind: 'unknownSetting' });
    expect(await rotate('ATTESTATION_PRIVATE_KEY', {}, new Date())).toEqual({
      kind: 'currentMissing',
      name: 'ATTESTATION_PRIVATE_KEY',
    });
  });
});
