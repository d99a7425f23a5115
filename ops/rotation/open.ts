// The subgraph whose sealed values `npm run keys:rotate` re-encrypts, built from that service's own environment
// (database, field keys, blind-index key, attachments folder) without starting its server, relay or listeners: the
// running instances keep serving while it works.
import {
  createLogger,
  createMemoryBus,
  type Database,
  generateHopSecret,
  generateSigningJwk,
  importSigningKey,
  type Keyring,
  parseHopKeys,
  type ResealOptions,
  type ResealReport,
} from '@abri/platform';
import type { SubgraphName } from '../../prisma/projects.ts';
import { diskStore } from '../../subgraphs/claims/src/app/attachments.ts';
import { createClaimsService } from '../../subgraphs/claims/src/server.ts';
import { createPaymentsService } from '../../subgraphs/payments/src/server.ts';
import { createPoliciesService } from '../../subgraphs/policies/src/server.ts';
import { createLocalMailbox } from '../../subgraphs/users/src/messaging/transport.ts';
import { createUsersService } from '../../subgraphs/users/src/server.ts';

export interface ResealTarget {
  db: Database;
  keyring: Keyring;
  blindIndexKey?: Buffer;
  /** Claims: where its attachment files are. */
  attachmentsDir?: string;
}

export interface Resealer {
  reseal(options?: Pick<ResealOptions, 'batch' | 'onProgress'>): Promise<ResealReport>;
  stop(): Promise<void>;
}

export async function openResealer(name: SubgraphName, target: ResealTarget): Promise<Resealer> {
  // Keys nothing here signs or verifies with: the services need one to be built.
  const unused = await generateSigningJwk();
  const deps = {
    db: target.db,
    bus: createMemoryBus(),
    hopKeys: parseHopKeys(generateHopSecret()),
    log: createLogger(`keys:rotate:${name}`, { silent: true }),
    keyring: target.keyring,
    ...(target.blindIndexKey ? { blindIndexKey: target.blindIndexKey } : {}),
  };
  switch (name) {
    case 'users':
      return createUsersService({
        ...deps,
        tokenKey: await importSigningKey(unused),
        transport: createLocalMailbox(null),
        push: { vapid: null },
      });
    case 'policies':
      return createPoliciesService({ ...deps, attestationKey: await importSigningKey(unused) });
    case 'claims':
      return createClaimsService({
        ...deps,
        ...(target.attachmentsDir ? { attachments: diskStore(target.attachmentsDir) } : {}),
      });
    case 'payments':
      return createPaymentsService(deps);
  }
}
