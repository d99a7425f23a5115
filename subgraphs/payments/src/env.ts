// The payments subgraph's production configuration: one schema, parsed once at boot by main.ts; `npm run keys` and
// the README's table read it too.
import { insurerEnv, insurerSealEnv, setting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';
import { validateIban } from './domain/iban.ts';
import { isCreditorIdentifier } from './domain/sepa/creditor.ts';

export const paymentsEnv = subgraphEnv('payments')
  .extend({
    ...insurerEnv,
    ...insurerSealEnv,
    SEPA_CREDITOR_ID: setting(
      z.string().trim().refine(isCreditorIdentifier, 'a SEPA creditor identifier (ICS), `FR72ZZZ123456`').optional(),
      'SEPA creditor identifier (ICS) of the direct-debit files; without it (and the two below) no file is exported',
    ),
    SEPA_CREDITOR_IBAN: setting(
      z
        .string()
        .trim()
        .refine((v) => validateIban(v).ok, 'a valid IBAN')
        .optional(),
      'IBAN of the account direct debits are collected to',
    ),
    SEPA_CREDITOR_BIC: setting(
      z
        .string()
        .trim()
        .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a BIC, 8 or 11 characters')
        .optional(),
      'BIC of the bank of that account',
    ),
  })
  .superRefine((env, ctx) => {
    const set = [env.SEPA_CREDITOR_ID, env.SEPA_CREDITOR_IBAN, env.SEPA_CREDITOR_BIC].filter(Boolean).length;
    if (set !== 0 && set !== 3)
      ctx.addIssue({ code: 'custom', message: 'set SEPA_CREDITOR_ID, _IBAN and _BIC together, or none of them' });
  });
