// The claim reaches PAID when payments says the payout is recorded (durable consumer). A redelivered event finds the
// claim already PAID, and the lifecycle refuses PAID → PAID: nothing changes twice.
import { Events } from '@abri/platform';
import type { ClaimsApp } from '../context.ts';
import { advanceClaim } from './advance.ts';

export const followPayouts = (app: ClaimsApp) =>
  app.bus.consume(Events.payoutRecorded, 'claims-payouts', async (event) => {
    const { claimId, payoutId } = event.payload;
    const outcome = await advanceClaim(
      app,
      { claimId, to: 'PAID', note: `Virement ${payoutId.slice(0, 8)} enregistré.` },
      { mover: 'SYSTEM', id: 'payments' },
    );
    if (outcome.kind !== 'advanced')
      app.log.warn('payout recorded for a claim that could not move to PAID', { claimId, outcome: outcome.kind });
  });
