// Customer.paymentSearchPages: the customer's schedule, history and refused debits as search pages, which the
// policies subgraph requires to rank the whole file (it never reads this subgraph's tables).
import { parisDay } from '@abri/platform/french';
import { searchPageType } from '@abri/platform/kit';
import { builder } from '../builder.ts';
import {
  arrearSearchPage,
  historySearchPages,
  rejectedPaymentPages,
  scheduleSearchPage,
} from '../domain/search-pages.ts';
import { CustomerRef } from './payment.ts';

const SearchPageRef = searchPageType(builder);

/** The history searched: the last ten years, as « Mes paiements » shows. */
const HISTORY_YEARS = 10;

builder.objectField(CustomerRef, 'paymentSearchPages', (t) =>
  t
    .withAuth((customer) => ({ customerFile: { customerId: customer.id, what: 'Recherche dans les paiements' } }))
    .field({
      type: [SearchPageRef],
      description:
        'The customer’s payments as search pages: coming instalments, each refused debit, one page per year of history.',
      resolve: async (customer, _a, ctx) => {
        const now = ctx.app.clock.now();
        const since = new Date(Date.UTC(now.getUTCFullYear() - HISTORY_YEARS + 1, 0, 1));
        const [coming, history, arrears] = await Promise.all([
          ctx.app.prisma.scheduledPayment.findMany({
            where: { customerId: customer.id, status: 'PLANNED', dueDate: { gte: parisDay(now) } },
            orderBy: { dueDate: 'asc' },
            select: { dueDate: true, amountCents: true },
          }),
          ctx.app.prisma.payment.findMany({
            where: { customerId: customer.id, paidAt: { gte: since } },
            orderBy: { paidAt: 'desc' },
            select: { paidAt: true, amountCents: true, status: true, reference: true, rejectionCode: true },
          }),
          ctx.app.prisma.arrear.findMany({
            where: { customerId: customer.id },
            orderBy: { dueDate: 'desc' },
            take: 24,
          }),
        ]);
        const schedule = scheduleSearchPage(coming);
        const arrearDays = new Set(arrears.map((a) => a.dueDate.toISOString().slice(0, 10)));
        return [
          ...(schedule ? [schedule] : []),
          ...arrears.map(arrearSearchPage),
          ...rejectedPaymentPages(history, arrearDays),
          ...historySearchPages(history),
        ];
      },
    }),
);
