// Every query and mutation of the supergraph, called through the gateway by each kind of caller: anonymous, a
// customer using another customer's ids, a support agent and a claims adjuster. What each may do is one table below;
// a field the schema gains without a row fails this test, so nobody adds an entry point without deciding who may
// call it. Outcomes: `u` refused as unauthenticated, `f` refused or hidden (FORBIDDEN, NOT_FOUND, a typed "not
// found", null or false), `s` served (the call did what the caller may do, or answered a typed business outcome).
import { readFileSync } from 'node:fs';
import { DEMO, type Role, signAccessToken } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, startTestSystem } from '@abri/testkit';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;

const CALLERS = ['anonymous', 'customer', 'agent', 'adjuster'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'u' | 'f' | 's';

/** Louis's ids, which Camille (the `customer` caller) and staff use. */
interface Ids {
  customerId: string;
  policyId: string;
  claimId: string;
  paymentMethodId: string;
  scheduledPaymentId: string;
  arrearId: string;
  sessionId: string;
}
type Row = {
  /** Expected outcome for anonymous, customer, agent, adjuster, in that order. */
  allowed: `${Outcome} ${Outcome} ${Outcome} ${Outcome}`;
  call: (ids: Ids) => string;
};

const FAKE = '00000000-0000-4000-8000-000000000000';
/** One row per root field; the order is the order calls are made (an arrear exists once an agent records one). */
const MATRIX: Record<string, Row> = {
  // Public entry points: anyone may call them; they never reveal an account.
  claimForm: { allowed: 's s s s', call: () => '{ claimForm(type: WATER_DAMAGE) { __typename } }' },
  verifyAttestation: { allowed: 's s s s', call: () => '{ verifyAttestation(token: "x") { __typename } }' },
  search: { allowed: 's s s s', call: () => '{ search(query: "dégât des eaux") { __typename } }' },
  helpCategories: { allowed: 's s s s', call: () => '{ helpCategories { __typename } }' },
  helpCategory: { allowed: 's s s s', call: () => '{ helpCategory(slug: "navigateurs") { __typename } }' },
  helpArticle: { allowed: 's s s s', call: () => '{ helpArticle(slug: "chrome-cache") { __typename } }' },
  login: {
    allowed: 's s s s',
    call: () => 'mutation { login(input: { contractNumber: "HAB9930001", password: "x" }) { __typename } }',
  },
  staffLogin: {
    allowed: 's s s s',
    call: () => 'mutation { staffLogin(input: { email: "nobody@abri.example", password: "x" }) { __typename } }',
  },
  verifyTwoFactor: {
    allowed: 's s s s',
    call: () => 'mutation { verifyTwoFactor(input: { challengeToken: "x", code: "000000" }) { __typename } }',
  },
  refreshSession: { allowed: 's s s s', call: () => 'mutation { refreshSession(refreshToken: "x") { __typename } }' },
  registerAccount: {
    allowed: 's s s s',
    call: () =>
      'mutation { registerAccount(input: { contractNumber: "HAB9930002", email: "x@example.com", password: "Un-Mot-De-Passe-2027!" }) { __typename } }',
  },
  activateAccount: { allowed: 's s s s', call: () => 'mutation { activateAccount(token: "x") { __typename } }' },
  requestActivationLink: {
    allowed: 's s s s',
    call: () => 'mutation { requestActivationLink(contractNumber: "HAB9930003") }',
  },
  requestPasswordReset: {
    allowed: 's s s s',
    call: () => 'mutation { requestPasswordReset(contractNumber: "HAB9930004") }',
  },
  requestSmsCode: { allowed: 's s s s', call: () => 'mutation { requestSmsCode(contractNumber: "HAB9930005") }' },
  resetPassword: {
    allowed: 's s s s',
    call: () => 'mutation { resetPassword(token: "x", newPassword: "Un-Mot-De-Passe-2027!") { __typename } }',
  },
  resetPasswordWithSmsCode: {
    allowed: 's s s s',
    call: () =>
      'mutation { resetPasswordWithSmsCode(contractNumber: "HAB9930006", code: "000000", newPassword: "Un-Mot-De-Passe-2027!") { __typename } }',
  },
  reportUnrecognisedSignIn: { allowed: 'f f f f', call: () => 'mutation { reportUnrecognisedSignIn(token: "x") }' },
  // « Numéro de contrat oublié ? »: the same answer for anyone and any address.
  recoverContractNumber: {
    allowed: 's s s s',
    call: () => 'mutation { recoverContractNumber(email: "personne@exemple.fr") }',
  },

  // One's own account: a signed-in customer, on their own data only (`me` is always the caller).
  me: { allowed: 'f s f f', call: () => '{ me { id } }' },
  updateProfile: {
    allowed: 'u s u u',
    call: () => 'mutation { updateProfile(input: { firstName: "Camille" }) { __typename } }',
  },
  changePassword: {
    allowed: 'u s u u',
    call: () =>
      'mutation { changePassword(currentPassword: "pas-le-bon", newPassword: "Un-Mot-De-Passe-2027!") { __typename } }',
  },
  confirmIdentity: {
    allowed: 'u s u u',
    call: () => 'mutation { confirmIdentity(password: "pas-le-bon") { __typename } }',
  },
  requestEmailChange: {
    allowed: 'u s u u',
    call: () => 'mutation { requestEmailChange(newEmail: "camille.nouvelle@example.com") { __typename } }',
  },
  confirmEmailChange: {
    allowed: 'u s u u',
    call: () => 'mutation { confirmEmailChange(code: "000000") { __typename } }',
  },
  confirmPhone: { allowed: 'u s u u', call: () => 'mutation { confirmPhone(code: "000000") { __typename } }' },
  startTwoFactorEnrolment: { allowed: 'u s u u', call: () => 'mutation { startTwoFactorEnrolment { secret } }' },
  confirmTwoFactorEnrolment: {
    allowed: 'u s u u',
    call: () => 'mutation { confirmTwoFactorEnrolment(code: "000000") { __typename } }',
  },
  disableTwoFactor: { allowed: 'u f u u', call: () => 'mutation { disableTwoFactor(password: "x", code: "000000") }' },
  chooseSmsSecondFactor: {
    allowed: 'u s u u',
    call: () => 'mutation { chooseSmsSecondFactor { __typename } }',
  },
  // A sign-in of the history: the customer's own only (Louis's session id is no sign-in of Camille's).
  acknowledgeSignIn: {
    allowed: 'u f u u',
    call: (ids) => `mutation { acknowledgeSignIn(signInId: "${ids.sessionId}") { __typename } }`,
  },
  reportSignIn: {
    allowed: 'u f u u',
    call: (ids) => `mutation { reportSignIn(signInId: "${ids.sessionId}") { __typename } }`,
  },
  setConsent: {
    allowed: 'u s u u',
    call: () => 'mutation { setConsent(purpose: MARKETING_EMAIL, given: false) { __typename } }',
  },
  // Portability: the customer's own copy only; staff never ask for one.
  requestDataExport: {
    allowed: 'u s u u',
    call: () => 'mutation { requestDataExport { __typename } }',
  },
  // Erasure: the customer's own, behind a fresh sign-in (refused here for Camille: her contract runs); staff never ask.
  requestErasure: { allowed: 'u s u u', call: () => 'mutation { requestErasure { __typename } }' },
  updateNotificationPreferences: {
    allowed: 'u s u u',
    call: () => 'mutation { updateNotificationPreferences(input: { muted: [] }) { __typename } }',
  },
  // Assistance with consent: the customer grants and revokes it; support opens it (a typed « no grant » here).
  grantSupportAccess: {
    allowed: 'u s u u',
    call: () => 'mutation { grantSupportAccess(minutes: 30) { __typename } }',
  },
  revokeSupportAccess: {
    allowed: 'u s u u',
    call: () => 'mutation { revokeSupportAccess { __typename } }',
  },
  openAssistance: {
    allowed: 'u f s f',
    call: () => `mutation { openAssistance(contractNumber: "${DEMO.louis.contractNumber}") { __typename } }`,
  },
  registerPushDevice: {
    allowed: 'u s u u',
    call: () => 'mutation { registerPushDevice(input: { channel: APNS, token: "abc123" }) { __typename } }',
  },
  unregisterPushDevice: {
    allowed: 'u f u u',
    call: () => `mutation { unregisterPushDevice(id: "${FAKE}") { __typename } }`,
  },
  webPushPublicKey: { allowed: 's s s s', call: () => '{ webPushPublicKey }' },
  // A customer's file opened by staff (support gives a reason, else sees nothing; see privacy.e2e.test.ts).
  customer: { allowed: 'u f f s', call: (ids) => `{ customer(id: "${ids.customerId}") { id } }` },
  revokeSession: { allowed: 'u f u u', call: (ids) => `mutation { revokeSession(sessionId: "${ids.sessionId}") }` },

  // Another customer's contract: support acts on it only under that customer's grant (none here, and an assistance
  // view is read-only); an adjuster handles claims and nothing else.
  // The relevé d'information: the customer's own contracts only (a typed « not found » for Louis's).
  requestClaimsStatement: {
    allowed: 'u f u u',
    call: (ids) => `mutation { requestClaimsStatement(policyId: "${ids.policyId}") { __typename } }`,
  },
  generateAttestation: {
    allowed: 'u f f f',
    call: (ids) => `mutation { generateAttestation(policyId: "${ids.policyId}") { __typename } }`,
  },
  // The certificate a bank asks for (Louis owns his house): as the attestation.
  issueLenderCertificate: {
    allowed: 'u f f f',
    call: (ids) =>
      `mutation { issueLenderCertificate(input: { policyId: "${ids.policyId}", lenderName: "Banque Exemple", lenderAddress: "1 rue du Prêt, 44000 Nantes", loanReference: "PR-2026-0042" }) { __typename } }`,
  },
  quotePolicyChange: {
    allowed: 'u f f f',
    call: (ids) =>
      `mutation { quotePolicyChange(input: { policyId: "${ids.policyId}", valuablesCents: 500000 }) { __typename } }`,
  },
  applyPolicyChange: {
    allowed: 'u f f f',
    call: () => `mutation { applyPolicyChange(quoteId: "${FAKE}") { __typename } }`,
  },
  declareClaim: {
    allowed: 'u f u u',
    call: (ids) =>
      `mutation { declareClaim(input: { policyId: "${ids.policyId}", type: GLASS_BREAKAGE, occurredOn: "2026-11-20", description: "Vitre", answers: {} }) { __typename } }`,
  },
  addClaimAttachment: {
    allowed: 'u f u u',
    call: (ids) =>
      `mutation { addClaimAttachment(claimId: "${ids.claimId}", filename: "a.png", contentBase64: "iVBORw0KGgo=") { __typename } }`,
  },

  // Claims work: adjusters; support reads a claim's audit (to answer a customer) only under that customer's grant and
  // with a reason, and sees in the queue only the claims of a customer whose assistance it opened: none here.
  claimQueue: { allowed: 'f f s s', call: () => '{ claimQueue(status: DECLARED, first: 5) { id } }' },
  claimAudit: { allowed: 'u f f s', call: (ids) => `{ claimAudit(claimId: "${ids.claimId}") { __typename } }` },
  assignClaimToMe: {
    allowed: 'u f f s',
    call: (ids) => `mutation { assignClaimToMe(claimId: "${ids.claimId}") { id } }`,
  },
  advanceClaim: {
    allowed: 'u f f s',
    call: (ids) => `mutation { advanceClaim(input: { claimId: "${ids.claimId}", to: REFUSED }) { __typename } }`,
  },

  // Another customer's payments: the customer themself only; debit rejections are support's.
  addSepaMandate: {
    allowed: 'u s u u',
    call: () =>
      'mutation { addSepaMandate(input: { iban: "FR14 2004 1010 0505 0001 3M02 606", holderName: "Camille Martin" }) { __typename } }',
  },
  addCard: {
    allowed: 'u s u u',
    call: () =>
      'mutation { addCard(input: { pspToken: "tok_test", brand: "VISA", last4: "4242", expiry: "12/30" }) { __typename } }',
  },
  setDefaultPaymentMethod: {
    allowed: 'u f u u',
    call: (ids) => `mutation { setDefaultPaymentMethod(paymentMethodId: "${ids.paymentMethodId}") { __typename } }`,
  },
  removePaymentMethod: {
    allowed: 'u f u u',
    call: (ids) => `mutation { removePaymentMethod(paymentMethodId: "${ids.paymentMethodId}") { __typename } }`,
  },
  changeDueDay: {
    allowed: 'u f u u',
    call: (ids) => `mutation { changeDueDay(policyId: "${ids.policyId}", day: 10) { __typename } }`,
  },
  recordDebitRejection: {
    allowed: 'u f s f',
    call: (ids) =>
      `mutation { recordDebitRejection(scheduledPaymentId: "${ids.scheduledPaymentId}", reasonCode: "AM04") { __typename } }`,
  },
  // The customer's own choices about an arrear (support records rejections, the customer decides what next).
  retryDebit: {
    allowed: 'u f u u',
    call: (ids) => `mutation { retryDebit(arrearId: "${ids.arrearId}", on: "2027-01-15") { __typename } }`,
  },
  payArrear: {
    allowed: 'u f u u',
    call: (ids) =>
      `mutation { payArrear(arrearId: "${ids.arrearId}", paymentMethodId: "${ids.paymentMethodId}") { __typename } }`,
  },
  confirmArrearPayment: {
    allowed: 'u f u u',
    call: () => `mutation { confirmArrearPayment(chargeId: "${FAKE}") { __typename } }`,
  },
  // Bank files: back office (support) only.
  exportSepaCollections: {
    allowed: 'u f s f',
    call: () => 'mutation { exportSepaCollections(collectionDate: "2031-01-05") { __typename } }',
  },
  importBankReturns: {
    allowed: 'u f s f',
    call: () => 'mutation { importBankReturns(file: "<Document/>") { __typename } }',
  },
  logout: { allowed: 'u s s s', call: () => 'mutation { logout }' },
};

/** The root fields the composed supergraph exposes. */
function supergraphFields(): string[] {
  const document = parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
  return document.definitions.flatMap((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && (d.name.value === 'Query' || d.name.value === 'Mutation')
      ? (d.fields ?? []).map((f) => f.name.value)
      : [],
  );
}

const NOT_ALLOWED = new Set(['FORBIDDEN', 'NOT_FOUND']);
function outcomeOf(answer: Awaited<ReturnType<AbriClient['request']>>, field: string): Outcome {
  const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
  if (answer.status === 401 || codes.includes('UNAUTHENTICATED')) return 'u';
  if (codes.some((c) => NOT_ALLOWED.has(String(c)))) return 'f';
  const value = (answer.data as Record<string, unknown> | null | undefined)?.[field];
  if (value === null || value === undefined || value === false) return 'f';
  if (Array.isArray(value) && value.length === 0 && field === 'claimQueue') return 's';
  const typename = (value as { __typename?: string }).__typename;
  if (typename && /NotFound$/.test(typename)) return 'f';
  return 's';
}

let callers: Record<Caller, AbriClient>;
const ids = {} as Ids;

beforeAll(async () => {
  system = await startTestSystem({
    // Many calls from one address in one run: the rates are proven elsewhere (rate-limits.e2e.test.ts).
    gatewayOptions: { rateLimits: Object.fromEntries(supergraphFields().map((f) => [f, []])) },
  });
  url = system.gateway.url;
  const louis = await customer(url, 'louis');
  const mine = await louis.request<{
    me: { paymentMethods: { id: string }[]; paymentSchedule: { id: string }[]; sessions: { id: string }[] };
  }>('{ me { paymentMethods { id } paymentSchedule { id } sessions { id } } }');
  ids.customerId = DEMO.louis.customerId;
  ids.policyId = DEMO.louis.policyId;
  ids.claimId = DEMO.louisClaimId;
  ids.paymentMethodId = mine.data!.me.paymentMethods[0]!.id;
  ids.scheduledPaymentId = mine.data!.me.paymentSchedule[0]!.id;
  ids.arrearId = FAKE;
  ids.sessionId = mine.data!.me.sessions[0]!.id;
  // Staff as the users subgraph would sign them in (password and TOTP are proven in security.e2e.test.ts).
  const staff = async (role: Role, sub: string) => {
    const client = new AbriClient(url);
    const now = new Date();
    client.accessToken = (
      await signAccessToken(
        system.secrets.tokenKey,
        { sub, sid: crypto.randomUUID(), roles: [role], authTime: Math.floor(now.getTime() / 1000) },
        now,
        600,
      )
    ).token;
    return client;
  };
  callers = {
    anonymous: new AbriClient(url),
    customer: await customer(url, 'camille'),
    agent: await staff('AGENT', crypto.randomUUID()),
    adjuster: await staff('ADJUSTER', DEMO.adjuster.staffId),
  };
});
afterAll(async () => {
  await system?.stop();
});

describe('who may call what', () => {
  it('has a row for every query and mutation of the supergraph', () => {
    expect(supergraphFields().filter((f) => !MATRIX[f])).toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !supergraphFields().includes(f))).toEqual([]);
  });

  it('serves each field to exactly the callers its row allows', async () => {
    const wrong: string[] = [];
    for (const [field, row] of Object.entries(MATRIX)) {
      const outcomes: Outcome[] = [];
      for (const caller of CALLERS) {
        if (field === 'retryDebit' && ids.arrearId === FAKE) ids.arrearId = await louisArrear();
        const answer = await callers[caller].request(row.call(ids));
        outcomes.push(outcomeOf(answer, field));
      }
      if (outcomes.join(' ') !== row.allowed)
        wrong.push(`${field}: expected ${row.allowed}, got ${outcomes.join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

async function louisArrear(): Promise<string> {
  const louis = await customer(url, 'louis');
  const answer = await louis.request<{ me: { arrears: { id: string }[] } }>('{ me { arrears { id } } }');
  return answer.data?.me.arrears[0]?.id ?? FAKE;
}
