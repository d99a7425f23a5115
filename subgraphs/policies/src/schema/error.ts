// The shared `Error` interface (platform kit) on this subgraph's builder, and this subgraph's common failures.
import { errorInterface, type Typed } from '@abri/platform/kit';
import { builder } from '../builder.ts';

export { byTypename, type Typed } from '@abri/platform/kit';

export const ErrorInterface = errorInterface(builder);

export const PolicyNotFound = builder
  .objectRef<Typed<'PolicyNotFound', { message: string }>>('PolicyNotFound')
  .implement({
    description: 'No such contract among the caller’s.',
    interfaces: [ErrorInterface],
  });
export const policyNotFound = () => ({ __typename: 'PolicyNotFound' as const, message: 'Contrat introuvable.' });
