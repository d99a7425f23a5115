// The back office's two bank files: the direct-debit file of a collection date, and the bank's returns. Staff
// mutations rather than an admin command: the IBANs are decrypted inside this service only (its keys stay here), and
// the agent who imports a return is the one who records rejections by hand today, signed in with TOTP and audited.
import { recordStaffAccess, StaffAccessKind } from '@abri/platform';
import { money } from '@abri/platform/kit';
import { exportCollections, importBankReturns, type ReturnLine, type SkipReason } from '../app/sepa.ts';
import { builder, MoneyRef } from '../builder.ts';
import type { UnreadableReason } from '../domain/sepa/returns.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';
import { messages } from './messages.ts';

/** Bank files are small (a few thousand transactions); anything far larger is not one. */
const MAX_FILE_CHARS = 5_000_000;

const SKIP = { noMandate: 'NO_MANDATE' } as const satisfies Record<SkipReason, string>;
const SkipReasonEnum = builder.enumType('SepaSkipReason', {
  description: 'Why an instalment due that day is not in the file.',
  values: { NO_MANDATE: { description: 'Its customer’s default payment method is not a SEPA mandate.' } },
});
type Skipped = { scheduledPaymentId: string; reason: SkipReason };
const SkippedInstalment = builder.objectRef<Skipped>('SkippedInstalment').implement({
  description: 'An instalment due that day left out of the file.',
  fields: (t) => ({
    scheduledPaymentId: t.id({ resolve: (s) => s.scheduledPaymentId }),
    reason: t.field({ type: SkipReasonEnum, resolve: (s) => SKIP[s.reason] }),
  }),
});

type File = Typed<
  'SepaCollectionFile',
  { messageId: string; xml: string; transactionCount: number; totalCents: number; skipped: Skipped[] }
>;
const SepaCollectionFile = builder.objectRef<File>('SepaCollectionFile').implement({
  description: 'The pain.008.001.08 file to hand to the bank; exporting the date again gives the same transactions.',
  fields: (t) => ({
    messageId: t.exposeString('messageId', { description: 'Its message id (GrpHdr/MsgId).' }),
    xml: t.exposeString('xml', { description: 'The file itself, UTF-8 XML.' }),
    transactionCount: t.exposeInt('transactionCount'),
    total: t.field({ type: MoneyRef, description: 'Its control sum.', resolve: (f) => money(f.totalCents) }),
    skipped: t.field({ type: [SkippedInstalment], resolve: (f) => f.skipped }),
  }),
});
type Nothing = Typed<'NothingToCollect', { message: string; skipped: Skipped[] }>;
const NothingToCollect = builder.objectRef<Nothing>('NothingToCollect').implement({
  description: 'No planned instalment falls on that date under a mandate: no file.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ skipped: t.field({ type: [SkippedInstalment], resolve: (f) => f.skipped }) }),
});
type NotConfigured = Typed<'SepaNotConfigured', { message: string }>;
const SepaNotConfigured = builder.objectRef<NotConfigured>('SepaNotConfigured').implement({
  description: 'This installation has no SEPA creditor identifier and collecting account configured.',
  interfaces: [ErrorInterface],
});
const ExportResult = builder.unionType('ExportSepaCollectionsResult', {
  description: 'The outcome of exporting a collection date.',
  types: [SepaCollectionFile, NothingToCollect, SepaNotConfigured],
  resolveType: byTypename,
});

const LINE_KINDS = {
  recorded: 'RECORDED',
  alreadyRecorded: 'ALREADY_RECORDED',
  unknown: 'UNKNOWN_TRANSACTION',
  invalidReasonCode: 'INVALID_REASON_CODE',
  notCollectable: 'NOT_COLLECTABLE',
} as const;
const ReturnOutcome = builder.enumType('BankReturnOutcome', {
  description: 'What became of one refused transaction of a bank file.',
  values: {
    RECORDED: { description: 'Recorded as a rejected debit: the arrear and its legal timeline start.' },
    ALREADY_RECORDED: { description: 'Already recorded by an earlier file: nothing changed.' },
    UNKNOWN_TRANSACTION: { description: 'No direct debit Abri sent has this end-to-end id.' },
    INVALID_REASON_CODE: { description: 'The reason code is not a SEPA one.' },
    NOT_COLLECTABLE: { description: 'The instalment is neither planned nor paid (cancelled, or rejected by hand).' },
  },
});
const BankReturnLine = builder.objectRef<ReturnLine>('BankReturnLine').implement({
  description: 'One refused transaction of a bank file.',
  fields: (t) => ({
    endToEndId: t.exposeString('endToEndId'),
    reasonCode: t.exposeString('reasonCode', { description: 'ISO 20022 reason code (AC04, AM04, MD01, ...).' }),
    outcome: t.field({
      type: ReturnOutcome,
      resolve: (l) => (l.kind === 'refused' ? LINE_KINDS[l.reason] : LINE_KINDS[l.kind]),
    }),
    arrearId: t.id({ nullable: true, resolve: (l) => (l.kind === 'recorded' ? l.arrearId : null) }),
  }),
});
const FORMATS = { 'pain.002': 'PAIN_002', 'camt.054': 'CAMT_054' } as const;
const BankFileFormat = builder.enumType('BankFileFormat', {
  description: 'The ISO 20022 message a bank file was.',
  values: Object.values(FORMATS),
});
type Imported = Typed<
  'BankReturnsImported',
  { format: (typeof FORMATS)[keyof typeof FORMATS]; messageId: string; lines: ReturnLine[] }
>;
const BankReturnsImported = builder.objectRef<Imported>('BankReturnsImported').implement({
  description: 'The file is read; each refused transaction with what became of it.',
  fields: (t) => ({
    format: t.field({ type: BankFileFormat, resolve: (r) => r.format }),
    messageId: t.exposeString('messageId'),
    lines: t.field({ type: [BankReturnLine], resolve: (r) => r.lines }),
  }),
});
const UNREADABLE = {
  notXml: 'NOT_XML',
  unknownDocument: 'UNKNOWN_DOCUMENT',
  missingField: 'MISSING_FIELD',
  tooLarge: 'TOO_LARGE',
} as const satisfies Record<UnreadableReason | 'tooLarge', string>;
const UnreadableBankFileReason = builder.enumType('UnreadableBankFileReason', {
  description: 'Why a bank file was refused.',
  values: Object.values(UNREADABLE),
});
type Unreadable = Typed<
  'UnreadableBankFile',
  { message: string; reason: (typeof UNREADABLE)[keyof typeof UNREADABLE] }
>;
const UnreadableBankFile = builder.objectRef<Unreadable>('UnreadableBankFile').implement({
  description: 'The file is not a pain.002 or camt.054 Abri can read: nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.expose('reason', { type: UnreadableBankFileReason }) }),
});
const ImportResult = builder.unionType('ImportBankReturnsResult', {
  description: 'The outcome of importing a bank return file.',
  types: [BankReturnsImported, UnreadableBankFile],
  resolveType: byTypename,
});

builder.mutationFields((t) => ({
  exportSepaCollections: t.withAuth({ role: ['AGENT', 'ADMIN'] }).field({
    type: ExportResult,
    description:
      'Staff (AGENT, ADMIN): the SEPA direct-debit file (pain.008) of the planned instalments due on a date.',
    args: { collectionDate: t.arg({ type: 'Date', required: true }) },
    resolve: async (_r, { collectionDate }, ctx): Promise<File | Nothing | NotConfigured> => {
      const outcome = await exportCollections(ctx.app, collectionDate);
      switch (outcome.kind) {
        case 'exported':
          return { __typename: 'SepaCollectionFile', ...outcome };
        case 'nothingToCollect':
          return { __typename: 'NothingToCollect', message: messages.nothingToCollect, skipped: outcome.skipped };
        case 'notConfigured':
          return { __typename: 'SepaNotConfigured', message: messages.sepaNotConfigured };
      }
    },
  }),
  importBankReturns: t.withAuth({ role: ['AGENT', 'ADMIN'] }).field({
    type: ImportResult,
    description:
      'Staff (AGENT, ADMIN): records the debits a bank file (pain.002 or camt.054) reports refused; importing it again changes nothing.',
    args: { file: t.arg.string({ required: true, description: 'The file, UTF-8 XML.' }) },
    resolve: async (_r, { file }, ctx): Promise<Imported | Unreadable> => {
      const unreadable = (reason: keyof typeof UNREADABLE): Unreadable => ({
        __typename: 'UnreadableBankFile',
        message: messages.unreadableBankFile[reason],
        reason: UNREADABLE[reason],
      });
      if (file.length > MAX_FILE_CHARS) return unreadable('tooLarge');
      const outcome = await importBankReturns(ctx.app, file);
      if (outcome.kind === 'unreadable') return unreadable(outcome.reason);
      for (const line of outcome.lines)
        if (line.kind === 'recorded')
          await recordStaffAccess(ctx.app, ctx, line.customerId, {
            kind: StaffAccessKind.ACTION,
            what: `Rejet de prélèvement enregistré (motif ${line.reasonCode}, retour bancaire ${outcome.messageId})`,
          });
      return {
        __typename: 'BankReturnsImported',
        format: FORMATS[outcome.format],
        messageId: outcome.messageId,
        lines: outcome.lines,
      };
    },
  }),
}));
