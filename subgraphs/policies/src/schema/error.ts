import { builder } from '../builder.ts';

/** Every expected failure a client handles implements Error; clients switch on __typename, never on the message. */
export const ErrorInterface = builder.interfaceRef<{ message: string }>('Error').implement({
  description: 'An expected failure the client handles by its type (never by its message).',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A French message that can be shown as is.' }) }),
});

export type Typed<N extends string, T = object> = T & { __typename: N };
export const byTypename = (value: { __typename: string }) => value.__typename;

export const PolicyNotFound = builder
  .objectRef<Typed<'PolicyNotFound', { message: string }>>('PolicyNotFound')
  .implement({
    description: 'No such contract among the caller’s.',
    interfaces: [ErrorInterface],
  });
export const policyNotFound = () => ({ __typename: 'PolicyNotFound' as const, message: 'Contrat introuvable.' });
