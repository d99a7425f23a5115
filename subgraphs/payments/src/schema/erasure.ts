// The payments part of the erasure preview (`me.erasurePreview.payments`): see app/erasure.ts.
import { contributeErasureSection } from '@abri/platform/kit';
import { paymentsErasureSection } from '../app/erasure.ts';
import { builder } from '../builder.ts';
import type { PaymentsContext } from '../context.ts';

contributeErasureSection(builder, 'payments', (customerId, ctx: PaymentsContext) =>
  paymentsErasureSection(ctx.app, customerId),
);
