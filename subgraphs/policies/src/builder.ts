// Pothos configuration of the policies subgraph: the platform kit's builder on this subgraph's context and Prisma types.
import { createSubgraphBuilder } from '@abri/platform/kit';
import type PrismaTypes from '../../../prisma/policies/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/policies/generated/pothos-types.ts';
import type { PoliciesContext } from './context.ts';

export const { builder, ErrorInterface, MoneyRef } = createSubgraphBuilder<PoliciesContext, PrismaTypes>({
  datamodel: getDatamodel(),
  money: true,
});
