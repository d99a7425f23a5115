// The personal-data register against the Prisma schemas: every stored field is classified (a category, or explicitly
// not personal), the register names no field that is gone, and every category it shows is held somewhere. A model
// that gains a field fails here until the register says what it is.
import { customerCategories, NOT_PERSONAL, type PersonalDataRegister, registerGaps } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { getDatamodel as claimsModel } from '../claims/generated/pothos-types.ts';
import { claimsRegister } from '../claims/personal-data.ts';
import { getDatamodel as paymentsModel } from '../payments/generated/pothos-types.ts';
import { paymentsRegister } from '../payments/personal-data.ts';
import { getDatamodel as policiesModel } from '../policies/generated/pothos-types.ts';
import { policiesRegister } from '../policies/personal-data.ts';
import { getDatamodel as usersModel } from '../users/generated/pothos-types.ts';
import { usersRegister } from '../users/personal-data.ts';

const parts: [
  PersonalDataRegister,
  () => { datamodel: { models: Record<string, { fields: readonly { name: string; kind: string }[] }> } },
][] = [
  [usersRegister, usersModel],
  [policiesRegister, policiesModel],
  [claimsRegister, claimsModel],
  [paymentsRegister, paymentsModel],
];

describe.each(parts.map(([register, model]) => ({ service: register.service, register, model })))(
  'the register of $service',
  ({ register, model }) => {
    const models = model().datamodel.models;

    it('classifies every field of every model, and only fields that exist', () => {
      const gaps = registerGaps(register, models);
      expect(gaps.unclassified, 'fields the register does not classify').toEqual([]);
      expect(gaps.unknown, 'fields the register names that the schema no longer has').toEqual([]);
      expect(gaps.unusedCategories, 'categories no field holds').toEqual([]);
    });

    it('describes every category it shows the customer completely, in French', () => {
      for (const category of customerCategories(register)) {
        expect(category.fields.length).toBeGreaterThan(0);
        for (const text of [category.label, category.contains, category.purpose, category.retention, category.source])
          expect(text.trim().length).toBeGreaterThan(2);
        // French typography: the curly apostrophe, as everywhere the customer reads.
        expect(JSON.stringify(category)).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
      }
    });
  },
);

describe('the check itself', () => {
  it('reports a new field of a model that the register does not know, and a field the register names in vain', () => {
    const gaps = registerGaps(
      {
        service: 'demo',
        title: 'Démo',
        categories: {
          identity: {
            label: 'Identité',
            contains: 'Nom.',
            purpose: 'Gestion.',
            legalBasis: 'CONTRACT',
            recipients: [],
            retention: '5 ans',
            source: 'Vous',
          },
        },
        models: { Person: { id: NOT_PERSONAL, name: 'identity', gone: NOT_PERSONAL } },
      },
      {
        Person: {
          fields: [
            { name: 'id', kind: 'scalar' },
            { name: 'name', kind: 'scalar' },
            { name: 'birthDate', kind: 'scalar' },
            { name: 'friends', kind: 'object' },
          ],
        },
      },
    );
    expect(gaps).toEqual({ unclassified: ['Person.birthDate'], unknown: ['Person.gone'], unusedCategories: [] });
  });
});
