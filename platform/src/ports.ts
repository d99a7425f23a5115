import { GATEWAY_PORT, perSubgraph, SUBGRAPHS } from './subgraphs.ts';

/** Default ports of the embedded mode (and of each service started alone), from the subgraph registry. */
export const DEFAULT_PORTS = { gateway: GATEWAY_PORT, ...perSubgraph((name) => SUBGRAPHS[name].port) };
export type ServiceName = keyof typeof DEFAULT_PORTS;

/** Every port 0 (any free one): what tests and benches start the system on. */
export const FREE_PORTS: Record<ServiceName, number> = { gateway: 0, ...perSubgraph(() => 0) };
