// The schema check fails a change that breaks clients unless CHANGES.md names it, and lets additive changes through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchema, breakingChanges, subgraphSchema, undeclared } from '../safety.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const supergraph = read('supergraph.graphql');
const claims = read('claims.graphql');

/** The schema without `Claim.ageDays` (API and claims subgraph; its description on one line or three). */
const withoutAgeDays = (sdl: string) => {
  const changed = sdl.replace(
    /\n {2}"""\n? *Whole days since the declaration\.\n? *"""\n {2}ageDays: Int![^\n]*\n/,
    '\n',
  );
  expect(changed).not.toBe(sdl);
  return changed;
};

describe('schema safety', () => {
  it('finds a removed field as breaking, in the API and in the subgraph', async () => {
    const api = await breakingChanges('api', apiSchema(supergraph), apiSchema(withoutAgeDays(supergraph)));
    expect(api.map((c) => c.path)).toEqual(['Claim.ageDays']);
    const sub = await breakingChanges('claims', subgraphSchema(claims), subgraphSchema(withoutAgeDays(claims)));
    expect(sub.map((c) => c.path)).toEqual(['Claim.ageDays']);
  });

  it('fails an undeclared breaking change and accepts it once CHANGES.md names it', async () => {
    const found = await breakingChanges('api', apiSchema(supergraph), apiSchema(withoutAgeDays(supergraph)));
    expect(undeclared(found, read('CHANGES.md'))).toHaveLength(1);
    const declared = '## 2026-12-02\n- `Claim.ageDays` removed: the web app computes it from `declaredAt`.\n';
    expect(undeclared(found, declared)).toEqual([]);
    // Naming another field, or the name without its type, does not declare it.
    expect(undeclared(found, '- `Claim.age` removed\n- `ageDays` removed\n')).toHaveLength(1);
  });

  it('lets an added optional field and an added type through', async () => {
    const added = claims.replace(
      '"""Whole days since the declaration."""\n  ageDays: Int!',
      '"""Whole days since the declaration."""\n  ageDays: Int!\n  weatherAlert: String',
    );
    expect(added).not.toBe(claims);
    const more = `${added}\ntype Weather {\n  alert: String\n}\n`;
    expect(await breakingChanges('claims', subgraphSchema(claims), subgraphSchema(more))).toEqual([]);
  });

  it('the committed schema has no undeclared breaking change against itself', async () => {
    expect(await breakingChanges('api', apiSchema(supergraph), apiSchema(supergraph))).toEqual([]);
  });
});
