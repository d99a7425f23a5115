// Portability (issue 15.4): each subgraph exports its own part of a customer's data, sorted by the categories of its
// part of the register (register.ts), so the copy the customer downloads is organised as their dashboard is and
// cannot leave out a field the register knows. The gateway fetches each part over a signed internal route and hands
// it to users, which assembles the ZIP; no subgraph reads another's tables.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http/serve.ts';
import type { Identity } from '../identity.ts';
import { NOT_PERSONAL, type PersonalDataRegister } from './register.ts';

/** The signed route every subgraph serves its part on (`?customer=<id>`), to the gateway itself only. */
export const EXPORT_PART_PATH = '/internal/export-part';
/** The subgraphs whose parts the gateway relays to users (users makes its own). */
export const EXPORT_RELAYED = ['policies', 'claims', 'payments'] as const;

/** A file issued to the customer (attestation, avenant, certificate), as stored by its subgraph. */
export interface ExportFile {
  /** Path inside the ZIP, e.g. `contrats/documents/ATT-2026-7K3Q9M2D.pdf`. */
  name: string;
  contentBase64: string;
}

/** One subgraph's part: rows by register category (each row keeps only that category's fields and its id). */
export interface ExportPart {
  service: string;
  title: string;
  categories: Record<string, { label: string; rows: Record<string, unknown>[] }>;
  files: ExportFile[];
}

/**
 * Fields never copied out, whatever their category: what only proves a secret (hashes) or is a secret or a sealed
 * value the subgraph did not open for the export. They are named in the register; the ZIP's README says why they are
 * absent.
 */
const WITHHELD = /(Hash|Encrypted|Token|^secret|^content)$/;
/** Whether a field of the register is withheld from exports (see WITHHELD). */
export const isWithheld = (field: string) => WITHHELD.test(field);

const plain = (value: unknown): unknown =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'bigint'
      ? value.toString()
      : value instanceof Uint8Array
        ? undefined
        : value;

/**
 * Sorts rows of the models named in `rows` into the register's categories: a row appears in each category one of
 * its fields belongs to, with the fields of that category (secrets and sealed values withheld; `opened` adds values
 * the subgraph decrypted, under their own name). Categories holding nothing for this customer are left out.
 */
export function exportPart(
  register: PersonalDataRegister,
  rows: Record<string, Record<string, unknown>[]>,
  files: ExportFile[] = [],
): ExportPart {
  const categories: ExportPart['categories'] = {};
  const labels = register.categories as Record<string, { label: string; about?: string }>;
  for (const [model, list] of Object.entries(rows)) {
    const fields = register.models[model];
    if (!fields) throw new Error(`the register of ${register.service} has no model ${model}`);
    for (const row of list) {
      const byCategory = new Map<string, Record<string, unknown>>();
      for (const [field, category] of Object.entries(fields)) {
        if (category === NOT_PERSONAL || WITHHELD.test(field) || !(field in row)) continue;
        if ((labels[category]?.about ?? 'customer') !== 'customer') continue;
        const value = plain(row[field]);
        if (value === undefined) continue;
        const out = byCategory.get(category) ?? { model, ...('id' in row ? { id: plain(row['id']) } : {}) };
        out[field] = value;
        byCategory.set(category, out);
      }
      for (const [field, value] of Object.entries(row))
        if (!(field in fields)) {
          // A value the subgraph opened for the export (e.g. `phone` for `phoneEncrypted`): its category is the sealed
          // field's, which the caller names as `<field>Encrypted`.
          const category = fields[`${field}Encrypted`];
          if (!category || category === NOT_PERSONAL) continue;
          const out = byCategory.get(category) ?? { model, ...('id' in row ? { id: plain(row['id']) } : {}) };
          out[field] = plain(value);
          byCategory.set(category, out);
        }
      for (const [category, out] of byCategory) {
        const entry = categories[category] ?? { label: labels[category]!.label, rows: [] };
        entry.rows.push(out);
        categories[category] = entry;
      }
    }
  }
  return { service: register.service, title: register.title, categories, files };
}

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Rows as CSV the way French spreadsheets open it: `;` between cells, a byte order mark so accents survive, one
 * column per field any row has (in first-seen order).
 */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.join(';'), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The signed route serving a subgraph's part: for the gateway itself only (its signature with no caller identity,
 * as `/internal/revoked-sessions`), never for a customer or staff member, whose requests carry one.
 */
export function exportPartRoute(build: (customerId: string) => Promise<ExportPart>) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    if (who) throw new HttpError(403, 'Only the gateway itself may ask this.', 'FORBIDDEN');
    const customerId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('customer') ?? '';
    if (!/^[0-9a-f-]{36}$/.test(customerId)) throw new HttpError(400, 'customer: an id.', 'BAD_USER_INPUT');
    sendJson(res, 200, await build(customerId), { 'cache-control': 'no-store' });
  };
}
