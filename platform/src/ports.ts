/** Default ports of the embedded mode (and of each service started alone). */
export const DEFAULT_PORTS = { gateway: 4000, users: 4001, policies: 4002, claims: 4003, payments: 4004 } as const;
export type ServiceName = keyof typeof DEFAULT_PORTS;
