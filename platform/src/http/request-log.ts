// One log line per request answered: its id (returned in `x-request-id`, passed on every hop, so a request's lines
// in the gateway and the subgraphs are found together), route, GraphQL operation, the customer as a keyed hash
// (lines of one customer can be followed without the id itself in the logs), status and duration. Nothing the
// client sent is written: no variables, no query text, no header.
import { createHmac, randomBytes } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import type { Logger } from '../log.ts';
import { operationLabel } from '../metrics.ts';

/** What is known of a request while it runs. */
export interface RequestRecord {
  requestId: string;
  started: bigint;
  operation?: string;
  operationType?: string;
  customer?: string;
  errors?: string[];
  /** The GraphQL operation's span, named once the operation is known. */
  span?: Span;
}

const RECORD = Symbol('abri.requestRecord');

/** A keyed hash of a customer id for logs: stable for one key, useless without it. */
export const customerHash = (key: string | Buffer, id: string): string =>
  createHmac('sha256', key).update(id).digest('base64url').slice(0, 22);

/** @default 10_000 customers whose hash a process keeps, so a request does not pay an HMAC for its log line */
const HASHES_KEPT = 10_000;

export function requestLog(log: Logger, hashKey: string | undefined, service: string) {
  const key = hashKey ?? randomBytes(32);
  const hashes = new Map<string, string>();
  const hashOf = (id: string) => {
    let hash = hashes.get(id);
    if (hash === undefined) {
      hash = customerHash(key, id);
      if (hashes.size >= HASHES_KEPT) hashes.delete(hashes.keys().next().value!);
      hashes.set(id, hash);
    }
    return hash;
  };
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart({ contextValue }) {
      const record = (contextValue as { [RECORD]?: RequestRecord })[RECORD];
      if (!record) return;
      const who = (contextValue as { who?: { sub?: unknown } | null }).who;
      if (typeof who?.sub === 'string') record.customer = hashOf(who.sub);
      return {
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation ?? 'unknown';
          record.operation = operationLabel(service, operationName);
          record.operationType = type;
          record.span?.updateName(`graphql ${type} ${record.operation}`);
          record.span?.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': record.operation });
        },
        async willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = [...(errors ?? []), ...(body?.errors ?? [])].map((e) =>
            String(e.extensions?.code ?? 'INTERNAL'),
          );
          if (codes.length) record.errors = [...new Set(codes)];
        },
      };
    },
  };
  return {
    plugin,
    /**
     * Links a GraphQL request's context to its record. A symbol key on the context itself: Apollo Server hands plugins
     * a shallow copy of the context, which keeps it (a WeakMap by context would not find the copy).
     */
    attach(context: object, record: RequestRecord) {
      Object.defineProperty(context, RECORD, { value: record, enumerable: true });
    },
    written(method: string, route: string, status: number, record: RequestRecord) {
      const fields = {
        requestId: record.requestId,
        method,
        route,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - record.started) / 1e4) / 100,
        ...(record.operation ? { operation: record.operation, operationType: record.operationType } : {}),
        ...(record.customer ? { customer: record.customer } : {}),
        ...(record.errors ? { errors: record.errors } : {}),
      };
      if (status >= 500) log.error('request', fields);
      else log.info('request', fields);
    },
  };
}
