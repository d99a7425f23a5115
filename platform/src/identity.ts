// Who is calling, as the gateway established it from the access token and forwards it (signed) to subgraphs.

export const Role = { CUSTOMER: 'CUSTOMER', AGENT: 'AGENT', ADJUSTER: 'ADJUSTER', ADMIN: 'ADMIN' } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const STAFF_ROLES: readonly Role[] = [Role.AGENT, Role.ADJUSTER, Role.ADMIN];

export interface Identity {
  /** Customer id for customers, staff member id for staff. */
  sub: string;
  /** Session id: revoking it ends the access. */
  sid: string;
  roles: Role[];
  /** When the access token stops being valid (epoch seconds). */
  exp: number;
  /**
   * When the holder last proved a secret (password, second factor) in this session (epoch seconds): the sign-in, or
   * a later step-up (`confirmIdentity`). Refreshing a token keeps it. Absent in tokens issued before it existed.
   */
  authTime?: number;
  /**
   * Assistance with consent: the customer whose space this support token may view, read-only, while their grant
   * runs. A support agent (AGENT) sees nothing of any other customer, nor of this one without it.
   */
  assist?: string;
}

export const isCustomer = (who: Identity | null): who is Identity => !!who?.roles.includes(Role.CUSTOMER);
export const hasRole = (who: Identity | null, ...roles: Role[]): who is Identity =>
  !!who?.roles.some((r) => roles.includes(r));
export const isStaff = (who: Identity | null): who is Identity => hasRole(who, ...STAFF_ROLES);

/**
 * True when `who` may see data of `customerId`: the customer themself, or a staff member; a support agent only under
 * that customer's grant (its assistance token is bound to them). Staff reads are recorded by `accessCustomer`, which
 * every path serving a customer's data goes through.
 */
export const canAccessCustomer = (who: Identity | null, customerId: string): boolean =>
  (isCustomer(who) && who.sub === customerId) || (isStaff(who) && supportMaySee(who, customerId));

/** How recent the last proof of a secret must be for a sensitive change (phone, second factor, bank details). */
export const STEP_UP_MAX_AGE_SECONDS = 300;

/**
 * Whether `who` proved a secret within `maxAgeSeconds` of `now`: a stolen session alone cannot change how the
 * account is recovered or where money goes.
 */
export const recentlyAuthenticated = (who: Identity, now: Date, maxAgeSeconds = STEP_UP_MAX_AGE_SECONDS): boolean =>
  who.authTime !== undefined && now.getTime() / 1000 - who.authTime <= maxAgeSeconds;
/** Support agents (AGENT without a claims or admin role) see a customer's data only under that customer's grant. */
export const isSupportOnly = (who: Identity | null): who is Identity =>
  hasRole(who, Role.AGENT) && !hasRole(who, Role.ADJUSTER, Role.ADMIN);

/** Support sees a customer only under that customer's running grant (its token is bound to them). */
export const supportMaySee = (who: Identity, customerId: string): boolean =>
  !isSupportOnly(who) || who.assist === customerId;
