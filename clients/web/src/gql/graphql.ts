/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a claim stands in its lifecycle. */
export type ClaimStatus =
  | 'ACKNOWLEDGED'
  | 'CLOSED'
  | 'DECLARED'
  | 'DOCUMENTS_REQUESTED'
  | 'EXPERT_ASSIGNED'
  | 'EXPERT_REPORT'
  | 'INDEMNITY_COMPUTED'
  | 'PAID'
  | 'REFUSED'
  | 'REOPENED';

/** What happened. */
export type ClaimType =
  /** Incendie. */
  | 'FIRE'
  /** Bris de glace. */
  | 'GLASS_BREAKAGE'
  /** Catastrophe naturelle (arrêté publié). */
  | 'NATURAL_DISASTER'
  /** Tempête, grêle, neige. */
  | 'STORM'
  /** Vol ou cambriolage. */
  | 'THEFT'
  /** Dégât des eaux. */
  | 'WATER_DAMAGE';

/** Where a contract stands. */
export type PolicyStatus =
  /** In force. */
  | 'ACTIVE'
  /** Cover suspended for unpaid premium. */
  | 'SUSPENDED'
  /** Ended. */
  | 'TERMINATED';

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { me: { id: string, firstName: string, policies: Array<{ id: string, number: string, status: PolicyStatus, nextDueDate: string | null, annualPremium: { amountCents: number, currency: string }, nextPaymentAmount: { amountCents: number, currency: string } | null, dwelling: { addressLine: string, postalCode: string, city: string } | null, guarantees: Array<{ id: string, label: string, ceiling: { amountCents: number, currency: string } }> }>, claims: Array<{ id: string, reference: string, type: ClaimType, status: ClaimStatus, declaredAt: string }> } | null };


export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"annualPremium"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextPaymentAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dwelling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guarantees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"ceiling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declaredAt"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;