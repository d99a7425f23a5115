import { abriError, ErrorCode } from '@abri/platform';
import { builder } from '../builder.ts';

/** Every expected failure a client handles implements Error; clients switch on __typename, never on the message. */
export const ErrorInterface = builder.interfaceRef<{ message: string }>('Error').implement({
  description: 'An expected failure the client handles by its type (never by its message).',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A French message that can be shown as is.' }) }),
});

/** Result objects name their GraphQL type, so unions resolve without guessing. */
export type Typed<N extends string, T = object> = T & { __typename: N };
export const byTypename = (value: { __typename: string }) => value.__typename;

/** Free-text inputs of the account entry points are bounded before any work (hashing, lookups). */
export const MAX_INPUT = 1024;
export const bounded = (value: string, what: string) => {
  if (value.length > MAX_INPUT) throw abriError(ErrorCode.BAD_USER_INPUT, `${what} is too long.`);
  return value;
};
