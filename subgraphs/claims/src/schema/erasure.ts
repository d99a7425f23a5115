// The claims part of the erasure preview (`me.erasurePreview.claims`): see app/erasure.ts.
import { contributeErasureSection } from '@abri/platform/kit';
import { claimsErasureSection } from '../app/erasure.ts';
import { builder } from '../builder.ts';
import type { ClaimsContext } from '../context.ts';

contributeErasureSection(builder, 'claims', (customerId, ctx: ClaimsContext) =>
  claimsErasureSection(ctx.app, customerId),
);
