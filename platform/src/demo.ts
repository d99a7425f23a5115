// Fixed identifiers of the demo data, so each subgraph seeds its own part and the parts meet.
export const DEMO = {
  camille: {
    customerId: '5f1c3a9e-2b7d-4c1e-9a41-000000000001',
    contractNumber: 'HAB0012345',
    policyId: '7a0e4c2d-1f3b-4d5e-8a61-000000000101',
    /** First day of cover: no premium is collected before it. */
    contractStart: '2016-03-01',
  },
  louis: {
    customerId: '5f1c3a9e-2b7d-4c1e-9a41-000000000002',
    contractNumber: 'HAB0067890',
    policyId: '7a0e4c2d-1f3b-4d5e-8a61-000000000102',
    contractStart: '2021-09-15',
  },
  adjuster: {
    staffId: '5f1c3a9e-2b7d-4c1e-9a41-0000000000a1',
    email: 'adjuster@abri.example',
    totpSecret: 'JBSWY3DPEHPK3PXP',
  },
  /** Support (AGENT): reads a customer's file only with a reason. */
  agent: {
    staffId: '5f1c3a9e-2b7d-4c1e-9a41-0000000000a2',
    email: 'agent@abri.example',
    totpSecret: 'KRSXG5CTMVRXEZLU',
  },
  camilleClaimId: '9c2b7e41-5d3a-4f6b-8e21-000000000201',
  louisClaimId: '9c2b7e41-5d3a-4f6b-8e21-000000000202',
  customerPassword: 'Abri-demo-2026!',
  staffPassword: 'Abri-staff-2026!',
} as const;
