// A value written in SQL (the Prisma extension sees no raw statement) is sealed by the subgraph's sealer as the
// extension seals it: same kind, same context, so the extension opens it on read; a field the register does not
// declare sealed, or one with a blind index, is the caller's mistake and is refused.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyring } from '../src/crypto.ts';
import { createSealing, openValue, sealedContext, sealerFor } from '../src/sealed/fields.ts';

const keyring = parseKeyring(`k1:${randomBytes(32).toString('base64')}`);
const seal = sealerFor({
  keyring,
  fields: { Note: { text: 'text', details: 'json' }, Person: { email: { kind: 'text', index: 'emailIndex' } } },
});

describe('sealerFor', () => {
  it('seals text and JSON as the extension does, so they open under the field’s context only', () => {
    const text = seal('Note', 'text', 'Rappeler Mme Martin');
    expect(String(text)).not.toContain('Martin');
    expect(openValue(keyring, 'text', sealedContext('Note', 'text'), text)).toBe('Rappeler Mme Martin');
    expect(() => openValue(keyring, 'text', sealedContext('Other', 'text'), text)).toThrow();
    const details = seal('Note', 'details', { note: 'chauffe-eau', amount: 12 });
    expect(typeof details).toBe('string');
    expect(openValue(keyring, 'json', sealedContext('Note', 'details'), details)).toEqual({
      note: 'chauffe-eau',
      amount: 12,
    });
    expect(seal('Note', 'text', null)).toBeNull();
  });

  it('refuses a field not declared sealed, and one whose blind index SQL would leave empty', () => {
    expect(() => seal('Note', 'title', 'x')).toThrow(/not declared sealed/);
    expect(() => seal('Person', 'email', 'camille@abri.example')).toThrow(/blind index/);
  });
});

describe('the sealing extension on nested writes', () => {
  it('seals the rows of a nested createMany, with skipDuplicates as without', () => {
    const sealing = createSealing({
      keyring,
      fields: { Child: { secret: 'text' } },
      datamodel: {
        datamodel: {
          models: {
            Parent: {
              fields: [
                { name: 'id', kind: 'scalar', type: 'String', isId: true },
                { name: 'children', kind: 'object', type: 'Child' },
              ],
            },
            Child: {
              fields: [
                { name: 'id', kind: 'scalar', type: 'String', isId: true },
                { name: 'secret', kind: 'scalar', type: 'String' },
              ],
            },
          },
        },
      },
    });
    for (const options of [{}, { skipDuplicates: true }]) {
      const args = sealing.sealArgs('Parent', 'create', {
        data: { id: 'p1', children: { createMany: { data: [{ id: 'c1', secret: 'Lucien Garnier' }], ...options } } },
      }) as { data: { children: { createMany: { data: { secret: string }[]; skipDuplicates?: boolean } } } };
      const many = args.data.children.createMany;
      expect(many.skipDuplicates).toBe(options.skipDuplicates);
      expect(many.data[0]!.secret).not.toContain('Garnier');
      expect(openValue(keyring, 'text', sealedContext('Child', 'secret'), many.data[0]!.secret)).toBe('Lucien Garnier');
    }
  });
});
