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
}

export const isCustomer = (who: Identity | null): who is Identity => !!who?.roles.includes(Role.CUSTOMER);
export const hasRole = (who: Identity | null, ...roles: Role[]): who is Identity =>
  !!who?.roles.some((r) => roles.includes(r));
export const isStaff = (who: Identity | null): who is Identity => hasRole(who, ...STAFF_ROLES);

/** True when `who` may see data of `customerId`: the customer themself or a staff member. */
export const canAccessCustomer = (who: Identity | null, customerId: string): boolean =>
  (isCustomer(who) && who.sub === customerId) || isStaff(who);
