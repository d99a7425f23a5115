// The shared `Error` interface (platform kit) on this subgraph's builder, and this subgraph's common failures.
import { abriError, ErrorCode } from '@abri/platform';

export { byTypename, type Typed } from '@abri/platform/kit';

export { ErrorInterface } from '../builder.ts';

/** Free-text inputs of the account entry points are bounded before any work (hashing, lookups). */
export const MAX_INPUT = 1024;
export const bounded = (value: string, what: string) => {
  if (value.length > MAX_INPUT) throw abriError(ErrorCode.BAD_USER_INPUT, `${what} is too long.`);
  return value;
};
