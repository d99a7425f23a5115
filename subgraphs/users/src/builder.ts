// Pothos configuration of the users subgraph, and nothing else.

import { DateTimeScalar } from '@abri/platform';
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from '../../../prisma/users/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/users/generated/pothos-types.ts';
import type { UsersContext } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: UsersContext;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [DirectivesPlugin, PrismaPlugin, FederationPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.app.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
