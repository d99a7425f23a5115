// At 00:30 in Paris the UTC date is still yesterday's. The customer's « today » is the Paris day: a claim that happened
// tonight is not « in the future », and a change « from today » does not start yesterday. The system's clock is set
// to 23:30 UTC of the current day, the hour the web test first failed in CI.
import { DEMO, manualClock } from '@abri/platform';
import { addDays, isoDay, parisDay } from '@abri/platform/french';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

const lateEvening = new Date();
lateEvening.setUTCHours(23, 30, 0, 0);
const clock = manualClock(lateEvening);
const parisToday = parisDay(lateEvening);

const system = await systemForFile({ clock });

const DECLARE = `mutation($i: DeclareClaimInput!) { declareClaim(input: $i) {
  __typename
  ... on ClaimDeclared { claim { occurredOn reference } }
  ... on InvalidDeclaration { errors { questionId code } }
} }`;
const QUOTE = `mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) {
  __typename
  ... on InvalidPolicyChange { field }
} }`;

describe('the customer’s today is the Paris day', () => {
  it('the Paris day differs from the UTC day at this hour', () => {
    expect(isoDay(parisToday)).toBe(
      isoDay(
        addDays(
          new Date(Date.UTC(lateEvening.getUTCFullYear(), lateEvening.getUTCMonth(), lateEvening.getUTCDate())),
          1,
        ),
      ),
    );
  });

  it('accepts a claim that happened today in Paris, refuses one dated tomorrow in Paris', async () => {
    const camille = await customer(system.gateway.url, 'camille');
    const declare = (occurredOn: Date) =>
      camille.request<{ declareClaim: Record<string, unknown> }>(DECLARE, {
        i: {
          policyId: DEMO.camille.policyId,
          type: 'WATER_DAMAGE',
          occurredOn: isoDay(occurredOn),
          description: 'Fuite sous l’évier de la cuisine, ce soir.',
          answers: { source: 'OWN_HOME', leakStopped: true, thirdPartyInvolved: false },
        },
      });
    const tomorrow = await declare(addDays(parisToday, 1));
    expect(tomorrow.data?.declareClaim).toEqual({
      __typename: 'InvalidDeclaration',
      errors: [{ questionId: 'occurredOn', code: 'OUT_OF_RANGE' }],
    });
    const tonight = await declare(parisToday);
    expect(tonight.errors).toBeUndefined();
    expect(tonight.data?.declareClaim).toMatchObject({
      __typename: 'ClaimDeclared',
      claim: {
        occurredOn: isoDay(parisToday),
        reference: expect.stringMatching(`^SIN-${parisToday.getUTCFullYear()}-`),
      },
    });
  });

  it('refuses a contract change effective on the UTC day, which is yesterday in Paris', async () => {
    const camille = await customer(system.gateway.url, 'camille');
    const { data } = await camille.request<{ quotePolicyChange: Record<string, unknown> }>(QUOTE, {
      i: { policyId: DEMO.camille.policyId, deductibleCents: 30000, effectiveDate: isoDay(addDays(parisToday, -1)) },
    });
    expect(data?.quotePolicyChange).toEqual({ __typename: 'InvalidPolicyChange', field: 'effectiveDate' });
    expect(await system.services.policies.app.prisma.quote.count()).toBe(0);
  });
});
