// The one Pothos builder every subgraph starts from: the same plugins in the same order, the shared scalars, the
// `Error` interface of typed results, `Money` for the subgraphs that show amounts, the access scopes, and the
// customer-event subscription field. A subgraph's `builder.ts` only names its context and its Prisma types.
import SchemaBuilder, { type InterfaceRef, type ObjectRef, type SchemaTypes } from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PrismaClient } from '@pothos/plugin-prisma';
import ScopeAuthPlugin, { type ForbiddenResult } from '@pothos/plugin-scope-auth';
import type { GraphQLScalarType } from 'graphql';
import type { EventDescriptor, TypedEvent } from '../events/catalog.ts';
import { customerEvents, parseCursor } from '../events/live.ts';
import type { Identity } from '../identity.ts';
import type { StaffAccessApp } from '../privacy/staff-access.ts';
import { DateScalar, DateTimeScalar } from '../scalars.ts';
import type { ServiceBase } from '../service.ts';
import type { RequestContext } from '../subgraph.ts';
import { type AnyBuilder, type ErrorShape, errorInterface, type Money, moneyType } from './schema-types.ts';
import { type AccessScopes, accessScopes, refusal, type ScopedContexts } from './scopes.ts';

/** The scalars every subgraph has (instants and calendar days, both `Date` in resolvers). */
export interface KitScalars {
  DateTime: { Input: Date; Output: Date };
  Date: { Input: Date; Output: Date };
}

/** What a subgraph's request context must hold for the kit: the caller, and its app's database, outbox and bus. */
export interface KitContext extends RequestContext {
  app: Pick<ServiceBase<unknown>, 'outbox' | 'bus' | 'clock'> & { prisma: unknown };
}

/** A subgraph's own scalars beyond the kit's: their shapes in resolvers. */
export type ScalarShapes = Record<string, { Input: unknown; Output: unknown }>;

/** The Pothos schema types of a subgraph built by the kit. */
export interface SubgraphTypes<Ctx extends KitContext, Prisma extends object, Extra extends ScalarShapes> {
  Context: Ctx;
  PrismaTypes: Prisma;
  Scalars: KitScalars & Extra;
  AuthScopes: AccessScopes;
  AuthContexts: ScopedContexts<Ctx>;
  DefaultFieldNullability: false;
}

export interface SubgraphBuilderOptions<Extra extends ScalarShapes> {
  /** The subgraph's Prisma datamodel: `getDatamodel()` of its generated Pothos types. */
  datamodel: { datamodel: unknown };
  /** Declare the shareable `Money` type (the subgraphs that show amounts). @default false */
  money?: boolean;
  /** A relation connection's `totalCount` counts with the connection's filter. @default false */
  filterConnectionTotalCount?: boolean;
  /** The subgraph's own scalars, by name. @default none */
  scalars?: { [K in keyof Extra]: GraphQLScalarType<Extra[K]['Input'], unknown> };
}

/** A subgraph's builder and the kit's types on it. */
export interface SubgraphKit<Types extends SchemaTypes> {
  builder: PothosSchemaTypes.SchemaBuilder<Types>;
  /** The `Error` interface every expected-failure type implements. */
  ErrorInterface: InterfaceRef<Types, ErrorShape>;
  /** The shareable `Money` type; only in a schema built with `money: true` (else the schema fails to build). */
  MoneyRef: ObjectRef<Types, Money>;
  /**
   * Declares `name` on Subscription: the signed-in customer's events of `event` (from the catalogue), with `after` (a
   * cursor of the event's source) first those missed since it. Only a customer may subscribe (UNAUTHENTICATED
   * otherwise).
   */
  customerEventSubscription<P>(
    name: string,
    options: {
      type: ObjectRef<Types, TypedEvent<P>> | InterfaceRef<Types, TypedEvent<P>>;
      description: string;
      event: EventDescriptor<P>;
    },
  ): void;
}

/** The builder of one subgraph, with its request context `Ctx` and its generated Prisma types. */
export function createSubgraphBuilder<
  Ctx extends KitContext & { app: StaffAccessApp },
  Prisma extends object,
  // biome-ignore lint/complexity/noBannedTypes: no scalars of its own
  Extra extends ScalarShapes = {},
>(
  options: SubgraphBuilderOptions<Extra>,
): SubgraphKit<PothosSchemaTypes.ExtendDefaultTypes<SubgraphTypes<Ctx, Prisma, Extra>>> {
  type Types = PothosSchemaTypes.ExtendDefaultTypes<SubgraphTypes<Ctx, Prisma, Extra>>;
  const builder = new SchemaBuilder<SubgraphTypes<Ctx, Prisma, Extra>>({
    // Scope auth first: no other plugin's wrapper runs before a refused field is refused.
    plugins: [ScopeAuthPlugin, DirectivesPlugin, PrismaPlugin, FederationPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      // A subscription is refused when it is opened, not at its first event.
      authorizeOnSubscribe: true,
      // Scopes with an object parameter (`customerFile`) are built per field: cache them by value.
      cacheKey: (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : value),
      authScopes: (ctx: Ctx) => accessScopes(ctx),
      unauthorizedError: (_parent: unknown, ctx: Ctx, _info: unknown, result: ForbiddenResult) =>
        refusal(ctx, result.failure),
    },
    prisma: {
      client: (ctx: Ctx) => ctx.app.prisma as unknown as PrismaClient,
      dmmf: options.datamodel,
      onUnusedQuery: null,
      ...(options.filterConnectionTotalCount ? { filterConnectionTotalCount: true } : {}),
    },
  } as unknown as PothosSchemaTypes.SchemaBuilderOptions<Types>) as PothosSchemaTypes.SchemaBuilder<Types>;

  builder.addScalarType('DateTime', DateTimeScalar as never);
  builder.addScalarType('Date', DateScalar as never);
  for (const [name, scalar] of Object.entries(options.scalars ?? {}))
    builder.addScalarType(name as never, scalar as never);

  const ErrorInterface = errorInterface(builder);
  const MoneyRef = options.money ? moneyType(builder) : builder.objectRef<Money>('Money');

  const customerEventSubscription: SubgraphKit<Types>['customerEventSubscription'] = (name, field) =>
    (builder as unknown as AnyBuilder).subscriptionField(name, (t) =>
      t.field({
        type: field.type,
        description: field.description,
        authScopes: { customer: true },
        args: { after: t.arg.string({ description: 'The cursor of the last event received.' }) },
        subscribe: (_root: unknown, { after }: { after?: string | null }, ctx: Ctx & { who: Identity }) =>
          customerEvents({
            bus: ctx.app.bus,
            outbox: ctx.app.outbox,
            event: field.event,
            customerId: ctx.who.sub,
            afterId: parseCursor(field.event.source, after),
          }),
        resolve: (event: TypedEvent<unknown>) => event,
      }),
    );

  return { builder, ErrorInterface, MoneyRef, customerEventSubscription };
}
