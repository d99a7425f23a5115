// `npm run env:readme`: writes the README's table of production settings from the services' env schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { withEnvTable } from '../env-table.ts';

const path = new URL('../../README.md', import.meta.url);
writeFileSync(path, withEnvTable(readFileSync(path, 'utf8')));
