// Abri's federation engine: Hive Router's query planner (MIT, native) plans each operation once per document, and
// a small executor of our own runs the plan over signed hops, then cuts the merged answers to the client's
// operation. Introspection is answered locally from the API schema.
import { type QueryPlan, QueryPlanner } from '@graphql-hive/router-query-planner';
import {
  buildASTSchema,
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { Json, TypeMatcher } from './entities.ts';
import { createHops, type Hops } from './hops.ts';
import { type Projection, project } from './project.ts';
import { createPlanRunner, type PlanError, type RunState } from './run-plan.ts';

export type { PlanError } from './run-plan.ts';

/** What is kept per document and operation: its plan and what the projection needs. */
export interface Prepared {
  plan: QueryPlan;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  conditional: boolean;
  /** Root fields that are introspection (`__schema`, `__type`), answered locally. */
  introspection: boolean;
  /** Nothing but introspection and __typename at the root: no subgraph is asked. */
  introspectionOnly: boolean;
}

export interface EngineResult {
  data: Json | null;
  errors: PlanError[];
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export interface Engine {
  apiSchema: GraphQLSchema;
  hops: Hops;
  matches: TypeMatcher;
  prepare(document: DocumentNode, operationName: string | null | undefined, key: string, source?: string): Prepared;
  execute(
    prepared: Prepared,
    document: DocumentNode,
    variables: Record<string, unknown>,
    context: GatewayContext,
  ): Promise<EngineResult>;
  /** Runs `node` (a plan's steps after the subscription's primary fetch) over `data`, then projects. */
  runOver: ReturnType<typeof createPlanRunner>['run'];
  /** The client's data from a run's merged answers (`operation`: the client's own, when the plan's differs). */
  projectOnto(
    prepared: Prepared,
    state: RunState,
    options?: { operation?: OperationDefinitionNode; lenient?: boolean },
  ): Json | null;
  close(): void;
}

export function createEngine(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  hopSecrets: import('@abri/platform').HopSecrets;
  /** @default 1000 documents */
  planCacheSize?: number;
  /** @default signed HTTP calls to `subgraphUrls` (tests give their own) */
  hops?: Hops;
  /** The clock hop signatures are dated by. @default the system clock */
  now?: () => Date;
  /** Told why a subgraph gave no answer (clients get a typed UNAVAILABLE only). */
  onHopFailure?: (subgraph: string, error: unknown) => void;
}): Engine {
  const planner = new QueryPlanner(options.supergraphSdl);
  const apiSchema = apiSchemaOf(planner.consumerSchema);
  const hops =
    options.hops ??
    createHops({
      subgraphUrls: options.subgraphUrls,
      hopSecrets: options.hopSecrets,
      ...(options.now ? { now: options.now } : {}),
    });
  const matches: TypeMatcher = (typename, condition) => {
    if (typename === condition) return true;
    if (typeof typename !== 'string') return false;
    const conditionType = apiSchema.getType(condition);
    const type = apiSchema.getType(typename);
    return Boolean(
      conditionType &&
        type &&
        isAbstractType(conditionType) &&
        apiSchema.isSubType(conditionType, type as GraphQLObjectType),
    );
  };
  const runner = createPlanRunner(hops, matches, options.onHopFailure);
  const cacheSize = options.planCacheSize ?? 1000;
  const cache = new Map<string, Prepared>();

  function prepare(
    document: DocumentNode,
    operationName: string | null | undefined,
    key: string,
    source?: string,
  ): Prepared {
    const cacheKey = `${key}\u0000${operationName ?? ''}`;
    const hit = cache.get(cacheKey);
    if (hit) {
      // Least recently used first out: a hit moves to the end.
      cache.delete(cacheKey);
      cache.set(cacheKey, hit);
      return hit;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = (
      operationName ? operations.find((o) => o.name?.value === operationName) : operations[0]
    ) as OperationDefinitionNode;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    let conditional = false;
    visit(document, {
      Directive(node) {
        if (node.name.value === 'skip' || node.name.value === 'include') conditional = true;
      },
    });
    const rootNames = rootFieldNames(operation.selectionSet, fragments);
    const introspection = rootNames.some((n) => INTROSPECTION_FIELDS.has(n));
    const introspectionOnly = rootNames.every((n) => INTROSPECTION_FIELDS.has(n) || n === '__typename');
    const plan: QueryPlan = introspectionOnly
      ? { kind: 'QueryPlan' }
      : planner.plan(source ?? print(document), operationName ?? null, new Set(), 0);
    const prepared: Prepared = { plan, operation, fragments, conditional, introspection, introspectionOnly };
    cache.set(cacheKey, prepared);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return prepared;
  }

  function rootType(operation: OperationDefinitionNode): GraphQLObjectType {
    const type =
      operation.operation === 'query'
        ? apiSchema.getQueryType()
        : operation.operation === 'mutation'
          ? apiSchema.getMutationType()
          : apiSchema.getSubscriptionType();
    if (!type) throw new Error(`the schema has no ${operation.operation} type`);
    return type;
  }

  function projectOnto(
    prepared: Prepared,
    state: RunState,
    options: { operation?: OperationDefinitionNode; lenient?: boolean; preset?: Json } = {},
  ): Json | null {
    const operation = options.operation ?? prepared.operation;
    const projection: Projection = {
      schema: apiSchema,
      fragments: prepared.fragments,
      variables: state.variables,
      errors: state.errors,
      conditional: prepared.conditional,
      ...(options.preset ? { preset: options.preset } : {}),
      ...(options.lenient ? { lenient: true } : {}),
    };
    return project(projection, rootType(operation), operation.selectionSet, state.data);
  }

  async function introspect(document: DocumentNode, prepared: Prepared, variables: Record<string, unknown>) {
    const result = await execute({
      schema: apiSchema,
      document: {
        kind: Kind.DOCUMENT,
        definitions: [
          {
            ...prepared.operation,
            selectionSet: {
              kind: Kind.SELECTION_SET,
              selections: prepared.operation.selectionSet.selections.filter(
                (s) => s.kind !== Kind.FIELD || INTROSPECTION_FIELDS.has(s.name.value) || s.name.value === '__typename',
              ),
            },
          },
          ...Object.values(prepared.fragments),
        ],
      },
      variableValues: variables,
    });
    void document;
    return result;
  }

  return {
    apiSchema,
    hops,
    matches,
    prepare,
    async execute(prepared, document, variables, context) {
      const state: RunState = { data: {}, errors: [], variables, context };
      let preset: Json | undefined;
      const [, introspection] = await Promise.all([
        prepared.plan.node ? runner.run(prepared.plan.node, state) : undefined,
        prepared.introspection ? introspect(document, prepared, variables) : undefined,
      ]);
      if (introspection) {
        if (introspection.errors?.length)
          return { data: null, errors: introspection.errors.map((e) => ({ message: e.message, extensions: {} })) };
        preset = (introspection.data ?? {}) as Json;
      }
      const data = projectOnto(prepared, state, preset ? { preset } : {});
      return { data, errors: state.errors };
    },
    runOver: runner.run,
    projectOnto,
    close: () => hops.close(),
  };
}

/** The names of the fields at the root of an operation, through fragments. */
function rootFieldNames(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  const names: string[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFieldNames(selection.selectionSet, fragments));
    else {
      const fragment = fragments[selection.name.value];
      if (fragment) names.push(...rootFieldNames(fragment.selectionSet, fragments));
    }
  }
  return names;
}

/**
 * The API schema from the planner's consumer schema, which also prints the introspection types and root fields:
 * graphql-js adds those itself and refuses them as user types.
 */
export function apiSchemaOf(consumerSchema: string): GraphQLSchema {
  const document = parse(consumerSchema);
  return buildASTSchema({
    ...document,
    definitions: document.definitions
      .filter((d) => !('name' in d && d.name?.value.startsWith('__')))
      .map((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && d.fields
          ? { ...d, fields: d.fields.filter((f) => !f.name.value.startsWith('__')) }
          : d,
      ),
  });
}
