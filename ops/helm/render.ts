// Renders ops/helm/abri as `helm template` would, for the tests (no helm binary or cluster here): the subset of Helm's
// template language the chart uses and nothing more — `{{ }}` with `{{-`/`-}}` trimming, `if`/`else`/`end`,
// `range $key, $value := <map>` (keys in sorted order, as Go templates iterate maps), variables (`$`, `$name.field`),
// `.Values`/`.Release`/`.Chart` paths, pipelines and the functions quote, upper, default, required, printf (%s),
// index, eq, toYaml, indent and nindent. An action outside that subset fails the render, so the chart cannot drift
// into templates this renderer would misread. Where `helm` exists, ops/test/deploy.test.ts renders with it too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

type Scope = { dot: unknown; vars: Map<string, unknown> };
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'output'; expr: string }
  | { kind: 'if'; cond: string; yes: Node[]; no: Node[] }
  | { kind: 'range'; key: string; value: string; over: string; body: Node[] };

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function tokenize(source: string): (string | { action: string })[] {
  const out: (string | { action: string })[] = [];
  let last = 0;
  let trimNext = false;
  for (const match of source.matchAll(ACTION)) {
    let text = source.slice(last, match.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (match[1]) text = text.replace(/\s+$/, '');
    out.push(text);
    if (!match[2]!.startsWith('/*')) out.push({ action: match[2]! });
    trimNext = Boolean(match[3]);
    last = match.index + match[0].length;
  }
  const rest = source.slice(last);
  out.push(trimNext ? rest.replace(/^\s+/, '') : rest);
  return out;
}

function parseNodes(tokens: (string | { action: string })[], stopAt: string[]): { nodes: Node[]; stop: string } {
  const nodes: Node[] = [];
  while (tokens.length) {
    const token = tokens.shift()!;
    if (typeof token === 'string') {
      if (token) nodes.push({ kind: 'text', text: token });
      continue;
    }
    const { action } = token;
    if (stopAt.includes(action)) return { nodes, stop: action };
    if (action.startsWith('if ')) {
      const yes = parseNodes(tokens, ['else', 'end']);
      const no = yes.stop === 'else' ? parseNodes(tokens, ['end']).nodes : [];
      nodes.push({ kind: 'if', cond: action.slice(3), yes: yes.nodes, no });
    } else if (action.startsWith('range ')) {
      const head = /^range\s+(\$\w+)\s*,\s*(\$\w+)\s*:=\s*(.+)$/.exec(action);
      if (!head) throw new Error(`unsupported range: {{ ${action} }}`);
      const body = parseNodes(tokens, ['end']).nodes;
      nodes.push({ kind: 'range', key: head[1]!, value: head[2]!, over: head[3]!, body });
    } else if (/^(else|end|with|define|template|include|block)\b/.test(action)) {
      throw new Error(`unsupported action: {{ ${action} }}`);
    } else nodes.push({ kind: 'output', expr: action });
  }
  if (stopAt.length) throw new Error(`missing {{ ${stopAt.join(' or ')} }}`);
  return { nodes, stop: '' };
}

/** Splits on a separator outside quotes and parentheses. */
function split(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    if (!quoted && depth === 0 && separator.test(char)) {
      if (current) parts.push(current);
      current = '';
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

const path = (value: unknown, fields: string[]) =>
  fields.reduce<unknown>((at, field) => (at as Record<string, unknown> | undefined)?.[field], value);

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  quote: (value) => JSON.stringify(String(value ?? '')),
  upper: (value) => String(value).toUpperCase(),
  default: (fallback, value) => (value === undefined || value === null || value === '' ? fallback : value),
  required: (message, value) => {
    if (value === undefined || value === null || value === '') throw new Error(String(message));
    return value;
  },
  printf: (format, ...args) => String(format).replace(/%s/g, () => String(args.shift())),
  index: (map, key) => (map as Record<string, unknown>)[String(key)],
  eq: (a, b) => a === b,
  toYaml: (value) => stringify(value).trimEnd(),
  indent: (n, text) => String(text).replace(/^/gm, ' '.repeat(Number(n))),
  nindent: (n, text) => `\n${String(text).replace(/^/gm, ' '.repeat(Number(n)))}`,
};

function term(text: string, scope: Scope): unknown {
  if (text.startsWith('(')) return pipeline(text.slice(1, -1), scope);
  if (text.startsWith('"')) return JSON.parse(text);
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === '.') return scope.dot;
  if (text.startsWith('.')) return path(scope.dot, text.slice(1).split('.'));
  if (text.startsWith('$')) {
    const [name, ...fields] = text.split('.');
    if (!scope.vars.has(name!)) throw new Error(`undefined variable ${name}`);
    return path(scope.vars.get(name!), fields);
  }
  throw new Error(`unsupported term: ${text}`);
}

function pipeline(expr: string, scope: Scope): unknown {
  let result: unknown;
  split(expr, /\|/).forEach((stage, i) => {
    const [head, ...rest] = split(stage.trim(), /\s/);
    const args = rest.map((arg) => term(arg, scope));
    if (i > 0) args.push(result);
    if (FUNCTIONS[head!]) result = FUNCTIONS[head!]!(...args);
    else if (args.length) throw new Error(`unknown function: ${head}`);
    else result = term(head!, scope);
  });
  return result;
}

const truthy = (value: unknown) =>
  !(value === undefined || value === null || value === false || value === '' || value === 0) &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

function evaluate(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'output') {
      const value = pipeline(node.expr, scope);
      out += value === undefined || value === null ? '' : String(value);
    } else if (node.kind === 'if') out += evaluate(truthy(pipeline(node.cond, scope)) ? node.yes : node.no, scope);
    else {
      const over = pipeline(node.over, scope) as Record<string, unknown> | unknown[] | undefined;
      const entries: [unknown, unknown][] = Array.isArray(over)
        ? over.map((value, i) => [i, value])
        : Object.entries(over ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [key, value] of entries) {
        const vars = new Map(scope.vars).set(node.key, key).set(node.value, value);
        out += evaluate(node.body, { dot: value, vars });
      }
    }
  }
  return out;
}

function merge(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over ?? base;
  if (typeof over !== 'object' || over === null || Array.isArray(over)) return over ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = merge(out[key], value);
  return out;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a manifest of any kind, checked against its schema by the test
  [field: string]: any;
}

/** The chart's manifests for a release, its values.yaml overridden by `values`; each template file's source kept. */
export function renderChart(
  chartDir: string,
  options: { releaseName: string; namespace?: string; values?: Record<string, unknown> },
): { template: string; manifest: Manifest }[] {
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  const values = merge(parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')), options.values ?? {});
  const root = {
    Values: values,
    Release: { Name: options.releaseName, Namespace: options.namespace ?? 'default', Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const dir = join(chartDir, 'templates');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const text = evaluate(parseNodes(tokenize(readFileSync(join(dir, file), 'utf8')), []).nodes, {
        dot: root,
        vars: new Map([['$', root]]),
      });
      return parseAllDocuments(text)
        .map((doc) => {
          if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
          return doc.toJS() as Manifest | null;
        })
        .filter((manifest): manifest is Manifest => manifest !== null)
        .map((manifest) => ({ template: file, manifest }));
    });
}
