// Money that really moves, on PostgreSQL: one bank account backs one active mandate (the unique blind index holds
// even when two customers race), the direct-debit file of a date carries the sealed mandates' data with sequence
// types that follow each mandate's history, and the bank's returns reach the rejection flow once, however many
// times the file is imported.
import { DEMO, Events } from '@abri/platform';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { payArrear, recordRejection, retryDebit } from '../src/app/arrears.ts';
import { addSepaMandate, removeMethod } from '../src/app/methods.ts';
import { endToEndId, exportCollections, importBankReturns } from '../src/app/sepa.ts';
import { settleCollections } from '../src/app/settlement.ts';
import { camt054, pain002 } from './bank-files.ts';
import { startPaymentsOnPostgres } from './postgres.ts';

const NOW = new Date('2026-12-01T09:00:00Z');
const DECEMBER = new Date('2026-12-05T00:00:00Z');
const JANUARY = new Date('2027-01-05T00:00:00Z');
const CAMILLE = DEMO.camille.customerId;
const LOUIS = DEMO.louis.customerId;

const system = await startPaymentsOnPostgres(NOW);
afterAll(async () => {
  await system?.stop();
});

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (n) => ['PmtInf', 'DrctDbtTxInf'].includes(n),
  }).parse(xml).Document.CstmrDrctDbtInitn;
type Tx = { PmtId: { EndToEndId: string }; DbtrAcct: { Id: { IBAN: string } }; InstdAmt: { '#text': string } };
const transactions = (xml: string) =>
  (parse(xml).PmtInf as { PmtTpInf: { SeqTp: string }; DrctDbtTxInf: Tx[] }[]).flatMap((block) =>
    block.DrctDbtTxInf.map((tx) => ({ seq: block.PmtTpInf.SeqTp, tx })),
  );

describe.runIf(system !== null)('one bank account, one active mandate', () => {
  const IBAN = 'FR14 2004 1010 0505 0001 3M02 606';

  it('refuses the same IBAN, however it is typed, for another customer and for the same one', async () => {
    const app = system!.app;
    const first = await addSepaMandate(app, LOUIS, { iban: IBAN, holderName: 'Louis Bernard' });
    expect(first.kind).toBe('added');
    const taken = { kind: 'invalid', field: 'iban', reason: 'ibanAlreadyRegistered' };
    expect(
      await addSepaMandate(app, CAMILLE, { iban: 'fr1420041010050500013m02606', holderName: 'C. Martin' }),
    ).toEqual(taken);
    expect(await addSepaMandate(app, LOUIS, { iban: IBAN, holderName: 'Louis Bernard' })).toEqual(taken);
    const rows = await app.prisma.paymentMethod.findMany({ where: { ibanLast4: '2606' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ibanIndex).not.toContain('2004');

    // Removed, the account may back a new mandate again.
    if (first.kind !== 'added') throw new Error('unreachable');
    expect((await removeMethod(app, LOUIS, first.methodId)).kind).toBe('removed');
    const again = await addSepaMandate(app, CAMILLE, { iban: IBAN, holderName: 'Camille Martin' });
    expect(again).toEqual({ kind: 'added', methodId: expect.any(String) });
  });

  it('lets exactly one of two simultaneous registrations of one account through', async () => {
    const app = system!.app;
    const iban = 'DE89370400440532013000';
    const outcomes = await Promise.all([
      addSepaMandate(app, CAMILLE, { iban, holderName: 'Camille Martin' }),
      addSepaMandate(app, LOUIS, { iban, holderName: 'Louis Bernard' }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['added', 'invalid']);
    expect(await app.prisma.paymentMethod.count({ where: { ibanLast4: '3000', removedAt: null } })).toBe(1);
  });
});

describe.runIf(system !== null)('direct-debit file and bank returns', () => {
  // The mandates above are not the defaults: the seeded ones are, and they are what the files collect on.
  let december: Extract<Awaited<ReturnType<typeof exportCollections>>, { kind: 'exported' }>;

  it('exports the instalments due on a date under each default mandate, FRST for a mandate never collected', async () => {
    const app = system!.app;
    const outcome = await exportCollections(app, DECEMBER);
    if (outcome.kind !== 'exported') throw new Error(`expected a file, got ${outcome.kind}`);
    december = outcome;
    const due = await app.prisma.scheduledPayment.findMany({ where: { dueDate: DECEMBER, status: 'PLANNED' } });
    expect(due.map((d) => d.customerId).sort()).toEqual([CAMILLE, LOUIS].sort());
    const header = parse(outcome.xml).GrpHdr;
    const total = due.reduce((sum, d) => sum + d.amountCents, 0);
    expect(header.NbOfTxs).toBe('2');
    expect(Math.round(Number(header.CtrlSum) * 100)).toBe(total);
    expect(outcome.totalCents).toBe(total);
    const txs = transactions(outcome.xml);
    expect(txs.map((t) => t.seq)).toEqual(['FRST', 'FRST']);
    expect(txs.map((t) => t.tx.PmtId.EndToEndId).sort()).toEqual(due.map((d) => endToEndId(d.id)).sort());
    expect(txs.map((t) => t.tx.DbtrAcct.Id.IBAN).sort()).toEqual([
      'FR7630004000010000123670189',
      'FR7630004000010000124027731',
    ]);
  });

  it('gives the same transactions when the date is exported again', async () => {
    const again = await exportCollections(system!.app, DECEMBER);
    expect(again).toMatchObject({ kind: 'exported', messageId: december.messageId, transactionCount: 2 });
    expect(await system!.app.prisma.sepaCollection.count()).toBe(2);
  });

  it('records each rejection of a pain.002 once, reports unknown ids, and changes nothing on a second import', async () => {
    const app = system!.app;
    const camille = await app.prisma.sepaCollection.findFirstOrThrow({ where: { customerId: CAMILLE } });
    const file = pain002([
      { id: camille.endToEndId, status: 'RJCT', code: 'AM04' },
      { id: 'NOT-OURS-123', status: 'RJCT', code: 'AC04' },
    ]);
    const first = await importBankReturns(app, file);
    expect(first).toMatchObject({
      kind: 'imported',
      format: 'pain.002',
      lines: [
        { kind: 'recorded', endToEndId: camille.endToEndId, reasonCode: 'AM04' },
        { kind: 'unknown', endToEndId: 'NOT-OURS-123' },
      ],
    });
    const arrears = await app.prisma.arrear.findMany({ where: { customerId: CAMILLE } });
    expect(arrears).toMatchObject([{ scheduledPaymentId: camille.scheduledPaymentId, rejectionCode: 'AM04' }]);
    expect(
      (await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: camille.scheduledPaymentId } })).status,
    ).toBe('REJECTED');

    const counts = async () => [
      await app.prisma.arrear.count(),
      await app.prisma.payment.count(),
      await app.prisma.outboxEvent.count(),
    ];
    const before = await counts();
    const second = await importBankReturns(app, file);
    expect(second).toMatchObject({
      kind: 'imported',
      lines: [{ kind: 'alreadyRecorded', endToEndId: camille.endToEndId }, { kind: 'unknown' }],
    });
    // The same return in the later camt.054 is no second rejection either.
    const camt = await importBankReturns(app, camt054([{ id: camille.endToEndId, code: 'AM04' }]));
    expect(camt).toMatchObject({ kind: 'imported', format: 'camt.054', lines: [{ kind: 'alreadyRecorded' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a broken file as a whole, nothing changed', async () => {
    const app = system!.app;
    const louis = await app.prisma.sepaCollection.findFirstOrThrow({ where: { customerId: LOUIS } });
    const before = await app.prisma.arrear.count();
    const broken = pain002([{ id: louis.endToEndId, status: 'RJCT', code: 'MD01' }]).replace('</Document>', '');
    expect(await importBankReturns(app, broken)).toEqual({ kind: 'unreadable', reason: 'notXml' });
    const partial = pain002([
      { id: louis.endToEndId, status: 'RJCT', code: 'MD01' },
      { id: 'X', status: 'RJCT' },
    ]);
    expect(await importBankReturns(app, partial)).toEqual({ kind: 'unreadable', reason: 'missingField' });
    expect(await app.prisma.arrear.count()).toBe(before);
    expect(
      (await app.prisma.sepaCollection.findUniqueOrThrow({ where: { endToEndId: louis.endToEndId } })).returnedAt,
    ).toBeNull();
  });

  it('collects the next month RCUR after a first collection went through, FRST again after a returned one', async () => {
    system!.clock.set(new Date('2027-01-02T09:00:00Z'));
    const outcome = await exportCollections(system!.app, JANUARY);
    if (outcome.kind !== 'exported') throw new Error(`expected a file, got ${outcome.kind}`);
    const rows = await system!.app.prisma.sepaCollection.findMany({ where: { collectionDate: JANUARY } });
    expect(Object.fromEntries(rows.map((r) => [r.customerId, r.sequenceType]))).toEqual({
      [CAMILLE]: 'FRST',
      [LOUIS]: 'RCUR',
    });
  });
});

describe.runIf(system !== null)('settlement of the collections no return named', () => {
  // Where the describe above left things: December exported (Camille's returned AM04, Louis's not), January exported,
  // the clock on 2 January 2027.
  const collectionOf = (customerId: string, collectionDate: Date) =>
    system!.app.prisma.sepaCollection.findFirstOrThrow({ where: { customerId, collectionDate } });
  const counts = async () => [
    await system!.app.prisma.payment.count(),
    await system!.app.prisma.arrear.count(),
    await system!.app.prisma.outboxEvent.count(),
  ];

  it('pays an instalment whose collection date is past, on that date and on its mandate, the returned one not', async () => {
    const app = system!.app;
    const louis = await collectionOf(LOUIS, DECEMBER);
    expect(await settleCollections(app)).toEqual({ settled: [louis.endToEndId], arrearsClosed: [] });
    expect((await collectionOf(LOUIS, DECEMBER)).settledAt).toEqual(system!.clock.now());
    expect(
      (await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: louis.scheduledPaymentId } })).status,
    ).toBe('PAID');
    expect(await app.prisma.payment.findUniqueOrThrow({ where: { reference: louis.endToEndId } })).toMatchObject({
      customerId: LOUIS,
      status: 'SUCCEEDED',
      paidAt: DECEMBER,
      amountCents: louis.amountCents,
      paymentMethodId: louis.paymentMethodId,
    });
    // His devices are told, once: the collection that was returned is not.
    const told = async (customerId: string) =>
      (await app.outbox.since(Events.accountEvent, customerId, 0n))
        .map((e) => e.payload)
        .filter((p) => p.kind === 'instalmentCollected');
    expect(await told(LOUIS)).toEqual([
      {
        kind: 'instalmentCollected',
        policyId: DEMO.louis.policyId,
        scheduledPaymentId: louis.scheduledPaymentId,
        amountCents: louis.amountCents,
        collectedOn: '2026-12-05',
      },
    ]);
    expect(await told(CAMILLE)).toEqual([]);
    // January's collection date is not past yet.
    const january = await collectionOf(LOUIS, JANUARY);
    expect(
      (await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: january.scheduledPaymentId } })).status,
    ).toBe('PLANNED');
  });

  it('waits for the Paris day after the collection date', async () => {
    // 5 January, 23:30 in Paris: still the collection day.
    system!.clock.set(new Date('2027-01-05T22:30:00Z'));
    expect(await settleCollections(system!.app)).toEqual({ settled: [], arrearsClosed: [] });
  });

  it('settles each collection once when two instances run at the same time, and not again afterwards', async () => {
    const app = system!.app;
    system!.clock.set(new Date('2027-01-05T23:30:00Z'));
    const runs = await Promise.all([settleCollections(app), settleCollections(app)]);
    const january = [await collectionOf(CAMILLE, JANUARY), await collectionOf(LOUIS, JANUARY)];
    expect(runs.flatMap((r) => r.settled).sort()).toEqual(january.map((c) => c.endToEndId).sort());
    expect(await app.prisma.payment.count({ where: { reference: { in: january.map((c) => c.endToEndId) } } })).toBe(2);
    const before = await counts();
    expect(await settleCollections(app)).toEqual({ settled: [], arrearsClosed: [] });
    expect(await counts()).toEqual(before);
  });

  it('turns a settled payment REJECTED when the bank returns it later, with one arrear', async () => {
    const app = system!.app;
    const louis = await collectionOf(LOUIS, DECEMBER);
    const payments = await app.prisma.payment.count();
    const outcome = await importBankReturns(app, camt054([{ id: louis.endToEndId, code: 'MD06' }], 'BANK-NTF-LATE'));
    expect(outcome).toMatchObject({ kind: 'imported', lines: [{ kind: 'recorded', endToEndId: louis.endToEndId }] });
    expect(await app.prisma.payment.findUniqueOrThrow({ where: { reference: louis.endToEndId } })).toMatchObject({
      status: 'REJECTED',
      rejectionCode: 'MD06',
    });
    expect(await app.prisma.payment.count()).toBe(payments);
    expect(
      (await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: louis.scheduledPaymentId } })).status,
    ).toBe('REJECTED');
    expect(await app.prisma.arrear.count({ where: { scheduledPaymentId: louis.scheduledPaymentId } })).toBe(1);
    // Returned, it is never settled again.
    expect((await settleCollections(app)).settled).toEqual([]);
  });

  it('closes an arrear when its new direct-debit attempt is collected', async () => {
    const app = system!.app;
    const arrear = await app.prisma.arrear.findFirstOrThrow({ where: { customerId: CAMILLE, dueDate: DECEMBER } });
    const on = new Date('2027-01-08T00:00:00Z');
    const retry = await retryDebit(app, CAMILLE, arrear.id, on);
    if (retry.kind !== 'scheduled') throw new Error(`expected a retry, got ${retry.kind}`);
    expect((await exportCollections(app, on)).kind).toBe('exported');
    const collection = await collectionOf(CAMILLE, on);
    // Collection day: nothing is paid before the bank has collected.
    system!.clock.set(new Date('2027-01-08T12:00:00Z'));
    expect(await settleCollections(app)).toEqual({ settled: [], arrearsClosed: [] });
    expect((await app.prisma.arrear.findUniqueOrThrow({ where: { id: arrear.id } })).paidAt).toBeNull();

    system!.clock.set(new Date('2027-01-09T08:00:00Z'));
    expect(await settleCollections(app)).toEqual({
      settled: [collection.endToEndId],
      arrearsClosed: [collection.endToEndId],
    });
    expect((await app.prisma.arrear.findUniqueOrThrow({ where: { id: arrear.id } })).paidAt).toEqual(on);
    expect(
      await app.prisma.payment.findMany({ where: { customerId: CAMILLE, paidAt: on }, select: { reference: true } }),
    ).toEqual([{ reference: collection.endToEndId }]);
    const announced = await app.prisma.outboxEvent.findMany({
      where: { customerId: CAMILLE },
      orderBy: { id: 'desc' },
    });
    expect(announced.map((e) => e.topic)).toContain('payments.arrearPaid');
  });

  it('collects an arrear the customer pays on another of his mandates from that one, not from the default', async () => {
    const app = system!.app;
    // Louis's December, returned above (MD06): he pays it on a second account rather than the one that refused it.
    const arrear = await app.prisma.arrear.findFirstOrThrow({ where: { customerId: LOUIS, paidAt: null } });
    const second = await addSepaMandate(app, LOUIS, { iban: 'NL91 ABNA 0417 1643 00', holderName: 'Louis Bernard' });
    if (second.kind !== 'added') throw new Error(`expected a mandate, got ${second.kind}`);
    const byDefault = await app.prisma.paymentMethod.findFirstOrThrow({
      where: { customerId: LOUIS, isDefault: true },
    });
    /** The mandate his planned debit is to be collected on. */
    const chosen = async () => {
      const { retryScheduledPaymentId } = await app.prisma.arrear.findUniqueOrThrow({ where: { id: arrear.id } });
      return (await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: retryScheduledPaymentId! } }))
        .paymentMethodId;
    };
    // He may change his mind until the bank file is made: the planned debit follows his last choice.
    expect(await payArrear(app, LOUIS, arrear.id, byDefault.id)).toMatchObject({ kind: 'debitPlanned' });
    const planned = await payArrear(app, LOUIS, arrear.id, second.methodId);
    if (planned.kind !== 'debitPlanned') throw new Error(`expected a debit, got ${planned.kind}`);
    expect(await chosen()).toBe(second.methodId);

    const exported = await exportCollections(app, planned.dueDate);
    if (exported.kind !== 'exported') throw new Error(`expected a file, got ${exported.kind}`);
    expect(transactions(exported.xml).map((t) => t.tx.DbtrAcct.Id.IBAN)).toEqual(['NL91ABNA0417164300']);
    const method = await app.prisma.paymentMethod.findUniqueOrThrow({ where: { id: second.methodId } });
    expect(await collectionOf(LOUIS, planned.dueDate)).toMatchObject({
      paymentMethodId: second.methodId,
      mandateReference: method.mandateReference,
      sequenceType: 'FRST',
    });
    // Once in the file, the debit is the bank's: another choice changes nothing of it.
    expect(await payArrear(app, LOUIS, arrear.id, byDefault.id)).toMatchObject({ kind: 'debitPlanned' });
    expect(await chosen()).toBe(second.methodId);
    expect(await exportCollections(app, planned.dueDate)).toMatchObject({ kind: 'exported', transactionCount: 1 });
    expect((await collectionOf(LOUIS, planned.dueDate)).paymentMethodId).toBe(second.methodId);
  });

  /** An arrear of `customerId`: their next instalment after January, refused by the bank. */
  async function newArrear(customerId: string) {
    const next = await system!.app.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId, status: 'PLANNED', dueDate: { gt: JANUARY } },
      orderBy: { dueDate: 'asc' },
    });
    const rejected = await recordRejection(system!.app, next.id, 'AM04');
    if (rejected.kind !== 'recorded') throw new Error(`expected an arrear, got ${rejected.kind}`);
    return rejected;
  }

  it('hands a debit planned on a mandate the customer then removes back to the default mandate', async () => {
    const app = system!.app;
    const rejected = await newArrear(CAMILLE);
    const other = await addSepaMandate(app, CAMILLE, { iban: 'GB82 WEST 1234 5698 7654 32', holderName: 'C. Martin' });
    if (other.kind !== 'added') throw new Error(`expected a mandate, got ${other.kind}`);
    const planned = await payArrear(app, CAMILLE, rejected.arrearId, other.methodId);
    if (planned.kind !== 'debitPlanned') throw new Error(`expected a debit, got ${planned.kind}`);
    expect((await removeMethod(app, CAMILLE, other.methodId)).kind).toBe('removed');

    expect(await exportCollections(app, planned.dueDate)).toMatchObject({ kind: 'exported', skipped: [] });
    const byDefault = await app.prisma.paymentMethod.findFirstOrThrow({
      where: { customerId: CAMILLE, isDefault: true },
    });
    expect((await collectionOf(CAMILLE, planned.dueDate)).paymentMethodId).toBe(byDefault.id);
  });

  it('plans a debit whose day went by without a bank file again on a day to come when the customer pays again', async () => {
    const app = system!.app;
    const rejected = await newArrear(LOUIS);
    const mandate = await app.prisma.paymentMethod.findFirstOrThrow({ where: { customerId: LOUIS, isDefault: true } });
    const first = await payArrear(app, LOUIS, rejected.arrearId, mandate.id);
    if (first.kind !== 'debitPlanned') throw new Error(`expected a debit, got ${first.kind}`);
    // No file was made that day; two days later he asks again.
    system!.clock.set(new Date(first.dueDate.getTime() + 2 * 86_400_000 + 9 * 3_600_000));
    const again = await payArrear(app, LOUIS, rejected.arrearId, mandate.id);
    if (again.kind !== 'debitPlanned') throw new Error(`expected a debit, got ${again.kind}`);
    expect(again.dueDate.getTime()).toBeGreaterThan(system!.clock.now().getTime());
    const { retryScheduledPaymentId } = await app.prisma.arrear.findUniqueOrThrow({ where: { id: rejected.arrearId } });
    expect(
      await app.prisma.scheduledPayment.findUniqueOrThrow({ where: { id: retryScheduledPaymentId! } }),
    ).toMatchObject({
      dueDate: again.dueDate,
      status: 'PLANNED',
    });
    expect(await exportCollections(app, again.dueDate)).toMatchObject({ kind: 'exported' });
    expect((await collectionOf(LOUIS, again.dueDate)).scheduledPaymentId).toBe(retryScheduledPaymentId);
  });
});
