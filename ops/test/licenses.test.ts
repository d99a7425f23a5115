// What runs in production is MIT, Apache, BSD or ISC-compatible: no Elastic, BUSL, SSPL, (A)GPL or other source-
// available or strong-copyleft code in the services. Read from the lock file, so a dependency that brings such a
// package in (as @apollo/subgraph once brought the Elastic-licensed federation internals) fails here, not in a review.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

const ALLOWED =
  /^(MIT|MIT-0|ISC|0BSD|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|BlueOak-1\.0\.0|Unlicense|CC0-1\.0|PSF-2\.0|Zlib)$/;
/** Packages whose lock entry has no license field, with the licence their repository states. */
const STATED_ELSEWHERE: Record<string, string> = {
  'node_modules/png-js': 'MIT (foliojs/png.js LICENSE; pdfmake reads PNG images with it)',
};

/** `(MIT AND Zlib)`, `MIT and ISC`: every part must be allowed; `(MIT OR GPL-3.0)`: one part is enough. */
function allowed(expression: string): boolean {
  const bare = expression.replace(/[()]/g, '').trim();
  if (/ OR /i.test(bare)) return bare.split(/ OR /i).some((part) => allowed(part));
  return bare.split(/ AND /i).every((part) => ALLOWED.test(part.trim()));
}

describe('licences of what runs in production', () => {
  const production = Object.entries(lock.packages).filter(
    ([path, entry]) => path.includes('node_modules/') && !entry.dev && !entry.devOptional && !entry.link,
  );

  it('finds the production packages in the lock file', () => {
    expect(production.length).toBeGreaterThan(100);
    expect(production.map(([path]) => path)).toContain('node_modules/graphql');
  });

  it('allows only permissive licences', () => {
    const refused = production
      .filter(([path, entry]) => !(entry.license ? allowed(entry.license) : path in STATED_ELSEWHERE))
      .map(([path, entry]) => `${path}: ${entry.license ?? 'no licence in the lock file'}`);
    expect(refused).toEqual([]);
  });

  it('refuses the licences the project excludes, wherever they appear in an expression', () => {
    for (const license of ['Elastic-2.0', 'BUSL-1.1', 'SSPL-1.0', 'AGPL-3.0-only', 'GPL-3.0', '(MIT AND Elastic-2.0)'])
      expect(allowed(license)).toBe(false);
    expect(allowed('(MIT AND Zlib)')).toBe(true);
    expect(allowed('(MIT OR GPL-3.0)')).toBe(true);
  });
});
