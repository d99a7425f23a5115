// `npm run build:server`: the services as JavaScript in dist/server, one file per entry point (shared code in chunks
// beside them), so production and `npm start` run plain `node` with no TypeScript compilation at start. The project's
// own code (the workspaces, the generated Prisma clients) is bundled; packages from node_modules stay imports, resolved
// at run time from the node_modules next to dist (as tsx resolved them), so their own files (Prisma's wasm, pdfmake's
// fonts, geoip-lite's data) are found where they are installed.
// A source file that finds a file next to it through `import.meta.url` (the supergraph, the migrations, the common
// password list, the GraphiQL bundle) is given its own location back: the repository's files stay where they are and
// the bundle reads them there (the image copies them at the same paths).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUILD_DIR, BUILD_ENTRIES, BUILD_RECORD, ROOT } from './entries.mjs';

/** Bare imports are packages from node_modules, kept as imports; the workspaces (`@abri/*`) are bundled. */
const packagesStayExternal: Plugin = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@abri/') || args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
    );
  },
};

/** Each bundled source file keeps its own `import.meta.url`, expressed relative to the bundle's directory. */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const fromBundle = relative(BUILD_DIR, args.path).split('\\').join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

rmSync(BUILD_DIR, { recursive: true, force: true });
mkdirSync(BUILD_DIR, { recursive: true });
const result = await build({
  entryPoints: Object.fromEntries(Object.entries(BUILD_ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
  outdir: BUILD_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // Chunks beside the entries: every output file has the same relative path to the sources (import.meta.url).
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [packagesStayExternal, sourceLocations],
});
// What the build was made from (entries.mjs compares their times with this record's).
const inputs = Object.keys(result.metafile.inputs).map((path) => relative(ROOT, join(process.cwd(), path)));
writeFileSync(BUILD_RECORD, `${JSON.stringify({ node: process.version, inputs }, null, 1)}\n`);
console.log(
  `services compiled into ${relative(ROOT, BUILD_DIR)}: ${Object.keys(BUILD_ENTRIES).join(', ')} (${inputs.length} sources)`,
);
