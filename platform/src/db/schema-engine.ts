// Loads @prisma/schema-engine-wasm by hand: Node 20 would otherwise need --experimental-wasm-modules, and test
// workers cannot be given that flag.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

let loading: Promise<typeof bindings> | undefined;

export function loadSchemaEngine(): Promise<typeof bindings> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const imports = { './schema_engine_bg.js': bindings } as unknown as WebAssembly.Imports;
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), imports);
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return loading;
}
