// Who may resolve a field, declared on the field (`authScopes`) rather than written by hand in its resolver. The
// scopes read the caller the gateway verified (`ctx.who`); a refusal keeps the errors clients already switch on:
// UNAUTHENTICATED for a customer action asked without a customer sign-in (or by nobody), FORBIDDEN otherwise. A
// refusal says nothing of the data: ownership scopes compare ids the caller sent, and entities that must be loaded
// first are checked where they are loaded (`resolveReference`, the app functions), answering « not found ».
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import { AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import type { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from '../errors.ts';
import { hasRole, type Identity, isCustomer, isStaff, type Role } from '../identity.ts';
import { accessCustomer, type StaffAccessApp } from '../privacy/staff-access.ts';
import type { RequestContext } from '../subgraph.ts';

/** The scopes a field or type may ask for, and the parameter each takes. */
export interface AccessScopes {
  /** Anyone signed in, customer or staff. */
  signedIn: boolean;
  /** A signed-in customer (a staff token is not one): the customer space's own actions. */
  customer: boolean;
  /** Any staff member. */
  staff: boolean;
  /** A staff member holding one of these roles. */
  role: Role | readonly Role[];
  /** The caller is this customer themself (by id). */
  self: string;
  /**
   * The caller may read this customer's file, `what` naming the part: the customer themself, or staff once the read
   * is recorded in the customer's staff-access log (a support agent needs the customer's grant and a reason).
   */
  customerFile: { customerId: string; what: string };
}

/** The scopes that guarantee a caller, and so a context whose `who` is set. */
type IdentifiedScope = 'signedIn' | 'customer' | 'staff' | 'role' | 'self';

/** The context a resolver gets under `t.withAuth(...)`: past these scopes, `ctx.who` is the caller. */
export type ScopedContexts<Ctx extends RequestContext> = {
  [K in IdentifiedScope]: Ctx & { who: Identity };
};

/** The scope initializer of the kit's builders: each scope from the caller in `ctx`. */
export function accessScopes(ctx: RequestContext & { app: StaffAccessApp }) {
  const { who } = ctx;
  return {
    signedIn: !!who,
    customer: isCustomer(who),
    staff: isStaff(who),
    role: (roles: Role | readonly Role[]) => hasRole(who, ...(typeof roles === 'string' ? [roles] : roles)),
    self: (customerId: string) => isCustomer(who) && who.sub === customerId,
    // Records the staff read and may throw REASON_REQUIRED (a support agent without a reason), as a resolver would.
    customerFile: ({ customerId, what }: { customerId: string; what: string }) =>
      accessCustomer(ctx.app, ctx, customerId, what),
  };
}

/** Whether a failure is only the `customer` scope's (a customer action asked by a staff member or nobody). */
const onlyCustomer = (failure: AuthFailure): boolean => {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return failure.scope === 'customer';
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.length > 0 && failure.failures.every(onlyCustomer);
    default:
      return false;
  }
};

/** The error of a refused field: the same code and French message clients get from every refusal. */
export const refusal = (ctx: RequestContext, failure: AuthFailure): GraphQLError =>
  !ctx.who || onlyCustomer(failure) ? unauthenticated() : forbidden();
