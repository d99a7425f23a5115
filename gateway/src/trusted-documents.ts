// Trusted documents: the operations Abri's own clients send are known in advance (the web app's build writes them
// to a manifest, hash → text; the SDK and the staff GraphiQL sign-in have a few fixed texts). Clients send a hash
// (`extensions.persistedQuery.sha256Hash`, as automatic persisted queries do) and the gateway runs the text it knows
// for it. In production (`enforce`), customers and anonymous callers can run nothing else: a free text whose hash is
// not in the manifest is refused, so a stolen customer token cannot probe the schema with hand-made queries. Staff
// may still send any operation (GraphiQL). Embedded and test systems accept any text, and hashes alike.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ErrorCode, type Identity, isStaff } from '@abri/platform';
import { SDK_DOCUMENTS } from '@abri/sdk';
import { GraphQLError } from 'graphql';
import { ROOT } from '../../prisma/projects.ts';
import { STAFF_SESSION_DOCUMENTS } from './graphiql/app/session.ts';

/** The web app's manifest, written by `npm run codegen -w @abri/web` (committed). */
export const WEB_MANIFEST = `${ROOT}clients/web/src/gql/persisted-documents.json`;

export interface TrustedDocuments {
  /** Refuse free texts from customers and anonymous callers. */
  enforce: boolean;
  /** Known texts by their SHA-256 (hex, without prefix). */
  byHash: ReadonlyMap<string, string>;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const bareHash = (hash: string) => hash.replace(/^sha256:/, '').toLowerCase();

/**
 * The documents the gateway knows: the web app's manifest, the SDK's and GraphiQL sign-in's texts, and the
 * manifests in `files` (e.g. a mobile app's), each a JSON object of hash → text.
 */
export function loadTrustedDocuments(options: { enforce: boolean; files?: readonly string[] }): TrustedDocuments {
  const byHash = new Map<string, string>();
  for (const file of [WEB_MANIFEST, ...(options.files ?? [])]) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const [hash, text] of Object.entries(manifest)) {
      // A manifest's key must be its text's hash: a wrong entry would let a text in under another's name.
      if (bareHash(hash) !== sha256Hex(text)) throw new Error(`${file}: the hash ${hash} is not its text's`);
      byHash.set(bareHash(hash), text);
    }
  }
  for (const text of [...SDK_DOCUMENTS, ...Object.values(STAFF_SESSION_DOCUMENTS)]) byHash.set(sha256Hex(text), text);
  return { enforce: options.enforce, byHash };
}

export const TrustedDocumentCode = {
  /** A hash the gateway does not know (a client built against another version). */
  NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** A free text from a customer or an anonymous caller, in production. */
  NOT_TRUSTED: ErrorCode.DOCUMENT_NOT_TRUSTED,
} as const;

const refusal = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * The text to run for a request, from its hash or its own text; an error when the hash is unknown, or when `who`
 * (neither staff nor, outside production, anyone) sends a text that is not a known document.
 */
export function resolveDocument(
  trusted: TrustedDocuments,
  request: { query?: string | undefined; extensions?: Record<string, unknown> | undefined },
  who: Identity | null,
): { query: string } | GraphQLError {
  const persisted = request.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
  const hash = typeof persisted?.sha256Hash === 'string' ? bareHash(persisted.sha256Hash) : null;
  if (hash && !request.query) {
    const known = trusted.byHash.get(hash);
    if (!known) return refusal(TrustedDocumentCode.NOT_FOUND, 'PersistedQueryNotFound');
    return { query: known };
  }
  const query = request.query ?? '';
  if (trusted.enforce && !isStaff(who) && !trusted.byHash.has(sha256Hex(query)))
    return refusal(
      TrustedDocumentCode.NOT_TRUSTED,
      'Cette opération n’est pas reconnue : seules les opérations des applications Abri sont acceptées.',
    );
  return { query };
}
