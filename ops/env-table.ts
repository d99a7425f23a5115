// The README's table of production settings, rendered from the services' env schemas. `npm run env:readme` writes
// it between the markers; a test fails when the README's copy is stale.
import { describeEnv, type EnvRow } from '@abri/platform';
import { PRODUCTION_SERVICES, SERVICE_ENVS } from './services.ts';

export const TABLE_BEGIN = '<!-- env table: npm run env:readme -->';
export const TABLE_END = '<!-- end of env table -->';

interface Merged extends EnvRow {
  services: string[];
  requiredBy: string[];
  defaults: string[];
}

function mergedRows(): Merged[] {
  const rows = new Map<string, Merged>();
  for (const service of PRODUCTION_SERVICES) {
    for (const row of describeEnv(SERVICE_ENVS[service])) {
      const merged = rows.get(row.name) ?? { ...row, services: [], requiredBy: [], defaults: [] };
      merged.services.push(service);
      if (row.defaultValue !== undefined) merged.defaults.push(`${service} ${row.defaultValue}`);
      if (row.required) merged.requiredBy.push(service);
      // A meaning given by a later service adds what it uses the setting for.
      if (row.meaning && !merged.meaning.includes(row.meaning)) {
        merged.meaning = merged.meaning ? `${merged.meaning}; ${service}: ${row.meaning}` : row.meaning;
      }
      rows.set(row.name, merged);
    }
  }
  for (const row of rows.values()) {
    // One default per service (a port), listed as such.
    if (new Set(row.defaults.map((d) => d.split(' ').slice(1).join(' '))).size > 1)
      row.defaultValue = row.defaults.join(', ');
  }
  return [...rows.values()];
}

const who = (services: string[]) =>
  services.length === PRODUCTION_SERVICES.length
    ? 'all'
    : services.length === PRODUCTION_SERVICES.length - 1 && !services.includes('gateway')
      ? 'subgraphs'
      : services.join(', ');

/** The Markdown table, one row a setting, required ones first. */
export function renderEnvTable(): string {
  const rows = mergedRows().sort((a, b) => Number(b.requiredBy.length > 0) - Number(a.requiredBy.length > 0));
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const cells: string[][] = [['variable', 'services', 'required', 'meaning']];
  for (const row of rows) {
    const required = row.requiredBy.length
      ? `yes${row.key ? ' (`npm run keys`)' : ''}`
      : row.defaultValue !== undefined
        ? `no, default \`${row.defaultValue}\``
        : `no${row.key ? ' (`npm run keys` makes one)' : ''}`;
    cells.push([`\`${row.name}\``, who(row.services), cell(required), cell(row.meaning)]);
  }
  // Padded as the formatter (Biome) writes Markdown tables, so formatting the README leaves it unchanged.
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** `readme` with the table between the markers replaced by a fresh one. */
export function withEnvTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`README: markers ${TABLE_BEGIN} … ${TABLE_END} not found`);
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n\n${renderEnvTable()}\n\n${readme.slice(end)}`;
}
