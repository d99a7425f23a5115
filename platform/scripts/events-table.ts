// The platform README's table of events, rendered from the catalogue (platform/src/events/catalog.ts):
// `npx tsx platform/scripts/events-table.ts --write` writes it between the markers; platform/test/catalog.test.ts
// fails when the README's copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { allEvents } from '../src/events/catalog.ts';

export const TABLE_BEGIN = '<!-- events table: npx tsx platform/scripts/events-table.ts --write -->';
export const TABLE_END = '<!-- end of events table -->';
export const README = fileURLToPath(new URL('../README.md', import.meta.url));

/**
 * The payload's fields, `?` after those an event may lack, `…` when other fields pass through; a payload of several
 * shapes gives each, separated by "or".
 */
function fieldsOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map(fieldsOf).join(' or ');
  if (!(schema instanceof z.ZodObject)) return '';
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([name, field]) => `${name}${field.safeParse(undefined).success ? '?' : ''}`,
  );
  if (schema.def.catchall && !(schema.def.catchall instanceof z.ZodNever)) fields.push('…');
  return fields.join(', ');
}

/** The Markdown table, one row a topic, in the catalogue's order. */
export function renderEventsTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const cells: string[][] = [['topic', 'payload', 'produced by', 'consumed by']];
  for (const event of allEvents())
    cells.push([
      `\`${event.topic}\``,
      cell(fieldsOf(event.payload)),
      cell(event.doc.producedBy),
      cell(event.doc.consumedBy.join(', ')),
    ]);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** `readme` with the table between the markers replaced by a fresh one. */
export function withEventsTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`platform README: markers ${TABLE_BEGIN} … ${TABLE_END} not found`);
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n\n${renderEventsTable()}\n\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  if (process.argv.includes('--write')) writeFileSync(README, withEventsTable(readme));
  else process.stdout.write(`${renderEventsTable()}\n`);
}
