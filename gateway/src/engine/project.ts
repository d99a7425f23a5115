// The merged subgraph answers cut to exactly what the client asked, in the order it asked: aliases and fragments
// resolved against the API schema, `__typename` filled in, and a null in a non-null position nulling the nearest
// nullable parent (with an error, unless a subgraph's error already explains it).
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Json, Path } from './entities.ts';
import type { PlanError } from './run-plan.ts';

const PROPAGATE = Symbol('null propagates');

export interface Projection {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: PlanError[];
  /** Whether the document uses @skip/@include (then field collection depends on the variables and is not cached). */
  conditional: boolean;
  /** Root fields answered elsewhere (introspection), by response key. */
  preset?: Json;
  /**
   * Keep a null that a subgraph's error explains where it is, instead of nulling its parents (subscription events:
   * an event must reach the device with its cursor even when a secondary subgraph failed; the error says what is
   * missing).
   */
  lenient?: boolean;
}

type Collected = Map<string, FieldNode[]>;
const collectedCache = new WeakMap<SelectionSetNode, Map<string, Collected>>();

function conditionValue(value: ValueNode, variables: Record<string, unknown>): boolean {
  if (value.kind === Kind.BOOLEAN) return value.value;
  if (value.kind === Kind.VARIABLE) return Boolean(variables[value.name.value]);
  return true;
}

function included(
  node: FieldNode | { directives?: readonly import('graphql').DirectiveNode[] },
  variables: Record<string, unknown>,
) {
  for (const directive of node.directives ?? []) {
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    if (!arg) continue;
    if (directive.name.value === 'skip' && conditionValue(arg.value, variables)) return false;
    if (directive.name.value === 'include' && !conditionValue(arg.value, variables)) return false;
  }
  return true;
}

export function typeConditionMatches(schema: GraphQLSchema, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = schema.getType(condition);
  return Boolean(conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, type));
}

function collect(p: Projection, type: GraphQLObjectType, selectionSet: SelectionSetNode): Collected {
  if (!p.conditional) {
    const cached = collectedCache.get(selectionSet)?.get(type.name);
    if (cached) return cached;
  }
  const fields: Collected = new Map();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection, p.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || typeConditionMatches(p.schema, selection.typeCondition.name.value, type))
          walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = p.fragments[name];
        if (fragment && typeConditionMatches(p.schema, fragment.typeCondition.name.value, type))
          walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  if (!p.conditional) {
    let byType = collectedCache.get(selectionSet);
    if (!byType) {
      byType = new Map();
      collectedCache.set(selectionSet, byType);
    }
    byType.set(type.name, fields);
  }
  return fields;
}

/** Merges the selection sets of the same response key's field nodes (the client may select a field twice). */
function subSelection(nodes: FieldNode[]): SelectionSetNode {
  if (nodes.length === 1) return nodes[0]!.selectionSet!;
  return {
    kind: Kind.SELECTION_SET,
    selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []),
  };
}

const mergedSelections = new WeakMap<FieldNode, SelectionSetNode>();
function selectionOf(nodes: FieldNode[]): SelectionSetNode {
  const first = nodes[0]!;
  if (nodes.length === 1) return first.selectionSet!;
  let merged = mergedSelections.get(first);
  if (!merged) {
    merged = subSelection(nodes);
    mergedSelections.set(first, merged);
  }
  return merged;
}

const samePathPrefix = (a: Path, b: Path) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether a null is already explained: a subgraph error on this path (or above or below it), or no answer at all. */
const explained = (p: Projection, value: unknown, path: Path) =>
  p.errors.some((e) => (e.path ? samePathPrefix(e.path, path) : value === undefined));

function nonNullViolation(p: Projection, parent: string, field: string, value: unknown, path: Path) {
  if (explained(p, value, path)) return;
  p.errors.push({
    message: `Cannot return null for non-nullable field ${parent}.${field}.`,
    path: [...path],
    extensions: {},
  });
}

function complete(
  p: Projection,
  type: GraphQLOutputType,
  nodes: FieldNode[],
  value: unknown,
  path: Path,
  parent: string,
): unknown {
  if (isNonNullType(type)) {
    const inner = completeNullable(p, type.ofType, nodes, value, path, parent);
    if (inner === PROPAGATE) return PROPAGATE;
    if (inner === null) {
      if (p.lenient && explained(p, value, path)) return null;
      nonNullViolation(p, parent, nodes[0]!.name.value, value, path);
      return PROPAGATE;
    }
    return inner;
  }
  const result = completeNullable(p, type, nodes, value, path, parent);
  return result === PROPAGATE ? null : result;
}

function completeNullable(
  p: Projection,
  type: GraphQLOutputType,
  nodes: FieldNode[],
  value: unknown,
  path: Path,
  parent: string,
): unknown {
  if (value === null || value === undefined) return null;
  if (isListType(type)) {
    if (!Array.isArray(value)) return null;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const item = complete(p, type.ofType, nodes, value[i], path, parent);
      path.pop();
      if (item === PROPAGATE) return PROPAGATE;
      out[i] = item;
    }
    return out;
  }
  if (isLeafType(type)) return value;
  if (typeof value !== 'object') return null;
  const runtime = runtimeType(p, type as GraphQLObjectType | GraphQLAbstractType, value as Json);
  if (!runtime) return null;
  return completeObject(p, runtime, selectionOf(nodes), value as Json, path);
}

function runtimeType(p: Projection, type: GraphQLObjectType | GraphQLAbstractType, value: Json) {
  if (isObjectType(type)) return type;
  const name = value.__typename;
  const candidate = typeof name === 'string' ? p.schema.getType(name) : undefined;
  return candidate && isObjectType(candidate) && p.schema.isSubType(type, candidate) ? candidate : null;
}

export function completeObject(
  p: Projection,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  source: Json,
  path: Path,
): Json | typeof PROPAGATE {
  const out: Json = {};
  const fields = type.getFields();
  for (const [key, nodes] of collect(p, type, selectionSet)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      out[key] = type.name;
      continue;
    }
    if (path.length === 0 && p.preset && (name === '__schema' || name === '__type')) {
      out[key] = p.preset[key];
      continue;
    }
    const field = fields[name];
    if (!field) continue;
    path.push(key);
    const value = complete(p, field.type, nodes, source[key], path, type.name);
    path.pop();
    if (value === PROPAGATE) return PROPAGATE;
    out[key] = value;
  }
  return out;
}

/** The client's response data from the merged tree: null when a non-null root field could not be answered. */
export function project(
  p: Projection,
  root: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  data: Json,
): Json | null {
  const result = completeObject(p, root, selectionSet, data, []);
  return result === PROPAGATE ? null : result;
}
