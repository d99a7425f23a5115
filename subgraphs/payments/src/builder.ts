// Pothos configuration of the payments subgraph, and nothing else.

import { DateScalar, DateTimeScalar } from '@abri/platform';
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from '../../../prisma/payments/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/payments/generated/pothos-types.ts';
import type { PaymentsContext } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: PaymentsContext;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date }; Date: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [DirectivesPlugin, PrismaPlugin, FederationPlugin],
  defaultFieldNullability: false,
  prisma: { client: (ctx) => ctx.app.prisma, dmmf: getDatamodel(), onUnusedQuery: null },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('Date', DateScalar);
