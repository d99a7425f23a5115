// The claims staff's daily tasks as saved operations, one click away in the « Opérations » panel.

/** What the panel's fields hold: the claim worked on, and a status (the queue's, or where to move the claim). */
export interface OperationForm {
  claimId: string;
  status: string;
}

export interface SavedOperation {
  title: string;
  query: string;
  variables: (form: OperationForm) => Record<string, unknown>;
}

export const SAVED_OPERATIONS: SavedOperation[] = [
  {
    title: 'File d’attente des sinistres',
    query: `query ClaimQueue($status: ClaimStatus!) {
  claimQueue(status: $status) {
    id
    reference
    type
    status
    allowedMoves
  }
}`,
    variables: ({ status }) => ({ status }),
  },
  {
    title: 'M’attribuer un sinistre',
    query: `mutation AssignClaimToMe($claimId: ID!) {
  assignClaimToMe(claimId: $claimId) {
    id
    reference
    status
    allowedMoves
  }
}`,
    variables: ({ claimId }) => ({ claimId }),
  },
  {
    title: 'Faire avancer un sinistre',
    query: `mutation AdvanceClaim($input: AdvanceClaimInput!) {
  advanceClaim(input: $input) {
    __typename
    ... on AdvanceClaimSuccess { claim { reference status allowedMoves } }
    ... on PayoutRequested { claim { reference status } }
    ... on TransitionNotAllowed { message reason from to allowed }
    ... on Error { message }
  }
}`,
    variables: ({ claimId, status }) => ({ input: { claimId, to: status, note: null } }),
  },
  {
    title: 'Journal d’un sinistre',
    query: `query ClaimAudit($claimId: ID!) {
  claimAudit(claimId: $claimId) {
    action
    staffId
    at
    details
  }
}`,
    variables: ({ claimId }) => ({ claimId }),
  },
  {
    title: 'Enregistrer un rejet de prélèvement',
    query: `mutation RecordDebitRejection($scheduledPaymentId: ID!, $reasonCode: String!) {
  recordDebitRejection(scheduledPaymentId: $scheduledPaymentId, reasonCode: $reasonCode)
}`,
    variables: () => ({ scheduledPaymentId: '', reasonCode: 'AM04' }),
  },
  {
    title: 'Suivre les statuts (client, par le socket)',
    query: `subscription ClaimStatusChanged($after: String) {
  claimStatusChanged(after: $after) {
    cursor
    status
    at
    claim { reference }
  }
}`,
    // From the stream's start: the events already there come first, then the live ones.
    variables: () => ({ after: 'claims.0' }),
  },
];
