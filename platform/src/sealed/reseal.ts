// Re-encryption under the current key (`npm run keys:rotate`), while the services keep serving. Each sealed column is
// walked in primary-key order, in batches; a value not under the current key (an older key, or stored in clear
// before its field was sealed) is opened and sealed again, its blind index filled, and written back only if the
// row still holds what was read: a concurrent write (already under the current key) wins. Nothing is kept between
// runs: a value under the current key is skipped, so a run can stop anywhere and start again (resumable,
// idempotent).
import { blindIndex, type Keyring, sealedKeyId } from '../crypto.ts';
import type { SqlRunner } from '../events/outbox.ts';
import {
  type Datamodel,
  openValue,
  type SealedField,
  type SealedFields,
  type SealedKind,
  sealedContext,
  sealValue,
} from './fields.ts';

/** Fields the application seals itself (their context names the row): only re-encryption needs to know them. */
export type AppSealedFields = Record<
  string,
  Record<string, { kind: SealedKind; context: (row: Record<string, unknown>) => string }>
>;

/** Everything a subgraph keeps sealed: what its Prisma extension seals, and what its code seals by hand. */
export interface SealedSchema {
  fields: SealedFields;
  appSealed?: AppSealedFields;
}

interface Target {
  model: string;
  field: string;
  kind: SealedKind;
  index: string | null;
  /** The primary key's columns (one, or those of a compound `@@id`). */
  key: readonly string[];
  context: (row: Record<string, unknown>) => string;
}

function targetsOf(sealed: SealedSchema, datamodel: Datamodel): Target[] {
  const idOf = (model: string): readonly string[] => {
    const shape = datamodel.datamodel.models[model];
    const id = shape?.fields.find((f) => f.isId);
    if (id) return [id.name];
    if (shape?.primaryKey?.fields.length) return shape.primaryKey.fields;
    throw new Error(`${model} has no primary key: it cannot be re-encrypted in batches`);
  };
  const declared = Object.entries(sealed.fields).flatMap(([model, fields]) =>
    Object.entries(fields).map(([field, spec]: [string, SealedField]) => ({
      model,
      field,
      kind: typeof spec === 'string' ? spec : spec.kind,
      index: typeof spec === 'string' ? null : spec.index,
      key: idOf(model),
      context: () => sealedContext(model, field),
    })),
  );
  const byApp = Object.entries(sealed.appSealed ?? {}).flatMap(([model, fields]) =>
    Object.entries(fields).map(([field, spec]) => ({
      model,
      field,
      kind: spec.kind,
      index: null,
      key: idOf(model),
      context: spec.context,
    })),
  );
  return [...declared, ...byApp];
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL true for a value not under the current key. */
function staleCondition(kind: SealedKind, column: string): string {
  if (kind === 'text') return `${column} NOT LIKE $2`;
  if (kind === 'json') return `(jsonb_typeof(${column}) <> 'string' OR (${column} #>> '{}') NOT LIKE $2)`;
  return `substring(${column} from 1 for length($2::bytea)) <> $2::bytea`;
}

function currentMarker(kind: SealedKind, keyring: Keyring): string | Buffer {
  if (kind !== 'bytes') return likePrefix(`v1.${keyring.current}.`);
  const kid = Buffer.from(keyring.current, 'latin1');
  return Buffer.concat([Buffer.from('ABv1', 'latin1'), Buffer.from([kid.length]), kid]);
}

export interface ResealProgress {
  model: string;
  field: string;
  /** Values re-encrypted so far in this column. */
  resealed: number;
  /** Values changed by someone else between the read and the write (left as they were written). */
  skipped: number;
}

export interface ResealOptions {
  /** The subgraph's own Prisma client (no sealing extension) or any runner of raw SQL on its database. */
  db: SqlRunner;
  /** Its Postgres schema. */
  schema: string;
  keyring: Keyring;
  blindIndexKey?: Buffer | undefined;
  datamodel: Datamodel;
  sealed: SealedSchema;
  /** @default 200 rows per batch */
  batch?: number;
  /** Called after each batch. */
  onProgress?: (progress: ResealProgress) => void;
}

export interface ResealReport {
  /** Values re-encrypted under the current key. */
  resealed: number;
  /** Values a concurrent write changed first. */
  skipped: number;
  /** Values still not under the current key at the end (0 unless an instance still writes under an old key). */
  remaining: number;
}

export async function resealAll(options: ResealOptions): Promise<ResealReport> {
  const { db, keyring, batch = 200 } = options;
  const report: ResealReport = { resealed: 0, skipped: 0, remaining: 0 };
  for (const target of targetsOf(options.sealed, options.datamodel)) {
    const table = `${q(options.schema)}.${q(target.model)}`;
    const column = q(target.field);
    // Rows are walked in the text order of their key; a compound key compares as its row's text.
    const single = target.key.length === 1 ? target.key[0]! : null;
    const key = single ? `${q(single)}::text` : `ROW(${target.key.map(q).join(', ')})::text`;
    const stale = staleCondition(target.kind, column);
    const marker = currentMarker(target.kind, keyring);
    const progress: ResealProgress = { model: target.model, field: target.field, resealed: 0, skipped: 0 };
    let after: unknown = null;
    for (;;) {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT *, ${key} AS "__sealKey" FROM ${table} WHERE ${column} IS NOT NULL AND ($1::text IS NULL OR ${key} > $1::text)
           AND ${stale} ORDER BY ${key} LIMIT ${batch}`,
        after === null ? null : String(after),
        marker,
      );
      for (const row of rows) {
        const context = target.context(row);
        const stored = row[target.field];
        const plain = openValue(keyring, target.kind, context, stored);
        const fresh = sealValue(keyring, target.kind, context, plain);
        const value = target.kind === 'json' ? JSON.stringify(fresh) : fresh;
        const previous = target.kind === 'json' ? JSON.stringify(stored) : stored;
        const cast = target.kind === 'json' ? '::jsonb' : '';
        const indexSet = target.index ? `, ${q(target.index)} = $4` : '';
        const params: unknown[] = [single ? row[single] : row.__sealKey, value, previous];
        if (target.index)
          params.push(blindIndex(options.blindIndexKey!, sealedContext(target.model, target.field), String(plain)));
        const changed = await db.$executeRawUnsafe(
          `UPDATE ${table} SET ${column} = $2${cast}${indexSet} WHERE ${single ? q(single) : key} = $1 AND ${column} = $3${cast}`,
          ...params,
        );
        if (changed) progress.resealed++;
        else progress.skipped++;
      }
      after = rows.at(-1)?.__sealKey ?? after;
      options.onProgress?.({ ...progress });
      if (rows.length < batch) break;
    }
    const [left] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND ($1::text IS NULL OR true) AND ${stale}`,
      null,
      marker,
    );
    report.resealed += progress.resealed;
    report.skipped += progress.skipped;
    report.remaining += Number(left?.n ?? 0);
  }
  return report;
}

/** The key id of a stored value, or null when it is in clear: what tests and the progress report look at. */
export const storedKeyId = sealedKeyId;
