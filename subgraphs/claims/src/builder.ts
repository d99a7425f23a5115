// Pothos configuration of the claims subgraph: the platform kit's builder on this subgraph's context and Prisma types.
import { createSubgraphBuilder } from '@abri/platform/kit';
import type PrismaTypes from '../../../prisma/claims/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/claims/generated/pothos-types.ts';
import type { ClaimsContext } from './context.ts';
import { type JSONObject, JSONObjectScalar } from './schema/json-object.ts';

export const { builder, ErrorInterface, MoneyRef, customerEventSubscription } = createSubgraphBuilder<
  ClaimsContext,
  PrismaTypes,
  { JSONObject: { Input: JSONObject; Output: JSONObject } }
>({ datamodel: getDatamodel(), money: true, scalars: { JSONObject: JSONObjectScalar } });
