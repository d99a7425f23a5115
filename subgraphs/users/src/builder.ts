// Pothos configuration of the users subgraph: the platform kit's builder on this subgraph's context and Prisma types.
import { createSubgraphBuilder } from '@abri/platform/kit';
import type PrismaTypes from '../../../prisma/users/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/users/generated/pothos-types.ts';
import type { UsersContext } from './context.ts';

export const { builder, ErrorInterface, MoneyRef, customerEventSubscription } = createSubgraphBuilder<
  UsersContext,
  PrismaTypes
>({
  datamodel: getDatamodel(),
  money: true,
  filterConnectionTotalCount: true,
});
