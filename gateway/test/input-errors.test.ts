// A variable that does not fit the operation is refused in French, naming where and why, never echoing the value:
// checked against the messages graphql-js really produces, so a change of its wording fails here.
import { DateScalar } from '@abri/platform';
import { buildSchema, getVariableValues, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { frenchCoercionMessage } from '../src/engine/input-errors.ts';

const schema = buildSchema(`
  scalar Date
  enum Kind { WATER FIRE }
  input Declaration { kind: Kind!, occurredOn: Date!, rooms: Int, details: Details }
  input Details { note: String! }
  type Query { declare(input: Declaration!, count: Int!): Boolean }
`);
Object.assign(schema.getType('Date')!, {
  parseValue: DateScalar.parseValue,
  parseLiteral: DateScalar.parseLiteral,
});
const operation = parse('query Q($input: Declaration!, $count: Int!) { declare(input: $input, count: $count) }')
  .definitions[0] as OperationDefinitionNode;
const definitions = operation.variableDefinitions ?? [];
const refusal = (variables: Record<string, unknown>) => {
  const { errors } = getVariableValues(schema, definitions, variables);
  expect(errors).toHaveLength(1);
  return frenchCoercionMessage(errors![0]!.message);
};
const valid = { kind: 'WATER', occurredOn: '2026-11-30' };

describe('variables refused in French', () => {
  it('says which variable is missing or null', () => {
    expect(refusal({ input: valid })).toBe('La variable $count (Int!) est obligatoire.');
    expect(refusal({ input: valid, count: null })).toBe('La variable $count (Int!) ne peut pas être nulle.');
  });

  it('says where a value was refused and why, without repeating it', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, kind: 'SECRET-VALUE' }, 'Valeur refusée pour $input.kind : cette valeur n’existe pas dans Kind.'],
      [{ ...valid, rooms: 'SECRET-VALUE' }, 'Valeur refusée pour $input.rooms : un nombre entier est attendu.'],
      [{ kind: 'WATER' }, 'Valeur refusée pour $input : le champ occurredOn (Date!) est obligatoire.'],
      [
        { ...valid, colour: 'SECRET-VALUE' },
        'Valeur refusée pour $input : le champ colour n’existe pas dans Declaration.',
      ],
      [
        { ...valid, occurredOn: '2026-02-30' },
        'Valeur refusée pour $input.occurredOn : valeur attendue : une date au format AAAA-MM-JJ, entre 1900 et 2199.',
      ],
      [{ ...valid, details: 'SECRET-VALUE' }, 'Valeur refusée pour $input.details : un objet Details est attendu.'],
      [{ ...valid, details: {} }, 'Valeur refusée pour $input.details : le champ note (String!) est obligatoire.'],
    ];
    for (const [input, message] of cases) {
      const said = refusal({ input, count: 1 });
      expect(said).toBe(message);
      expect(said).not.toContain('SECRET-VALUE');
    }
    expect(refusal({ input: valid, count: 'SECRET-VALUE' })).toBe(
      'Valeur refusée pour $count : un nombre entier est attendu.',
    );
  });

  it('never passes an unknown English message on', () => {
    expect(frenchCoercionMessage('Something new in graphql-js.')).toBe(
      'Les variables ne correspondent pas à l’opération.',
    );
  });
});
