// Where build.ts writes the staff GraphiQL bundle and routes.ts reads it (gateway/dist/graphiql, not committed).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GRAPHIQL_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'graphiql');
