// The bank files read back as a bank would: the pain.008 parsed, its totals and mandate data checked; the returns
// (pain.002, camt.054) read down to each refused end-to-end id, and anything else refused as a whole.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isCreditorIdentifier } from '../src/domain/sepa/creditor.ts';
import {
  buildPain008,
  type DirectDebit,
  decimalAmount,
  PAIN_008_NAMESPACE,
  sepaText,
  sequenceType,
} from '../src/domain/sepa/pain008.ts';
import { readReturnFile } from '../src/domain/sepa/returns.ts';
import { camt054, pain002 } from './bank-files.ts';

const creditor = {
  name: 'Abri Assurances',
  creditorId: 'FR72ZZZ123456',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPPXXX',
};
const debit = (over: Partial<DirectDebit>): DirectDebit => ({
  endToEndId: 'E2E1',
  amountCents: 4_210,
  mandateReference: 'ABRI-AB12CD34-20260315-001',
  mandateSignedOn: new Date('2026-03-15T00:00:00Z'),
  sequenceType: 'RCUR',
  debtorName: 'Camille Martin',
  debtorIban: 'FR1420041010050500013M02606',
  remittance: 'Cotisation habitation',
  ...over,
});

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (n) => ['PmtInf', 'DrctDbtTxInf'].includes(n),
  }).parse(xml);

describe('pain.008.001.08 collection file', () => {
  const xml = buildPain008({
    messageId: 'ABRI-SDD-20261205-1',
    createdAt: new Date('2026-12-01T09:30:12.345Z'),
    collectionDate: new Date('2026-12-05T00:00:00Z'),
    creditor,
    debits: [
      debit({ endToEndId: 'E2E1', amountCents: 4_210, sequenceType: 'FRST', debtorName: 'Inès Lefèvre & fils' }),
      debit({ endToEndId: 'E2E2', amountCents: 1_005, sequenceType: 'RCUR' }),
      debit({ endToEndId: 'E2E3', amountCents: 99_999, sequenceType: 'RCUR', debtorBic: 'BNPAFRPPXXX' }),
    ],
  });
  const doc = parse(xml).Document;
  const initiation = doc.CstmrDrctDbtInitn;

  it('carries the file totals: number of transactions and control sum in exact decimal', () => {
    expect(doc['@_xmlns']).toBe(PAIN_008_NAMESPACE);
    expect(initiation.GrpHdr).toMatchObject({
      MsgId: 'ABRI-SDD-20261205-1',
      CreDtTm: '2026-12-01T09:30:12Z',
      NbOfTxs: '3',
      CtrlSum: '1052.14',
    });
  });

  it('groups transactions by sequence type, each block with its own totals, the creditor identifier and date', () => {
    const blocks = initiation.PmtInf as Record<string, any>[];
    expect(blocks.map((b) => [b.PmtTpInf.SeqTp, b.NbOfTxs, b.CtrlSum])).toEqual([
      ['FRST', '1', '42.10'],
      ['RCUR', '2', '1010.04'],
    ]);
    for (const block of blocks) {
      expect(block).toMatchObject({
        PmtMtd: 'DD',
        ReqdColltnDt: '2026-12-05',
        PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' } },
        CdtrAcct: { Id: { IBAN: creditor.iban } },
        CdtrAgt: { FinInstnId: { BICFI: creditor.bic } },
        CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: 'FR72ZZZ123456', SchmeNm: { Prtry: 'SEPA' } } } } },
      });
      const sum = (block.DrctDbtTxInf as any[]).reduce(
        (cents, tx) => cents + Math.round(Number(tx.InstdAmt['#text']) * 100),
        0,
      );
      expect(decimalAmount(sum)).toBe(block.CtrlSum);
    }
  });

  it('names each instalment by its end-to-end id, with its mandate, signature date, debtor account and amount', () => {
    const [first] = initiation.PmtInf[0].DrctDbtTxInf;
    expect(first).toMatchObject({
      PmtId: { EndToEndId: 'E2E1' },
      InstdAmt: { '@_Ccy': 'EUR', '#text': '42.10' },
      DrctDbtTx: { MndtRltdInf: { MndtId: 'ABRI-AB12CD34-20260315-001', DtOfSgntr: '2026-03-15' } },
      DbtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } },
      Dbtr: { Nm: 'Ines Lefevre fils' },
      DbtrAcct: { Id: { IBAN: 'FR1420041010050500013M02606' } },
    });
    expect(initiation.PmtInf[1].DrctDbtTxInf[1].DbtrAgt).toEqual({ FinInstnId: { BICFI: 'BNPAFRPPXXX' } });
  });

  it('refuses an empty file and amounts that are not whole positive cents', () => {
    expect(() =>
      buildPain008({ messageId: 'M', createdAt: new Date(), collectionDate: new Date(), creditor, debits: [] }),
    ).toThrow(RangeError);
    expect(() => decimalAmount(0)).toThrow(RangeError);
    expect(() => decimalAmount(10.5)).toThrow(RangeError);
    expect(decimalAmount(5)).toBe('0.05');
  });

  it('keeps text within the SEPA character set and length', () => {
    expect(sepaText('Zoé « Dupont » & Cie — 12 €', 70)).toBe('Zoe Dupont Cie 12');
    expect(sepaText('x'.repeat(100), 70)).toHaveLength(70);
  });
});

describe('sequence types', () => {
  it('is FRST until a first collection went through, then RCUR; FNAL for a known last one; OOFF for a one-off mandate', () => {
    expect(sequenceType({ oneOff: false, collectedBefore: false, last: false })).toBe('FRST');
    expect(sequenceType({ oneOff: false, collectedBefore: true, last: false })).toBe('RCUR');
    expect(sequenceType({ oneOff: false, collectedBefore: true, last: true })).toBe('FNAL');
    expect(sequenceType({ oneOff: true, collectedBefore: false, last: true })).toBe('OOFF');
  });

  it('checks a creditor identifier like an IBAN, the business code left out', () => {
    expect(isCreditorIdentifier('FR72ZZZ123456')).toBe(true);
    expect(isCreditorIdentifier('FR72ABC123456')).toBe(true);
    expect(isCreditorIdentifier('FR73ZZZ123456')).toBe(false);
    expect(isCreditorIdentifier('fr72zzz123456')).toBe(false);
  });
});

describe('bank returns', () => {
  it('reads the rejected transactions of a pain.002 with their reason codes, and only those', () => {
    const file = readReturnFile(
      pain002([
        { id: 'E2E1', status: 'RJCT', code: 'AC04' },
        { id: 'E2E2', status: 'ACCP' },
        { id: 'E2E3', status: 'RJCT', code: 'MS02' },
      ]),
    );
    expect(file).toEqual({
      kind: 'read',
      format: 'pain.002',
      messageId: 'BANK-STS-1',
      returns: [
        { endToEndId: 'E2E1', reasonCode: 'AC04' },
        { endToEndId: 'E2E3', reasonCode: 'MS02' },
      ],
    });
  });

  it('reads the R-transactions of a camt.054 and ignores its other lines', () => {
    expect(readReturnFile(camt054([{ id: 'E2E9', code: 'MD06' }]))).toEqual({
      kind: 'read',
      format: 'camt.054',
      messageId: 'BANK-NTF-1',
      returns: [{ endToEndId: 'E2E9', reasonCode: 'MD06' }],
    });
  });

  it('refuses a file that is not XML, another document, or a rejection without its reason', () => {
    expect(readReturnFile('<Document><CstmrPmtStsRpt>')).toEqual({ kind: 'unreadable', reason: 'notXml' });
    expect(readReturnFile('not xml at all')).toEqual({ kind: 'unreadable', reason: 'notXml' });
    expect(readReturnFile('<Document><CstmrDrctDbtInitn/></Document>')).toEqual({
      kind: 'unreadable',
      reason: 'unknownDocument',
    });
    expect(readReturnFile(pain002([{ id: 'E2E1', status: 'RJCT' }]))).toEqual({
      kind: 'unreadable',
      reason: 'missingField',
    });
  });

  it('expands no entity declared by the file', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Document><CstmrPmtStsRpt><GrpHdr><MsgId>&b;</MsgId></GrpHdr></CstmrPmtStsRpt></Document>`;
    expect(readReturnFile(bomb)).toMatchObject({ kind: 'read', messageId: '&b;' });
  });
});
