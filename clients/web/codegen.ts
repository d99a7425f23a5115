// Typed documents from the committed supergraph: every `graphql(...)` call in src/ gets its result and variable types,
// so a misspelled field fails codegen and the typecheck. Output in src/gql (committed; `npm run codegen -w @abri/web`).
// With persistedDocuments, each document also carries its SHA-256 (`__meta__.hash`) and src/gql/persisted-documents.json
// maps every hash to its text: the client sends hashes only and the gateway runs the texts it knows (trusted
// documents). `__typename` is added to every selection here, as the normalised cache needs it, so the text the
// gateway runs is the one the cache expects.
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { type ASTNode, Kind, visit } from 'graphql';

/** `__typename` in every selection but the operation's root (where urql adds none either). */
const addTypenames: Types.DocumentTransformObject = {
  transform: ({ documents }) =>
    documents.map((source) => ({
      ...source,
      document:
        source.document &&
        visit(source.document, {
          SelectionSet(node, _key, parent) {
            if ((parent as ASTNode | undefined)?.kind === Kind.OPERATION_DEFINITION) return undefined;
            if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
            return {
              ...node,
              selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selections],
            };
          },
        }),
    })),
};

const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      documentTransforms: [addTypenames],
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
