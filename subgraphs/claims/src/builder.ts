// Pothos configuration of the claims subgraph, and nothing else.

import { DateScalar, DateTimeScalar } from '@abri/platform';
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type PrismaTypes from '../../../prisma/claims/generated/pothos-types.ts';
import { getDatamodel } from '../../../prisma/claims/generated/pothos-types.ts';
import type { ClaimsContext } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: ClaimsContext;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [DirectivesPlugin, PrismaPlugin, FederationPlugin],
  defaultFieldNullability: false,
  prisma: { client: (ctx) => ctx.app.prisma, dmmf: getDatamodel(), onUnusedQuery: null },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('Date', DateScalar);

// Form answers travel as one JSON object; the form validation (domain/forms) checks every value.
const literal = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
      return Number.parseInt(ast.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(ast.value);
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError('Les réponses ne peuvent pas contenir de variables.', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
  }
};

builder.addScalarType(
  'JSONObject',
  new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
    name: 'JSONObject',
    description: 'A JSON object (form answers by question id).',
    serialize: (v) => v as Record<string, unknown>,
    parseValue: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new GraphQLError('Valeur attendue : un objet JSON.', { extensions: { code: 'BAD_USER_INPUT' } });
      return v as Record<string, unknown>;
    },
    parseLiteral: (ast) => {
      const v = literal(ast);
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new GraphQLError('Valeur attendue : un objet JSON.', { extensions: { code: 'BAD_USER_INPUT' } });
      return v as Record<string, unknown>;
    },
  }),
);
