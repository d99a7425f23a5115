// A small RFC 4180 reader: the delimiter is `;` (what French spreadsheets write) or `,`, guessed from the header;
// quoted fields may hold delimiters, doubled quotes and line breaks. Lines are numbered as a spreadsheet shows them.

export interface CsvLine {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  fields: Record<string, string>;
}

export interface Rejected {
  line: number;
  reason: string;
}

export type CsvResult =
  | { kind: 'ok'; header: string[]; lines: CsvLine[]; rejected: Rejected[] }
  | { kind: 'malformed'; reason: string };

function records(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) out.push({ line: start, cells });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c !== '')) out.push({ line: start, cells });
  return out;
}

export function parseCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.split(';').length >= first.split(',').length ? ';' : ',';
  const [head, ...rest] = records(text, delimiter);
  if (!head) return { kind: 'malformed', reason: 'fichier vide' };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const lines: CsvLine[] = [];
  const rejected: Rejected[] = [];
  for (const r of rest) {
    if (r.cells.length !== header.length) {
      rejected.push({ line: r.line, reason: `${r.cells.length} colonnes au lieu de ${header.length}` });
    } else lines.push({ line: r.line, fields: Object.fromEntries(header.map((h, i) => [h, r.cells[i]!.trim()])) });
  }
  return { kind: 'ok', header, lines, rejected };
}
