// Entity fetches: find the objects a plan step extends (by its flatten path), build each one's representation from
// the fields the step requires, send each distinct representation once, and merge the answers back in place.
import type {
  FetchNodePathSegment,
  FetchRewrite,
  FlattenNodePathSegment,
  RequiresSelection,
} from '@graphql-hive/router-query-planner';

export type Path = (string | number)[];
export type Json = Record<string, unknown>;

export interface Found {
  object: Json;
  path: Path;
}

/** Whether an object of runtime type `typename` satisfies a type condition (a type, or an abstract type). */
export type TypeMatcher = (typename: unknown, condition: string) => boolean;

/** The objects at `path` under `root` (lists are entered with '@'; type conditions filter by __typename). */
export function findEntities(root: unknown, path: readonly FlattenNodePathSegment[], matches: TypeMatcher): Found[] {
  const found: Found[] = [];
  const walk = (value: unknown, at: number, trail: Path) => {
    if (value === null || value === undefined) return;
    if (at === path.length) {
      if (Array.isArray(value))
        value.forEach((item, i) => {
          walk(item, at, [...trail, i]);
        });
      else if (typeof value === 'object') found.push({ object: value as Json, path: trail });
      return;
    }
    const segment = path[at]!;
    if (segment === '@') {
      if (Array.isArray(value))
        value.forEach((item, i) => {
          walk(item, at + 1, [...trail, i]);
        });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, at, [...trail, i]);
      });
      return;
    }
    if (typeof value !== 'object') return;
    if ('Field' in segment) walk((value as Json)[segment.Field], at + 1, [...trail, segment.Field]);
    else if (segment.TypeCondition.some((type) => matches((value as Json).__typename, type)))
      walk(value, at + 1, trail);
  };
  walk(root, 0, []);
  return found;
}

const MISSING = Symbol('missing');

/** The part of `object` a step requires, or MISSING when a required field is absent (the object cannot be sent). */
function select(object: Json, selections: readonly RequiresSelection[], matches: TypeMatcher): Json | typeof MISSING {
  const out: Json = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (!matches(object.__typename, selection.typeCondition)) continue;
      const part = select(object, selection.selections, matches);
      if (part === MISSING) return MISSING;
      Object.assign(out, part);
    } else if (selection.kind === 'Field') {
      const value = object[selection.alias ?? selection.name];
      if (value === undefined) return MISSING;
      const nested = selectValue(value, selection.selections, matches);
      if (nested === MISSING) return MISSING;
      out[selection.name] = nested;
    } else {
      return MISSING;
    }
  }
  return out;
}

function selectValue(
  value: unknown,
  selections: readonly RequiresSelection[] | undefined,
  matches: TypeMatcher,
): unknown | typeof MISSING {
  if (!selections?.length || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => selectValue(item, selections, matches));
    return items.includes(MISSING) ? MISSING : items;
  }
  return select(value as Json, selections, matches);
}

/** Applies a plan's input or output rewrites (interface objects' __typename, renamed keys) to one object. */
export function rewrite(object: Json, rewrites: readonly FetchRewrite[] | undefined, matches: TypeMatcher): void {
  for (const r of rewrites ?? []) {
    const setter =
      'ValueSetter' in r
        ? r.ValueSetter
        : 'setValueTo' in r
          ? (r as { path: FetchNodePathSegment[]; setValueTo: string })
          : null;
    if (setter)
      applyAt(object, setter.path, matches, (parent, key) => {
        parent[key] = setter.setValueTo;
      });
    else if ('KeyRenamer' in r) {
      const { path, renameKeyTo } = r.KeyRenamer;
      applyAt(object, path, matches, (parent, key) => {
        if (key in parent) {
          parent[renameKeyTo] = parent[key];
          delete parent[key];
        }
      });
    }
  }
}

function applyAt(
  value: unknown,
  path: readonly FetchNodePathSegment[],
  matches: TypeMatcher,
  apply: (parent: Json, key: string) => void,
): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) applyAt(item, path, matches, apply);
    return;
  }
  const [segment, ...rest] = path;
  if (!segment) return;
  const object = value as Json;
  if ('TypenameEquals' in segment) {
    if (segment.TypenameEquals.some((type) => matches(object.__typename, type))) applyAt(object, rest, matches, apply);
    return;
  }
  if (!rest.length) apply(object, segment.Key);
  else applyAt(object[segment.Key], rest, matches, apply);
}

/** The distinct representations of `found` objects, and for each object the index of its representation. */
export function representations(
  found: readonly Found[],
  requires: readonly RequiresSelection[] | undefined,
  inputRewrites: readonly FetchRewrite[] | undefined,
  matches: TypeMatcher,
): { representations: Json[]; indexOf: number[] } {
  const distinct = new Map<string, number>();
  const list: Json[] = [];
  const indexOf = found.map(({ object }) => {
    const representation = select(object, requires ?? [], matches);
    if (representation === MISSING) return -1;
    rewrite(representation, inputRewrites, matches);
    const key = JSON.stringify(representation);
    let index = distinct.get(key);
    if (index === undefined) {
      index = list.push(representation) - 1;
      distinct.set(key, index);
    }
    return index;
  });
  return { representations: list, indexOf };
}

/** Merges a subgraph's answer into the object it extends: objects field by field, lists item by item. */
export function deepMerge(target: Json, source: Json): void {
  for (const key of Object.keys(source)) {
    const incoming = source[key];
    const existing = target[key];
    if (
      existing !== null &&
      typeof existing === 'object' &&
      incoming !== null &&
      typeof incoming === 'object' &&
      Array.isArray(existing) === Array.isArray(incoming)
    ) {
      if (Array.isArray(existing)) {
        const items = incoming as unknown[];
        for (let i = 0; i < items.length; i++) {
          const a = existing[i];
          const b = items[i];
          if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object')
            deepMerge(a as Json, b as Json);
          else existing[i] = b;
        }
      } else deepMerge(existing as Json, incoming as Json);
    } else {
      target[key] = incoming;
    }
  }
}
