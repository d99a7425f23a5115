// Who may do what to a customer's file, in one place (least privilege): a customer acts on their own file only; each
// staff role acts only where its work lies. An adjuster once priced and applied a change to a customer's contract and
// issued her attestation, because every check asked "staff?" rather than "which staff?".
import { type Identity, isCustomer, Role, supportMaySee } from './identity.ts';

/** The staff roles allowed each kind of act on a customer's file (the customer themself always may). */
export const STAFF_PERMISSIONS = {
  /** Read the file (contract, claims, payments, profile): every staff role, for the work that brings them there. */
  read: [Role.AGENT, Role.ADJUSTER, Role.ADMIN],
  /**
   * Change the contract and issue its documents (quotes, amendments, attestations): support, not claims. Support only
   * under the customer's grant, whose assistance view is read-only: in practice the customer acts, guided by support,
   * and an admin may act for them.
   */
  contract: [Role.AGENT, Role.ADMIN],
  /** Handle claims (queue, assignment, moves, audit). */
  claims: [Role.ADJUSTER, Role.ADMIN],
  /** Handle payments (debit rejections, arrears). */
  payments: [Role.AGENT, Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;
export type Act = keyof typeof STAFF_PERMISSIONS;

/**
 * True when `who` may do `act` on the file of `customerId`: the customer themself, or a staff role allowed it; a
 * support agent only on the file of the customer whose assistance it opened (as for reads: without that customer's
 * grant, support sees and does nothing of theirs). An agent once issued any customer's attestation, with her address
 * in the answer, from a token without a grant.
 */
export const mayActOn = (who: Identity | null, customerId: string, act: Act): boolean =>
  (isCustomer(who) && who.sub === customerId) ||
  (!!who?.roles.some((role) => (STAFF_PERMISSIONS[act] as readonly Role[]).includes(role)) &&
    supportMaySee(who, customerId));
