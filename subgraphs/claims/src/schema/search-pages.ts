// Customer.claimSearchPages: the customer's claims as search pages, which the policies subgraph requires to rank
// the whole file (it never reads this subgraph's tables).
import { searchPageType } from '@abri/platform/kit';
import { builder } from '../builder.ts';
import { claimSearchPage } from '../domain/search-page.ts';
import { CustomerRef } from './claim.ts';

const SearchPageRef = searchPageType(builder);

builder.objectField(CustomerRef, 'claimSearchPages', (t) =>
  t
    .withAuth((customer) => ({ customerFile: { customerId: customer.id, what: 'Recherche dans les sinistres' } }))
    .field({
      type: [SearchPageRef],
      description: 'The customer’s claims as search pages (reference, type, status, dates, amounts), newest first.',
      resolve: async (customer, _a, ctx) => {
        const claims = await ctx.app.prisma.claim.findMany({
          where: { customerId: customer.id },
          orderBy: { declaredAt: 'desc' },
          select: {
            id: true,
            reference: true,
            type: true,
            status: true,
            occurredOn: true,
            declaredAt: true,
            description: true,
            assessedDamageCents: true,
            indemnityCents: true,
            deductibleCents: true,
          },
        });
        return claims.map(claimSearchPage);
      },
    }),
);
