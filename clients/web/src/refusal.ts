// The refusals a screen shows as the service words them: the GraphQL errors whose message is written for the
// customer (too many attempts, with when to come back). Any other failure stays a screen's own generic sentence.
import type { CombinedError } from 'urql';

const FOR_THE_CUSTOMER = new Set(['RATE_LIMITED']);

/** The service's French message for a refusal meant for the customer, else null. */
export function refusalOf(error: CombinedError | undefined): string | null {
  const first = error?.graphQLErrors.find((e) => FOR_THE_CUSTOMER.has(String(e.extensions?.['code'])));
  return first?.message ?? null;
}

/** The change needs the password proven again (step-up): the screen asks for it, then tries once more. */
export const needsStepUp = (error: CombinedError | undefined) =>
  Boolean(error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'REAUTHENTICATION_REQUIRED'));
