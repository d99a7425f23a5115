// The policies part of the erasure preview (`me.erasurePreview.contracts`): see app/erasure.ts.
import { contributeErasureSection } from '@abri/platform/kit';
import { policiesErasureSection } from '../app/erasure.ts';
import { builder } from '../builder.ts';
import type { PoliciesContext } from '../context.ts';

contributeErasureSection(builder, 'contracts', (customerId, ctx: PoliciesContext) =>
  policiesErasureSection(ctx.app, customerId),
);
