// The federation plumbing a subgraph answers the gateway with is our own MIT code (platform/federation-subgraph),
// installed where @pothos/plugin-federation looks for @apollo/subgraph: `_entities` resolves each representation
// through its type's own reference resolver (which checks ownership), an unknown type is a typed error, and the SDL
// printed for composition carries the federation directives without the plumbing.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { printSubgraphSchema } from '@apollo/subgraph';
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';

interface Person {
  id: string;
  name: string;
}
const people: Record<string, Person> = { c1: { id: 'c1', name: 'Camille' }, c2: { id: 'c2', name: 'Louis' } };

function buildSchema() {
  // The Prisma plugin's global types (loaded by the subgraphs in the same program) ask every builder for its options.
  const options = { plugins: [DirectivesPlugin, FederationPlugin] } as never;
  const builder = new SchemaBuilder<{ Context: { who: string } }>(options);
  const CustomerRef = builder.objectRef<Person>('Customer').implement({
    description: 'A policyholder.',
    fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
  });
  builder.asEntity(CustomerRef, {
    key: builder.selection<{ id: string }>('id'),
    // Only the owner: another customer's id resolves to nothing.
    resolveReference: async (ref, ctx) => (ref.id === ctx.who ? (people[ref.id] ?? null) : null),
  });
  builder.externalRef('Policy', builder.keyDirective(builder.selection<{ id: string }>('id'), false)).implement({
    externalFields: (t) => ({ id: t.id() }),
    fields: (t) => ({ holder: t.field({ type: CustomerRef, resolve: () => people.c1! }) }),
  });
  builder.queryType({ fields: (t) => ({ hello: t.string({ resolve: () => 'bonjour' }) }) });
  return builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
}

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Customer { id name } } }`;

describe('federation plumbing of a subgraph', () => {
  it('is our own module, and the Elastic-licensed federation internals are not installed', () => {
    const require = createRequire(import.meta.url);
    expect(realpathSync(require.resolve('@apollo/subgraph'))).toMatch(/platform\/federation-subgraph\/index\.cjs$/);
    expect(() => require.resolve('@apollo/federation-internals')).toThrow();
  });

  it('resolves each representation through its reference resolver, in order, null where not owned', async () => {
    const result = await graphql({
      schema: buildSchema(),
      source: ENTITIES,
      variableValues: {
        r: [
          { __typename: 'Customer', id: 'c2' },
          { __typename: 'Customer', id: 'c1' },
          { __typename: 'Customer', id: 'nobody' },
        ],
      },
      contextValue: { who: 'c1' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [null, { __typename: 'Customer', id: 'c1', name: 'Camille' }, null] });
  });

  it('refuses a representation of a type that is not an entity here, with a typed error', async () => {
    for (const r of [[{ __typename: 'Nope', id: 'c1' }], [{ id: 'c1' }], [{ __typename: '__Schema' }]]) {
      const result = await graphql({
        schema: buildSchema(),
        source: ENTITIES,
        variableValues: { r },
        contextValue: { who: 'c1' },
      });
      expect(result.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(result.data).toBeNull();
    }
  });

  it('prints the SDL the composition reads: the link, keys and external fields, no plumbing', () => {
    const sdl = printSubgraphSchema(buildSchema());
    expect(sdl.startsWith('extend schema\n  @link(url: "https://specs.apollo.dev/federation/v2.6", import: [')).toBe(
      true,
    );
    expect(sdl).toContain('"""A policyholder."""\ntype Customer @key(fields: "id") {');
    expect(sdl).toContain('type Policy @key(fields: "id", resolvable: false) @extends {');
    expect(sdl).toContain('  id: ID @external\n');
    expect(sdl).toContain('type Query {\n  hello: String\n}');
    for (const plumbing of ['_entities', '_service', '_Any', '_Entity', '_Service'])
      expect(sdl).not.toContain(plumbing);
  });
});
