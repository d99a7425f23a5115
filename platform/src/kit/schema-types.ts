// The GraphQL types every subgraph declares alike (the `Error` interface of typed results, the shareable `Money`
// value), defined once here and added to a subgraph's Pothos builder by
// `errorInterface(builder)` and `moneyType(builder)`.
import type { InterfaceRef, ObjectRef, SchemaTypes } from '@pothos/core';

// The fields below are the same for every subgraph's builder, whatever its context; Pothos cannot check a field
// against a builder's types while they are still a type parameter, so they are declared on the untyped builder and
// the refs are handed back typed.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyBuilder = PothosSchemaTypes.SchemaBuilder<any>;

/** An expected failure as a result type carries it: a French message that can be shown as is. */
export interface ErrorShape {
  message: string;
}

/** An amount in integer cents with its ISO 4217 currency. */
export interface Money {
  amountCents: number;
  currency: string;
}

export const money = (amountCents: number, currency = 'EUR'): Money => ({ amountCents, currency });

/** Result objects name their GraphQL type, so unions resolve without guessing. */
export type Typed<N extends string, T = object> = T & { __typename: N };
export const byTypename = (value: { __typename: string }) => value.__typename;

/** The `Error` interface every expected-failure type implements; clients switch on __typename, never on the message. */
export function errorInterface<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  return (builder as unknown as AnyBuilder).interfaceRef<ErrorShape>('Error').implement({
    description: 'An expected failure the client handles by its type (never by its message).',
    fields: (t) => ({
      message: t.string({
        description: 'A French message that can be shown as is.',
        resolve: (e: ErrorShape) => e.message,
      }),
    }),
  }) as unknown as InterfaceRef<Types, ErrorShape>;
}

/** The `Money` value type, shareable: every subgraph that shows an amount declares it the same. */
export function moneyType<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  return (builder as unknown as AnyBuilder).objectRef<Money>('Money').implement({
    description: 'An amount of money in integer cents, with its ISO 4217 currency.',
    shareable: true,
    fields: (t) => ({
      amountCents: t.int({ description: 'Amount in cents (12345 = 123.45).', resolve: (m: Money) => m.amountCents }),
      currency: t.string({ description: 'ISO 4217 code, EUR.', resolve: (m: Money) => m.currency }),
    }),
  }) as unknown as ObjectRef<Types, Money>;
}
