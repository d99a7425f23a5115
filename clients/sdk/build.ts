// Builds the SDK as the package apps install: ESM JavaScript and type declarations in dist/, with a package.json of
// its own whose export conditions give Node the `ws` entry and everything else (browsers, React Native, bundlers) the
// global-WebSocket one. `npm run build -w @abri/sdk`, then `npm publish clients/sdk/dist`; `tsx build.ts <dir>`
// builds into another folder (the package tests build into a consumer's node_modules).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, 'dist'));
const source = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  description: string;
  dependencies: Record<string, string>;
};

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });

const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': {
      node: { types: './node.d.ts', default: './node.js' },
      types: './index.d.ts',
      default: './index.js',
    },
  },
  types: './index.d.ts',
  dependencies: source.dependencies,
};
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(here, 'README.md'), join(dist, 'README.md'));
console.log(`built ${source.name}@${source.version} in ${dist}`);
