// Runs a query plan: root fetches merged into the response tree, entity fetches (one request per subgraph and step,
// each distinct representation once) merged into the objects they extend, sequences in order, parallel steps at
// once. Subgraph errors keep their message and code, gain `serviceName`, and are re-pathed onto the client's response.

import { ErrorCode, SpanKind, withSpan } from '@abri/platform';
import type {
  BatchFetchNode,
  FetchNode,
  FlattenNodePathSegment,
  PlanNode,
  RequiresSelection,
} from '@graphql-hive/router-query-planner';
import { Kind, parse, type SelectionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import {
  deepMerge,
  type Found,
  findEntities,
  type Json,
  type Path,
  representations,
  rewrite,
  type TypeMatcher,
} from './entities.ts';
import { HopFailed, type Hops, type SubgraphResponse } from './hops.ts';

export interface PlanError {
  message: string;
  path?: Path;
  extensions: Record<string, unknown>;
}

export interface RunState {
  data: Json;
  errors: PlanError[];
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/** The operation text as a JSON string, escaped once per plan node. */
const escaped = new WeakMap<object, string>();
const operationJson = (node: FetchNode | BatchFetchNode) => {
  let json = escaped.get(node);
  if (json === undefined) {
    json = JSON.stringify(node.operation);
    escaped.set(node, json);
  }
  return json;
};

/** The response keys of a root fetch's top-level fields, read from its operation when a call fails (once a node). */
const rootKeysOf = new WeakMap<FetchNode, string[]>();
function rootKeys(node: FetchNode): string[] {
  let keys = rootKeysOf.get(node);
  if (keys) return keys;
  keys = [];
  const collect = (selections: readonly SelectionNode[]) => {
    for (const selection of selections)
      if (selection.kind === Kind.FIELD) keys!.push(selection.alias?.value ?? selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet.selections);
  };
  try {
    const operation = parse(node.operation).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operation) collect(operation.selectionSet.selections);
  } catch {
    // The planner's own text: unreadable, the error goes without a path.
  }
  keys = [...new Set(keys)];
  rootKeysOf.set(node, keys);
  return keys;
}

/** Whether a node may be sent again when its connection closed under it: a query, never a mutation. */
const replayable = (node: FetchNode | BatchFetchNode) =>
  node.operationKind ? node.operationKind === 'query' : !/^\s*mutation\b/.test(node.operation);

function pick(variables: Record<string, unknown>, usages: readonly string[] | undefined): Json | undefined {
  if (!usages?.length) return undefined;
  const out: Json = {};
  for (const name of usages) if (variables[name] !== undefined) out[name] = variables[name];
  return out;
}

/** A subgraph that gave no GraphQL answer: a typed, retryable error naming it, never the transport's own text. */
export function unavailable(subgraph: string, error: unknown, path?: Path): PlanError {
  const refused = error instanceof HopFailed && error.reason === 'refused';
  return {
    message: `Le service ${subgraph} ne répond pas : réessayez dans un instant.`,
    ...(path ? { path } : {}),
    extensions: {
      code: refused ? ErrorCode.INTERNAL : ErrorCode.UNAVAILABLE,
      serviceName: subgraph,
      retryable: !refused,
    },
  };
}

function subgraphError(
  subgraph: string,
  error: NonNullable<SubgraphResponse['errors']>[number],
  path: Path | undefined,
): PlanError {
  return {
    message: typeof error.message === 'string' ? error.message : 'Erreur interne : réessayez plus tard.',
    ...(path ? { path } : {}),
    extensions: { ...(error.extensions ?? {}), serviceName: subgraph },
  };
}

/** A plan step's call to a subgraph, as a client span (the hop carries its trace context). */
const step = (
  subgraph: string,
  kind: 'root' | 'entities',
  send: () => Promise<SubgraphResponse>,
  entities?: number,
): Promise<SubgraphResponse> =>
  withSpan(
    `fetch ${subgraph}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'abri.subgraph': subgraph,
        'abri.plan.step': kind,
        ...(entities !== undefined ? { 'abri.plan.representations': entities } : {}),
      },
    },
    send,
  );

/** `onHopFailure` hears why a subgraph gave no answer (the client only gets a typed error). */
export function createPlanRunner(
  hops: Hops,
  matches: TypeMatcher,
  onHopFailure: (subgraph: string, error: unknown) => void = () => {},
) {
  async function fetchRoot(node: FetchNode, state: RunState): Promise<void> {
    let response: SubgraphResponse;
    try {
      response = await step(node.serviceName, 'root', () =>
        hops.send(
          node.serviceName,
          operationJson(node),
          pick(state.variables, node.variableUsages),
          state.context,
          replayable(node),
        ),
      );
    } catch (error) {
      onHopFailure(node.serviceName, error);
      // One error on each root field the call was to answer: a client's cache can tell these nulls from values.
      const keys = rootKeys(node);
      if (!keys.length) state.errors.push(unavailable(node.serviceName, error));
      for (const key of keys) state.errors.push(unavailable(node.serviceName, error, [key]));
      return;
    }
    if (response.data) deepMerge(state.data, response.data);
    for (const error of response.errors ?? [])
      state.errors.push(subgraphError(node.serviceName, error, Array.isArray(error.path) ? error.path : undefined));
  }

  /** One entity request for several groups of objects (a flatten step, or each alias of a batch). */
  async function fetchEntities(
    node: FetchNode | BatchFetchNode,
    groups: {
      alias: string;
      variable: string;
      found: Found[];
      requires: readonly RequiresSelection[] | undefined;
      inputRewrites: FetchNode['inputRewrites'];
      outputRewrites: FetchNode['outputRewrites'];
    }[],
    state: RunState,
  ): Promise<void> {
    const variables: Json = pick(state.variables, node.variableUsages) ?? {};
    const prepared = groups.map((group) => {
      const built = representations(group.found, group.requires, group.inputRewrites, matches);
      variables[group.variable] = built.representations;
      return { ...group, ...built };
    });
    if (prepared.every((group) => group.representations.length === 0)) return;
    let response: SubgraphResponse;
    try {
      response = await step(
        node.serviceName,
        'entities',
        () => hops.send(node.serviceName, operationJson(node), variables, state.context, replayable(node)),
        prepared.reduce((n, group) => n + group.representations.length, 0),
      );
    } catch (error) {
      const first = prepared.find((group) => group.found.length)?.found[0];
      onHopFailure(node.serviceName, error);
      state.errors.push(unavailable(node.serviceName, error, first?.path));
      return;
    }
    for (const group of prepared) {
      const answers = response.data?.[group.alias];
      if (!Array.isArray(answers)) continue;
      group.found.forEach(({ object }, i) => {
        const answer = answers[group.indexOf[i]!];
        if (answer === null || typeof answer !== 'object') return;
        rewrite(answer as Json, group.outputRewrites, matches);
        deepMerge(object, answer as Json);
      });
    }
    for (const error of response.errors ?? []) {
      const [head, index, ...rest] = Array.isArray(error.path) ? error.path : [];
      const group = prepared.find((g) => g.alias === head);
      const at = group && typeof index === 'number' ? group.indexOf.indexOf(index) : -1;
      const path = group && at >= 0 ? [...group.found[at]!.path, ...rest] : undefined;
      state.errors.push(subgraphError(node.serviceName, error, path));
    }
  }

  async function run(node: PlanNode, state: RunState, base: readonly FlattenNodePathSegment[] = []): Promise<void> {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await run(child, state, base);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => run(child, state, base)));
        return;
      case 'Flatten':
        return run(node.node, state, [...base, ...node.path]);
      case 'Condition': {
        const branch = state.variables[node.condition] ? node.ifClause : node.elseClause;
        if (branch) await run(branch, state, base);
        return;
      }
      case 'Fetch':
        if (!node.requires?.length) return fetchRoot(node, state);
        return fetchEntities(
          node,
          [
            {
              alias: '_entities',
              variable: 'representations',
              found: findEntities(state.data, base, matches),
              requires: node.requires,
              inputRewrites: node.inputRewrites,
              outputRewrites: node.outputRewrites,
            },
          ],
          state,
        );
      case 'BatchFetch':
        return fetchEntities(
          node,
          node.entityBatch.aliases.map((alias) => ({
            alias: alias.alias,
            variable: alias.representationsVariableName,
            found: alias.paths.flatMap((path) => findEntities(state.data, [...base, ...path], matches)),
            requires: alias.requires,
            inputRewrites: alias.inputRewrites,
            outputRewrites: alias.outputRewrites,
          })),
          state,
        );
      default:
        throw new Error(`plan node ${node.kind} is not supported here`);
    }
  }

  return { run };
}
