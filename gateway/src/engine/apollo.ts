// The engine behind Apollo Server's gateway interface: Apollo Server keeps the HTTP side (parsing and validation
// cached per document, GET and POST, CSRF prevention, error formatting); each operation is then planned once per
// document and run by the engine.
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, getVariableValues, type VariableDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { Engine } from './index.ts';
import { frenchCoercionMessage } from './input-errors.ts';

export function engineGateway(engine: Engine, supergraphSdl: string): GatewayInterface {
  let announce: ((context: { apiSchema: typeof engine.apiSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = undefined;
      };
    },
    async load() {
      announce?.({ apiSchema: engine.apiSchema, coreSupergraphSdl: supergraphSdl });
      return {
        async executor(request) {
          // An operationName that names no operation of the document (Apollo leaves `operation` unset).
          if (!request.operation)
            return {
              errors: [
                new GraphQLError(`Aucune opération nommée « ${request.operationName ?? ''} » dans ce document.`, {
                  extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
                }),
              ],
            };
          const definitions = (request.operation.variableDefinitions ?? []) as readonly VariableDefinitionNode[];
          let variables: Record<string, unknown> = {};
          if (definitions.length) {
            const coerced = getVariableValues(engine.apiSchema, definitions, request.request.variables ?? {});
            if (coerced.errors)
              return {
                errors: coerced.errors.map(
                  (e) => new GraphQLError(frenchCoercionMessage(e.message), { extensions: { code: 'BAD_USER_INPUT' } }),
                ),
              };
            variables = coerced.coerced;
          }
          const prepared = engine.prepare(request.document, request.operationName, request.queryHash, request.source);
          const { data, errors } = await engine.execute(
            prepared,
            request.document,
            variables,
            request.context as unknown as GatewayContext,
          );
          return errors.length
            ? {
                data,
                errors: errors.map(
                  (e) => new GraphQLError(e.message, { ...(e.path ? { path: e.path } : {}), extensions: e.extensions }),
                ),
              }
            : { data };
        },
      };
    },
    async stop() {
      engine.close();
    },
  };
}
