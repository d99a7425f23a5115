// Encryption at rest of personal fields, in one place per subgraph: a Prisma query extension seals the fields a
// subgraph declares (next to its personal-data register) on every write, nested writes included, and opens them in
// every result, relations included; application code reads and writes plain values. Equality lookups on a sealed
// field go through its keyed blind index column, which the extension fills on write and substitutes in `where`.
// Anything else on a sealed field (ordering, `contains`, a lookup without an index) would silently match nothing in
// SQL, so it throws instead.
import {
  blindIndex,
  decryptBytes,
  decryptField,
  encryptBytes,
  encryptField,
  type Keyring,
  sealedKeyId,
} from '../crypto.ts';

/** How a sealed column stores its value: text in a text column, any JSON value in a jsonb column, bytes in bytea. */
export type SealedKind = 'text' | 'json' | 'bytes';

/** One sealed field: its kind, and for text the column holding its blind index when lookups need equality. */
export type SealedField = SealedKind | { kind: 'text'; index: string };

/** The sealed fields of a subgraph, by model then field. */
export type SealedFields = Record<string, Record<string, SealedField>>;

/** What the extension needs of the Prisma datamodel (the Pothos generator's `getDatamodel()` has it). */
export interface Datamodel {
  datamodel: {
    models: Record<
      string,
      {
        fields: readonly { name: string; kind: string; type: string; isId?: boolean }[];
        primaryKey?: { fields: readonly string[] } | null;
      }
    >;
  };
}

export interface SealingOptions {
  keyring: Keyring;
  /** HMAC key of the blind indexes; required when a field declares one. */
  blindIndexKey?: Buffer | undefined;
  datamodel: Datamodel;
  fields: SealedFields;
}

const kindOf = (field: SealedField): SealedKind => (typeof field === 'string' ? field : field.kind);
const indexOf = (field: SealedField): string | null => (typeof field === 'string' ? null : field.index);

/** What a sealed value is bound to (AES-GCM additional data): a value cannot be moved to another field or model. */
export const sealedContext = (model: string, field: string) => `${model}.${field}`;

const isPlainValue = (value: unknown) => {
  if (value === null || typeof value !== 'object') return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

export function sealValue(keyring: Keyring, kind: SealedKind, context: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (kind === 'bytes') return encryptBytes(keyring, value as Uint8Array, context);
  if (kind === 'text') return encryptField(keyring, String(value), context);
  // Prisma's JsonNull/DbNull markers are class instances: they stay what they are.
  return isPlainValue(value) ? encryptField(keyring, JSON.stringify(value), context) : value;
}

/** Opens a sealed value; a value stored before its field was sealed (not yet re-encrypted) reads as it is. */
export function openValue(keyring: Keyring, kind: SealedKind, context: string, value: unknown): unknown {
  if (sealedKeyId(value) === null) return value;
  if (kind === 'bytes') return decryptBytes(keyring, value as Uint8Array, context);
  const text = decryptField(keyring, value as string, context);
  return kind === 'json' ? JSON.parse(text) : text;
}

/** Seals one value of a declared field for a statement written in SQL, which the extension never sees. */
export type Sealer = (model: string, field: string, value: unknown) => unknown;

/**
 * The sealer of a subgraph's declared fields: a value sealed as the extension seals it on a Prisma write (same kind,
 * same context), so the extension opens it on read. A field not declared sealed is refused, and so is one with a
 * blind index (its index column would stay empty): both are mistakes in the caller's SQL.
 */
export function sealerFor({ keyring, fields }: Pick<SealingOptions, 'keyring' | 'fields'>): Sealer {
  return (model, field, value) => {
    const spec = fields[model]?.[field];
    if (!spec) throw new Error(`${model}.${field} is not declared sealed`);
    if (indexOf(spec)) throw new Error(`${model}.${field} has a blind index: write it through Prisma`);
    return sealValue(keyring, kindOf(spec), sealedContext(model, field), value);
  };
}

const WRITES = new Set(['create', 'update', 'updateMany', 'updateManyAndReturn', 'createMany', 'createManyAndReturn']);

export class SealedFieldQueryError extends Error {
  constructor(model: string, field: string, what: string) {
    super(`${model}.${field} is encrypted at rest: ${what} cannot run in SQL (only equality through a blind index)`);
    this.name = 'SealedFieldQueryError';
  }
}

export function createSealing({ keyring, blindIndexKey, datamodel, fields }: SealingOptions) {
  const models = datamodel.datamodel.models;
  const relations = new Map<string, Map<string, string>>();
  for (const [name, model] of Object.entries(models))
    relations.set(name, new Map(model.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f.type])));
  for (const [model, declared] of Object.entries(fields))
    for (const [field, spec] of Object.entries(declared)) {
      const shape = models[model]?.fields.find((f) => f.name === field);
      if (!shape) throw new Error(`sealed field ${model}.${field} is not in the Prisma schema`);
      if (indexOf(spec) && !blindIndexKey) throw new Error(`${model}.${field} needs a blind index key`);
    }
  const indexValue = (model: string, field: string, value: unknown) =>
    value === null || value === undefined
      ? value
      : blindIndex(blindIndexKey!, sealedContext(model, field), String(value));

  /** A copy of `data` (one record to create or update) with its sealed fields sealed, nested writes included. */
  function sealData(model: string, data: unknown): unknown {
    if (Array.isArray(data)) return data.map((item) => sealData(model, item));
    if (!data || typeof data !== 'object') return data;
    const sealed = fields[model] ?? {};
    const related = relations.get(model);
    const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const [key, value] of Object.entries(out)) {
      const spec = sealed[key];
      if (spec) {
        const operation = kindOf(spec) !== 'json' && value && typeof value === 'object' && isPlainValue(value);
        if (operation && !('set' in value)) throw new SealedFieldQueryError(model, key, 'an atomic update');
        const plain = operation ? (value as { set: unknown }).set : value;
        out[key] = sealValue(keyring, kindOf(spec), sealedContext(model, key), plain);
        const index = indexOf(spec);
        if (index) out[index] = indexValue(model, key, plain);
        continue;
      }
      const target = related?.get(key);
      if (target && value && typeof value === 'object') out[key] = sealNested(target, value as Record<string, unknown>);
    }
    return out;
  }

  /** Nested writes of a relation field: `create`, `createMany`, `update`, `upsert`, `connectOrCreate`… */
  function sealNested(model: string, ops: Record<string, unknown>): Record<string, unknown> {
    const out = { ...ops };
    const each = (value: unknown, fn: (item: Record<string, unknown>) => unknown) =>
      Array.isArray(value) ? value.map((v) => fn(v as Record<string, unknown>)) : fn(value as Record<string, unknown>);
    const withData = (item: Record<string, unknown>) =>
      'data' in item && ('where' in item || Object.keys(item).length === 1)
        ? { ...item, data: sealData(model, item.data), ...(item.where ? { where: sealWhere(model, item.where) } : {}) }
        : sealData(model, item);
    if (out.create) out.create = sealData(model, out.create);
    // Always `{ data: [...] }`, with `skipDuplicates` or not.
    if (out.createMany) {
      const many = out.createMany as Record<string, unknown>;
      out.createMany = { ...many, data: sealData(model, many.data) };
    }
    if (out.update) out.update = each(out.update, withData);
    if (out.updateMany) out.updateMany = each(out.updateMany, withData);
    if (out.upsert)
      out.upsert = each(out.upsert, (u) => ({
        ...u,
        ...(u.where ? { where: sealWhere(model, u.where) } : {}),
        create: sealData(model, u.create),
        update: sealData(model, u.update),
      }));
    if (out.connectOrCreate)
      out.connectOrCreate = each(out.connectOrCreate, (c) => ({
        ...c,
        where: sealWhere(model, c.where),
        create: sealData(model, c.create),
      }));
    for (const key of ['connect', 'disconnect', 'delete', 'set', 'deleteMany'] as const)
      if (out[key] && typeof out[key] === 'object') out[key] = each(out[key], (w) => sealWhere(model, w));
    return out;
  }

  /** A copy of a `where` with equality on an indexed sealed field moved to its blind index. */
  function sealWhere(model: string, where: unknown): unknown {
    if (Array.isArray(where)) return where.map((w) => sealWhere(model, w));
    if (!where || typeof where !== 'object') return where;
    const sealed = fields[model] ?? {};
    const related = relations.get(model);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
      const spec = sealed[key];
      if (spec) {
        const index = indexOf(spec);
        // Null is stored as null: whether a value is there is still a question SQL can answer.
        const nullCheck =
          value === null || (typeof value === 'object' && Object.values(value).every((v) => v === null));
        if (nullCheck && !index) {
          out[key] = value;
          continue;
        }
        if (!index) throw new SealedFieldQueryError(model, key, 'a filter');
        out[index] = indexFilter(model, key, value);
      } else if (key === 'AND' || key === 'OR' || key === 'NOT') out[key] = sealWhere(model, value);
      else if (related?.has(key) && value && typeof value === 'object') {
        const target = related.get(key)!;
        const filter = value as Record<string, unknown>;
        const wrapped = ['some', 'every', 'none', 'is', 'isNot'].some((k) => k in filter);
        out[key] = wrapped
          ? Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, sealWhere(target, v)]))
          : sealWhere(target, filter);
      } else out[key] = value;
    }
    return out;
  }

  function indexFilter(model: string, field: string, value: unknown): unknown {
    if (value === null || typeof value !== 'object') return indexValue(model, field, value);
    const filter = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [op, operand] of Object.entries(filter)) {
      if (op === 'equals' || op === 'not') out[op] = indexFilter(model, field, operand);
      else if (op === 'in' || op === 'notIn') out[op] = (operand as unknown[]).map((v) => indexValue(model, field, v));
      else throw new SealedFieldQueryError(model, field, `the \`${op}\` filter`);
    }
    return out;
  }

  function checkOrder(model: string, orderBy: unknown) {
    for (const item of Array.isArray(orderBy) ? orderBy : [orderBy])
      for (const key of Object.keys((item as Record<string, unknown>) ?? {}))
        if (fields[model]?.[key]) throw new SealedFieldQueryError(model, key, 'ordering');
  }

  /** Nested reads (`include`/`select` of a relation) may carry their own `where` and `orderBy`. */
  function sealProjection(model: string, projection: unknown): unknown {
    if (!projection || typeof projection !== 'object') return projection;
    const related = relations.get(model);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(projection as Record<string, unknown>)) {
      const target = related?.get(key);
      out[key] = target && value && typeof value === 'object' ? sealReadArgs(target, value) : value;
    }
    return out;
  }

  function sealReadArgs(model: string, args: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
    if (out.where) out.where = sealWhere(model, out.where);
    if (out.orderBy) checkOrder(model, out.orderBy);
    if (out.select) out.select = sealProjection(model, out.select);
    if (out.include) out.include = sealProjection(model, out.include);
    return out;
  }

  function sealArgs(model: string, operation: string, args: unknown): unknown {
    if (!args || typeof args !== 'object') return args;
    const out = sealReadArgs(model, args);
    if (WRITES.has(operation) && out.data) out.data = sealData(model, out.data);
    if (operation === 'upsert') {
      out.create = sealData(model, out.create);
      out.update = sealData(model, out.update);
    }
    if (operation === 'groupBy' && Array.isArray(out.by))
      for (const key of out.by as string[])
        if (fields[model]?.[key]) throw new SealedFieldQueryError(model, key, 'grouping');
    return out;
  }

  /** Opens the sealed fields of a result in place (results are fresh objects), following relations. */
  function openResult(model: string, result: unknown): unknown {
    if (Array.isArray(result)) {
      for (const row of result) openResult(model, row);
      return result;
    }
    if (!result || typeof result !== 'object' || result instanceof Uint8Array) return result;
    const sealed = fields[model];
    const related = relations.get(model);
    const row = result as Record<string, unknown>;
    for (const [key, value] of Object.entries(row)) {
      const spec = sealed?.[key];
      if (spec) row[key] = openValue(keyring, kindOf(spec), sealedContext(model, key), value);
      else {
        const target = related?.get(key);
        if (target && value && typeof value === 'object') openResult(target, value);
      }
    }
    return result;
  }

  return { sealArgs, sealData, sealWhere, openResult };
}

/**
 * The client with its declared fields sealed at rest. The extension only rewrites queries, so the client keeps its
 * type (Prisma gives an extended client another, structurally equivalent, type: hence the cast).
 */
export function sealPrisma<P>(client: P, options: SealingOptions): P {
  const sealing = createSealing(options);
  return (client as unknown as { $extends(extension: unknown): P }).$extends({
    name: 'sealed-fields',
    query: {
      $allModels: {
        async $allOperations({
          model,
          operation,
          args,
          query,
        }: {
          model: string;
          operation: string;
          args: unknown;
          query: (args: unknown) => Promise<unknown>;
        }) {
          return sealing.openResult(model, await query(sealing.sealArgs(model, operation, args)));
        },
      },
    },
  });
}
