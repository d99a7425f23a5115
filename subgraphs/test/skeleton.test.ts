// Know one subgraph, know all four: each has the same skeleton, the same package entries, its own database schema
// and personal-data register, and none reaches into another's code (they meet through federation and events only).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SUBGRAPHS } from '../../prisma/projects.ts';

const SKELETON = [
  'README.md',
  'package.json',
  'src/builder.ts',
  'src/context.ts',
  'src/env.ts',
  'src/main.ts',
  'src/seed.ts',
  'src/server.ts',
  'src/schema/index.ts',
  'src/schema/error.ts',
  'src/schema/privacy.ts',
  'src/app/',
  'src/domain/',
  'test/',
];

const dirOf = (name: string) => join(ROOT, 'subgraphs', name);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports. */
const specifiers = (text: string) =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('subgraph skeleton', () => {
  it('names the same subgraphs as the folders hold', () => {
    const folders = readdirSync(join(ROOT, 'subgraphs')).filter((d) => existsSync(join(dirOf(d), 'package.json')));
    expect([...SUBGRAPHS].sort()).toEqual(folders.sort());
  });

  for (const name of SUBGRAPHS) {
    describe(name, () => {
      it('has every file and folder of the shared layout', () => {
        const missing = SKELETON.filter((path) => {
          const full = join(dirOf(name), path);
          return path.endsWith('/') ? !existsSync(full) || !statSync(full).isDirectory() : !existsSync(full);
        });
        expect(missing).toEqual([]);
      });

      it('exports its server, seed and schema as the package entries, each a file that exists', () => {
        const pkg = JSON.parse(readFileSync(join(dirOf(name), 'package.json'), 'utf8')) as {
          name: string;
          exports: Record<string, string>;
        };
        expect(pkg.name).toBe(`@abri/${name}`);
        expect(pkg.exports).toMatchObject({
          '.': './src/server.ts',
          './seed': './src/seed.ts',
          './schema': './src/schema/index.ts',
        });
        for (const target of Object.values(pkg.exports)) expect(existsSync(join(dirOf(name), target))).toBe(true);
      });

      it('keeps its database schema and its personal-data register under prisma/', () => {
        expect(existsSync(join(ROOT, 'prisma', name, 'schema.prisma'))).toBe(true);
        expect(existsSync(join(ROOT, 'prisma', name, 'personal-data.ts'))).toBe(true);
      });

      it('builds its schema on the kit: builder.ts is the kit factory and a few lines, with no Pothos of its own', () => {
        const text = readFileSync(join(dirOf(name), 'src/builder.ts'), 'utf8');
        expect(specifiers(text)).toContain('@abri/platform/kit');
        expect(text).toMatch(/\bcreateSubgraphBuilder</);
        expect(specifiers(text).filter((spec) => spec.startsWith('@pothos/'))).toEqual([]);
        expect(
          text.split('\n').filter((line) => line.trim() && !line.trim().startsWith('//')).length,
        ).toBeLessThanOrEqual(15);
      });

      it('takes the shared types and the customer-event stream from the kit, never a copy', () => {
        const copies = sources(join(dirOf(name), 'src/schema')).flatMap((file) => {
          const text = readFileSync(file, 'utf8');
          return [
            /\bnew SchemaBuilder\b/.test(text) && 'a second builder',
            /\b(moneyType|errorInterface)\(/.test(text) && 'Money or Error declared again',
            /\bcustomerEvents\(\{/.test(text) && 'a customer-event subscription written by hand',
            /interfaceRef<[^>]*>\('Error'\)|objectRef<[^>]*>\('Money'\)/.test(text) && 'Money or Error copied',
          ]
            .filter((what): what is string => !!what)
            .map((what) => `${relative(ROOT, file)}: ${what}`);
        });
        expect(copies).toEqual([]);
      });

      it("imports nothing of another subgraph's code or database", () => {
        const others = SUBGRAPHS.filter((other) => other !== name);
        const crossings = sources(join(dirOf(name), 'src')).flatMap((file) =>
          specifiers(readFileSync(file, 'utf8'))
            .filter((spec) =>
              others.some(
                (other) =>
                  spec === `@abri/${other}` ||
                  spec.startsWith(`@abri/${other}/`) ||
                  new RegExp(`(^|/)(subgraphs|prisma)/${other}/`).test(spec),
              ),
            )
            .map((spec) => `${relative(ROOT, file)} → ${spec}`),
        );
        expect(crossings).toEqual([]);
      });
    });
  }
});
