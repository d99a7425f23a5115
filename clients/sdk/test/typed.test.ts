// Operations typed from the supergraph: a document written with `graphql()` gives `request()` and `follow()` its
// result and variables types, and a field the API does not have is a type error (checked by tsc on this file).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AbriClient } from '../src/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../src/graphql.ts';

const CLAIM_EVENTS = graphql(`
  subscription ClaimEvents($after: String) {
    claimStatusChanged(after: $after) { cursor status claim { reference } }
  }
`);
const CUSTOMER_EVENTS = graphql(`
  subscription CustomerEvents($after: String) {
    customerEvents(after: $after) { __typename cursor ... on ClaimStatusUpdate { status } }
  }
`);
const ME = graphql(`query Me { me { id firstName } }`);

describe('typed operations', () => {
  it('types results and variables from the schema', () => {
    expectTypeOf<ResultOf<typeof CLAIM_EVENTS>['claimStatusChanged']['cursor']>().toEqualTypeOf<string>();
    expectTypeOf<VariablesOf<typeof CLAIM_EVENTS>>().toEqualTypeOf<{ after?: string | null | undefined }>();
  });

  it('types the customer stream by kind, each with its cursor', () => {
    type Event = ResultOf<typeof CUSTOMER_EVENTS>['customerEvents'];
    expectTypeOf<Event['cursor']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Event, { __typename: 'ClaimStatusUpdate' }>['status']>().toEqualTypeOf<
      ResultOf<typeof CLAIM_EVENTS>['claimStatusChanged']['status']
    >();
  });

  it('sends the document as text and types the answer', async () => {
    let sent = '';
    const client = new AbriClient('http://gateway.test/graphql', {
      fetch: (async (_url: string, init: { body: string }) => {
        sent = (JSON.parse(init.body) as { query: string }).query;
        return Response.json({ data: { me: { id: 'c1', firstName: 'Camille' } } });
      }) as unknown as typeof fetch,
    });
    const { data } = await client.request(ME);
    expectTypeOf(data).toEqualTypeOf<ResultOf<typeof ME> | null | undefined>();
    expect(data?.me?.firstName).toBe('Camille');
    expect(sent).toContain('firstName');
  });
});
