// Pothos configuration of the payments subgraph: the platform kit's builder on this subgraph's context and Prisma types.
import { createSubgraphBuilder } from '@abri/platform/kit';
import type PrismaTypes from '../../../prisma/payments/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/payments/generated/pothos-types.ts';
import type { PaymentsContext } from './context.ts';

export const { builder, ErrorInterface, MoneyRef, customerEventSubscription } = createSubgraphBuilder<
  PaymentsContext,
  PrismaTypes
>({ datamodel: getDatamodel(), money: true });
