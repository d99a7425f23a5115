// Typed documents from the committed supergraph: every `graphql(...)` call in src/ gets its result and variable types,
// so a misspelled field fails codegen and the typecheck. Output in src/gql (committed; `npm run codegen -w @abri/web`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
        skipTypename: false,
      },
    },
  },
};
export default config;
