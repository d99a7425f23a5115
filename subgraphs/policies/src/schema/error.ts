// The shared `Error` interface (platform kit) on this subgraph's builder, and this subgraph's common failures.
import type { Typed } from '@abri/platform/kit';
import { builder, ErrorInterface } from '../builder.ts';

export { byTypename, type Typed } from '@abri/platform/kit';

export { ErrorInterface };

export const PolicyNotFound = builder
  .objectRef<Typed<'PolicyNotFound', { message: string }>>('PolicyNotFound')
  .implement({
    description: 'No such contract among the caller’s.',
    interfaces: [ErrorInterface],
  });
export const policyNotFound = () => ({ __typename: 'PolicyNotFound' as const, message: 'Contrat introuvable.' });
