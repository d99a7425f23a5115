import { builder } from '../builder.ts';

/** An amount in integer cents; value type shared by every subgraph. */
export const MoneyRef = builder.objectRef<{ amountCents: number; currency: string }>('Money').implement({
  description: 'An amount of money in integer cents, with its ISO 4217 currency.',
  shareable: true,
  fields: (t) => ({
    amountCents: t.exposeInt('amountCents', { description: 'Amount in cents (12345 = 123.45).' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, EUR.' }),
  }),
});

export const money = (amountCents: number, currency = 'EUR') => ({ amountCents, currency });
