// Money that really moves by direct debit: the instalments due on a date go to the bank as a pain.008 file, each
// under the mandate its customer chose for it or else their default one, and the bank's answers (pain.002, camt.054)
// come back into the same rejection flow staff use by hand. Exporting a date twice rebuilds the same transactions;
// importing a file twice changes nothing the second time.
import { createHash } from 'node:crypto';
import { decryptField } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';
import { buildPain008, type DirectDebit, endToEndId, type SequenceType, sequenceType } from '../domain/sepa/pain008.ts';
import { readReturnFile, type UnreadableReason } from '../domain/sepa/returns.ts';
import { lockInstalments, recordRejection } from './arrears.ts';
import { ibanContext } from './methods.ts';

/** Why an instalment due that day is not in the file. */
export type SkipReason = 'noMandate';

export type ExportOutcome =
  | {
      kind: 'exported';
      messageId: string;
      xml: string;
      transactionCount: number;
      totalCents: number;
      skipped: { scheduledPaymentId: string; reason: SkipReason }[];
    }
  | { kind: 'nothingToCollect'; skipped: { scheduledPaymentId: string; reason: SkipReason }[] }
  | { kind: 'notConfigured' };

export { endToEndId } from '../domain/sepa/pain008.ts';

const compactDate = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

/**
 * The pain.008 file of the planned instalments due on `collectionDate`. Each instalment is collected on the mandate
 * chosen for it (an arrear the customer pays by direct debit) or else on its customer's default payment method, as
 * they stand the first time it is exported, with the sequence type its mandate's history gives (FRST until a first
 * collection has not been returned, then RCUR; Abri's mandates are recurrent and their last collection is not known
 * in advance, so neither OOFF nor FNAL is sent, as the EPC rulebook allows).
 */
export async function exportCollections(app: PaymentsApp, collectionDate: Date): Promise<ExportOutcome> {
  const creditor = app.creditor;
  if (!creditor) return { kind: 'notConfigured' };
  const now = app.clock.now();
  const due = await app.prisma.scheduledPayment.findMany({
    where: { dueDate: collectionDate, status: 'PLANNED' },
    orderBy: { id: 'asc' },
  });
  const skipped: { scheduledPaymentId: string; reason: SkipReason }[] = [];
  const collections = await app.prisma.$transaction(async (tx) => {
    const rows = [];
    // Read again under their locks: a customer choosing another mandate for one meanwhile is seen, or waits for the file.
    const instalments = await lockInstalments(
      tx,
      due.map((d) => d.id),
    );
    for (const instalment of instalments) {
      const existing = await tx.sepaCollection.findUnique({ where: { scheduledPaymentId: instalment.id } });
      if (existing) {
        rows.push(existing);
        continue;
      }
      // Paid, refused or moved to another day meanwhile: no longer due that day.
      if (instalment.status !== 'PLANNED' || instalment.dueDate.getTime() !== collectionDate.getTime()) continue;
      // The mandate the customer chose for this instalment (an arrear paid by direct debit), else the default one
      // (removing a mandate hands its planned debits back to the default: methods.ts).
      const mandate = await tx.paymentMethod.findFirst({
        where: {
          customerId: instalment.customerId,
          kind: 'SEPA_DEBIT',
          ...(instalment.paymentMethodId ? { id: instalment.paymentMethodId } : { isDefault: true }),
          removedAt: null,
          ibanEncrypted: { not: null },
        },
      });
      if (!mandate?.mandateReference) {
        skipped.push({ scheduledPaymentId: instalment.id, reason: 'noMandate' });
        continue;
      }
      const collectedBefore = await tx.sepaCollection.count({
        where: { paymentMethodId: mandate.id, returnedAt: null, collectionDate: { lt: collectionDate } },
      });
      rows.push(
        await tx.sepaCollection.create({
          data: {
            endToEndId: endToEndId(instalment.id),
            scheduledPaymentId: instalment.id,
            customerId: instalment.customerId,
            paymentMethodId: mandate.id,
            mandateReference: mandate.mandateReference,
            sequenceType: sequenceType({ oneOff: false, collectedBefore: collectedBefore > 0, last: false }),
            collectionDate,
            amountCents: instalment.amountCents,
            exportedAt: now,
          },
        }),
      );
    }
    return rows;
  });
  if (!collections.length) return { kind: 'nothingToCollect', skipped };

  const methods = new Map(
    (
      await app.prisma.paymentMethod.findMany({
        where: { id: { in: [...new Set(collections.map((c) => c.paymentMethodId))] } },
      })
    ).map((m) => [m.id, m]),
  );
  const contracts = new Map(
    (
      await app.prisma.contractParty.findMany({
        where: { policyId: { in: due.map((d) => d.policyId) } },
        select: { policyId: true, number: true },
      })
    ).map((c) => [c.policyId, c.number]),
  );
  const policyOf = new Map(due.map((d) => [d.id, d.policyId]));
  const debits: DirectDebit[] = collections.map((c) => {
    const method = methods.get(c.paymentMethodId)!;
    const number = contracts.get(policyOf.get(c.scheduledPaymentId) ?? '');
    return {
      endToEndId: c.endToEndId,
      amountCents: c.amountCents,
      mandateReference: c.mandateReference,
      mandateSignedOn: method.mandateSignedOn ?? method.createdAt,
      sequenceType: c.sequenceType as SequenceType,
      debtorName: method.holderName ?? '',
      debtorIban: decryptField(app.keyring, method.ibanEncrypted!, ibanContext(method.id)),
      remittance: `Cotisation habitation${number ? ` contrat ${number}` : ''} echeance ${c.collectionDate.toISOString().slice(0, 10)}`,
    };
  });
  // The same transactions give the same message id; a file that gained an instalment gets a new one, as banks
  // refuse a message id they have already seen.
  const digest = createHash('sha256')
    .update(debits.map((d) => d.endToEndId).join(','))
    .digest('hex')
    .slice(0, 8)
    .toUpperCase();
  const messageId = `ABRI-SDD-${compactDate(collectionDate)}-${digest}`;
  const xml = buildPain008({
    messageId,
    createdAt: now,
    collectionDate,
    creditor: { ...creditor, name: app.insurer.name },
    debits,
  });
  return {
    kind: 'exported',
    messageId,
    xml,
    transactionCount: debits.length,
    totalCents: debits.reduce((sum, d) => sum + d.amountCents, 0),
    skipped,
  };
}

/** What became of one refused transaction of a bank file. */
export type ReturnLine =
  | { kind: 'recorded'; endToEndId: string; reasonCode: string; arrearId: string; customerId: string }
  | { kind: 'alreadyRecorded'; endToEndId: string; reasonCode: string }
  | { kind: 'unknown'; endToEndId: string; reasonCode: string }
  | { kind: 'refused'; endToEndId: string; reasonCode: string; reason: 'invalidReasonCode' | 'notCollectable' };

export type ImportOutcome =
  | { kind: 'imported'; format: 'pain.002' | 'camt.054'; messageId: string; lines: ReturnLine[] }
  | { kind: 'unreadable'; reason: UnreadableReason };

/**
 * Every refused transaction of a bank file goes through `recordRejection`, its collection marked returned in the
 * same transaction. A transaction already marked is left alone, so a file imported twice (or a camt.054 that repeats
 * a pain.002) changes nothing; an end-to-end id Abri never sent is reported, not guessed at.
 */
export async function importBankReturns(app: PaymentsApp, xml: string): Promise<ImportOutcome> {
  const file = readReturnFile(xml);
  if (file.kind === 'unreadable') return file;
  const now = app.clock.now();
  const lines: ReturnLine[] = [];
  for (const { endToEndId: id, reasonCode } of file.returns) {
    const collection = await app.prisma.sepaCollection.findUnique({ where: { endToEndId: id } });
    if (!collection) {
      lines.push({ kind: 'unknown', endToEndId: id, reasonCode });
      continue;
    }
    if (collection.returnedAt) {
      lines.push({ kind: 'alreadyRecorded', endToEndId: id, reasonCode });
      continue;
    }
    const outcome = await recordRejection(app, collection.scheduledPaymentId, reasonCode, (tx) =>
      tx.sepaCollection.update({
        where: { endToEndId: id },
        data: { returnedAt: now, returnReason: reasonCode, returnMessageId: file.messageId },
      }),
    );
    if (outcome.kind === 'recorded')
      lines.push({
        kind: 'recorded',
        endToEndId: id,
        reasonCode,
        arrearId: outcome.arrearId,
        customerId: collection.customerId,
      });
    else if (outcome.kind === 'invalidReasonCode' || outcome.kind === 'notCollectable')
      lines.push({ kind: 'refused', endToEndId: id, reasonCode, reason: outcome.kind });
    else lines.push({ kind: 'unknown', endToEndId: id, reasonCode });
  }
  return { kind: 'imported', format: file.format, messageId: file.messageId, lines };
}
