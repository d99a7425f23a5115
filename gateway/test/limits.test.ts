// The operation limits keep what they learn from a document's text with the parsed document (Apollo hands the same
// one for the same text): what depends on the caller or the variables is still decided on every request.
import { readFileSync } from 'node:fs';
import type { Identity } from '@abri/platform';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { type GraphQLSchema, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../prisma/projects.ts';
import { apiSchemaOf } from '../src/engine/index.ts';
import { checkInputs } from '../src/inputs.ts';
import { checkLimits } from '../src/limits.ts';

const customer: Identity = { sub: 'c1', sid: 's1', roles: ['CUSTOMER'], exp: 2_000_000_000 };
const staff: Identity = { sub: 'a1', sid: 's2', roles: ['ADJUSTER'], exp: 2_000_000_000 };
let schema: GraphQLSchema;

beforeAll(() => {
  const supergraph = readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8');
  schema = apiSchemaOf(new QueryPlanner(supergraph).consumerSchema);
});

const limitsOf = (errors: { extensions: Record<string, unknown> }[]) => errors.map((e) => e.extensions['limit']);

describe('operation limits on a document seen before', () => {
  it('prices each request by its own variables, whatever an earlier request of the same document cost', () => {
    const document = parse('query Queue($n: Int!) { claimQueue(status: DECLARED, first: $n) { id history { at } } }');
    const check = (variables?: Record<string, unknown>) =>
      limitsOf(checkLimits({ schema, document, operationName: 'Queue', variables, who: staff }));
    expect(check()).toEqual([]);
    expect(check({ n: 5000 })).toEqual(['cost']);
    expect(check({})).toEqual([]);
    expect(check({ n: 10 })).toEqual([]);
    expect(check({ n: 5000 })).toEqual(['cost']);
  });

  it('prices by the variables of `first:` and of `@include`/`@skip`, in fragments too, and a default apart from null', () => {
    const queue = 'claimQueue(status: DECLARED, first: $n) { id history { at } }';
    const inFragment = parse(`query Q($n: Int!, $note: String) { ...F } fragment F on Query { ${queue} }`);
    const viaFragment = (n: number, note: string) =>
      limitsOf(checkLimits({ schema, document: inFragment, variables: { n, note }, who: staff }));
    expect(viaFragment(10, 'a')).toEqual([]);
    expect(viaFragment(5000, 'a')).toEqual(['cost']);
    expect(viaFragment(10, 'b')).toEqual([]);

    const included = parse(
      'query Q($all: Boolean!) { claimQueue(status: DECLARED, first: 5000) @include(if: $all) { id history { at } } }',
    );
    const withAll = (all: boolean) =>
      limitsOf(checkLimits({ schema, document: included, variables: { all }, who: staff }));
    expect(withAll(false)).toEqual([]);
    expect(withAll(true)).toEqual(['cost']);
    expect(withAll(false)).toEqual([]);

    // Left out, $n takes its default (5,000); sent as null, the list takes its usual size.
    const defaulted = parse(`query Q($n: Int = 5000) { ${queue} }`);
    const page = (variables: Record<string, unknown>) =>
      limitsOf(checkLimits({ schema, document: defaulted, variables, who: staff }));
    expect(page({})).toEqual(['cost']);
    expect(page({ n: null })).toEqual([]);
    expect(page({})).toEqual(['cost']);
  });

  it('prices each operation of a document by its own selections', () => {
    const document = parse(`
      query Cheap { me { id } }
      query Dear { claimQueue(status: DECLARED, first: 5000) { id history { at } } }
    `);
    const check = (operationName: string) => limitsOf(checkLimits({ schema, document, operationName, who: staff }));
    expect(check('Cheap')).toEqual([]);
    expect(check('Dear')).toEqual(['cost']);
    expect(check('Cheap')).toEqual([]);
    expect(check('Dear')).toEqual(['cost']);
  });

  it('asks who introspects on every request, the document being the same', () => {
    const document = parse('{ __schema { queryType { name } } }');
    const check = (who: Identity | null) => limitsOf(checkLimits({ schema, document, who, introspection: 'staff' }));
    expect(check(staff)).toEqual([]);
    expect(check(customer)).toEqual(['introspection']);
    expect(check(null)).toEqual(['introspection']);
    expect(check(staff)).toEqual([]);
  });

  it('spares only a document that introspects and nothing else: `__type` beside data is held to the depth and cost limits', () => {
    const deepData =
      'helpCategories { articles { related { related { related { related { related { related { related { related { slug } } } } } } } } } }';
    const mixed = parse(`{ __type(name: "Query") { name } ${deepData} }`);
    expect(limitsOf(checkLimits({ schema, document: mixed, who: staff }))).toEqual(['depth']);
    const viaFragment = parse(`{ ...F } fragment F on Query { __type(name: "Query") { name } ${deepData} }`);
    expect(limitsOf(checkLimits({ schema, document: viaFragment, who: staff }))).toEqual(['depth']);
    const dear = parse(
      '{ __typename __type(name: "Query") { name } claimQueue(status: DECLARED, first: 5000) { id history { at } } }',
    );
    expect(limitsOf(checkLimits({ schema, document: dear, who: staff }))).toEqual(['cost']);
    // GraphiQL's own query nests deeper than any data query, and is no data.
    const ofTypes = 'ofType { '.repeat(12) + 'name' + ' }'.repeat(12);
    const schemaOnly = parse(`{ __typename __schema { types { name fields { type { ${ofTypes} } } } } }`);
    expect(limitsOf(checkLimits({ schema, document: schemaOnly, who: staff }))).toEqual([]);
  });

  it('refuses a document over a syntactic limit every time it is sent, and a new document on its own terms', () => {
    const deep = parse('{ me { policies { guarantees { ceiling { amountCents } } } } }');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const many = parse(`{ ${aliases} }`);
    expect(limitsOf(checkLimits({ schema, document: deep, who: customer }))).toEqual([]);
    expect(limitsOf(checkLimits({ schema, document: many, who: customer }))).toEqual(['aliases']);
    expect(limitsOf(checkLimits({ schema, document: many, who: customer }))).toEqual(['aliases']);
    expect(limitsOf(checkLimits({ schema, document: deep, who: customer }))).toEqual([]);
  });
});

describe('input checks on a document seen before', () => {
  it('reads the variables of every request, and keeps the file argument exempt from the length bound', () => {
    const document = parse(
      'mutation Add($id: ID!, $name: String!, $data: String!) { addClaimAttachment(claimId: $id, filename: $name, contentBase64: $data) { __typename } }',
    );
    const long = 'A'.repeat(20_000);
    expect(checkInputs(document, { id: '1', name: 'photo.jpg', data: long })).toBeNull();
    expect(checkInputs(document, { id: '1', name: long, data: long })?.message).toContain('$name');
    expect(checkInputs(document, { id: '1', name: 'a\u0000b', data: 'x' })?.message).toContain('NUL');
    expect(checkInputs(document, { id: '1', name: 'photo.jpg', data: long })).toBeNull();
  });

  it('refuses a flawed literal every time its document is sent', () => {
    const document = parse('{ search(query: "a\\u0000b") { id } }');
    expect(checkInputs(document, {})?.message).toContain('NUL');
    expect(checkInputs(document, undefined)?.message).toContain('NUL');
  });
});
