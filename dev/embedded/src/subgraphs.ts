// How each subgraph of the registry (`@abri/platform/subgraphs`) is built outside its own process: its service from
// the dependencies every subgraph takes plus its own, whether its data is empty, and its demo data. The one place
// the service factories and seeds are named: the supervisor, the process tests' seeding and the benches go through
// it. A subgraph of the registry missing here fails the typecheck.
import { createClaimsService } from '@abri/claims';
import { type AttachmentStore, memoryStore } from '@abri/claims/attachments';
import { claimsIsEmpty, seedClaims } from '@abri/claims/seed';
import { createPaymentsService } from '@abri/payments';
import { paymentsIsEmpty, seedPayments } from '@abri/payments/seed';
import {
  type Insurer,
  perSubgraph,
  type ServiceDeps,
  type SigningKey,
  SUBGRAPH_NAMES,
  type SubgraphName,
  type SubgraphService,
} from '@abri/platform';
import { createPoliciesService } from '@abri/policies';
import { policiesIsEmpty, seedPolicies } from '@abri/policies/seed';
import { createUsersService, type UsersDeps } from '@abri/users';
import type { MessageTransport } from '@abri/users/mailbox';
import { seedUsers, usersIsEmpty } from '@abri/users/seed';

/** What the subgraphs are built from, beyond each one's `ServiceDeps`. */
export interface SubgraphContext {
  /** The dependencies of subgraph `name`: its database schema, bus, log, clock, field keys. */
  deps(name: SubgraphName): ServiceDeps;
  /** Signs access tokens (users). */
  tokenKey: SigningKey;
  /** Signs attestation QR codes (policies). */
  attestationKey: SigningKey;
  /** Where users' e-mails and SMS go. */
  transport: MessageTransport;
  /** The base of e-mailed links and QR codes. @default each service's own default */
  publicUrl?: string;
  /** The insurer printed and sealed on documents. @default each service's own default */
  insurer?: Insurer;
  /** Claims' attachment files. @default in memory */
  attachments?: AttachmentStore;
  /** Push notifications of the users subgraph. @default its own default */
  push?: UsersDeps['push'];
}

/** One subgraph as the supervisor handles it: built, asked whether it holds data, seeded. */
export interface EmbeddedSubgraph<S extends SubgraphService<unknown> = SubgraphService<unknown>> {
  create(context: SubgraphContext): S;
  isEmpty(service: S): Promise<boolean>;
  seed(service: S, now: Date): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each subgraph's own app type, kept by the entry that names it
type AnyService = SubgraphService<any>;

const entry = <S extends AnyService>(definition: {
  create(context: SubgraphContext): S;
  isEmpty(app: S['app']): Promise<boolean>;
  seed(app: S['app'], now: Date): Promise<void>;
}): EmbeddedSubgraph<S> => ({
  create: definition.create,
  isEmpty: (service) => definition.isEmpty(service.app),
  seed: (service, now) => definition.seed(service.app, now),
});

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export const EMBEDDED_SUBGRAPHS = {
  users: entry({
    create: (c) =>
      createUsersService({
        ...c.deps('users'),
        tokenKey: c.tokenKey,
        transport: c.transport,
        ...(c.publicUrl ? { config: { publicUrl: c.publicUrl } } : {}),
        ...optional('push', c.push),
      }),
    isEmpty: usersIsEmpty,
    seed: (app) => seedUsers(app),
  }),
  policies: entry({
    create: (c) =>
      createPoliciesService({
        ...c.deps('policies'),
        attestationKey: c.attestationKey,
        ...optional('publicUrl', c.publicUrl),
        ...optional('insurer', c.insurer),
      }),
    isEmpty: policiesIsEmpty,
    seed: seedPolicies,
  }),
  claims: entry({
    create: (c) =>
      createClaimsService({
        ...c.deps('claims'),
        attachments: c.attachments ?? memoryStore(),
        ...optional('insurer', c.insurer),
      }),
    isEmpty: claimsIsEmpty,
    seed: seedClaims,
  }),
  payments: entry({
    create: (c) => createPaymentsService({ ...c.deps('payments'), ...optional('insurer', c.insurer) }),
    isEmpty: paymentsIsEmpty,
    seed: seedPayments,
  }),
} satisfies Record<SubgraphName, EmbeddedSubgraph<AnyService>>;

/** Each subgraph's service, with its own app type (tests read `services.users.app.prisma`). */
export type EmbeddedServices = { [N in SubgraphName]: ReturnType<(typeof EMBEDDED_SUBGRAPHS)[N]['create']> };

/** Builds every subgraph of the registry, in its order. */
export const createSubgraphServices = (context: SubgraphContext) =>
  perSubgraph((name) => EMBEDDED_SUBGRAPHS[name].create(context)) as EmbeddedServices;

/**
 * The demo data, written through each service's own code, when every subgraph is empty (true when it wrote it). Users
 * first: the others' demo rows refer to its customers.
 */
export async function seedWhenEmpty(services: EmbeddedServices, now: Date): Promise<boolean> {
  const all = SUBGRAPH_NAMES.map(
    (name) => [EMBEDDED_SUBGRAPHS[name] as EmbeddedSubgraph<AnyService>, services[name]] as const,
  );
  for (const [subgraph, service] of all) if (!(await subgraph.isEmpty(service))) return false;
  for (const [subgraph, service] of all) await subgraph.seed(service, now);
  return true;
}
