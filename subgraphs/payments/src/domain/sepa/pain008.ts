// The SEPA core direct-debit file a bank takes from its creditor: ISO 20022 pain.008.001.08 (the version of the EPC
// implementation guidelines since November 2023). One payment information block per sequence type, since the
// sequence type is set per block; totals (count and control sum) for the file and for each block, in exact decimal.
import { XMLBuilder } from 'fast-xml-parser';

export const PAIN_008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08';

/** ISO 20022 SequenceType3Code: first, recurrent, final collection of a mandate, or a one-off mandate. */
export const SequenceType = { FRST: 'FRST', RCUR: 'RCUR', FNAL: 'FNAL', OOFF: 'OOFF' } as const;
export type SequenceType = (typeof SequenceType)[keyof typeof SequenceType];

/**
 * Where a collection stands in its mandate's life. A one-off mandate is OOFF; otherwise the first collection the
 * bank has not returned is FRST (a returned first one leaves the next FRST again), the one the creditor knows to be
 * the last is FNAL, the others RCUR.
 */
export function sequenceType(mandate: { oneOff: boolean; collectedBefore: boolean; last: boolean }): SequenceType {
  if (mandate.oneOff) return SequenceType.OOFF;
  if (!mandate.collectedBefore) return SequenceType.FRST;
  return mandate.last ? SequenceType.FNAL : SequenceType.RCUR;
}

/** The creditor: the insurer's name, its SEPA creditor identifier (ICS in France) and the account credited. */
export interface Creditor {
  name: string;
  creditorId: string;
  iban: string;
  bic: string;
}

export interface DirectDebit {
  /** Unique per instalment, carried back by the bank's returns: 1 to 35 characters. */
  endToEndId: string;
  amountCents: number;
  mandateReference: string;
  mandateSignedOn: Date;
  sequenceType: SequenceType;
  debtorName: string;
  debtorIban: string;
  /** Optional since 2016 for SEPA debtors: `NOTPROVIDED` stands in. */
  debtorBic?: string;
  /** Unstructured remittance information on the debtor's statement (140 characters at most). */
  remittance: string;
}

export interface CollectionFile {
  messageId: string;
  createdAt: Date;
  collectionDate: Date;
  creditor: Creditor;
  debits: DirectDebit[];
}

/** Cents as the XML decimal: 12345 -> "123.45", exactly (no float arithmetic). */
export function decimalAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError(`not a positive amount of cents: ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Text in the SEPA basic Latin set (EPC: a-z A-Z 0-9 / - ? : ( ) . , ' + and space): accents dropped, anything else
 * a space, cut to the field's length. Banks refuse a file for one character outside it.
 */
export function sepaText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** The creation time without milliseconds, as most bank parsers expect. */
const isoDateTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const ORDER: SequenceType[] = ['FRST', 'RCUR', 'FNAL', 'OOFF'];

function totals(debits: DirectDebit[]) {
  return { NbOfTxs: String(debits.length), CtrlSum: decimalAmount(debits.reduce((sum, d) => sum + d.amountCents, 0)) };
}

function transaction(debit: DirectDebit) {
  if (!/^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/.test(debit.endToEndId)) throw new RangeError('invalid end-to-end id');
  return {
    PmtId: { EndToEndId: debit.endToEndId },
    InstdAmt: { '@_Ccy': 'EUR', '#text': decimalAmount(debit.amountCents) },
    DrctDbtTx: { MndtRltdInf: { MndtId: debit.mandateReference, DtOfSgntr: isoDate(debit.mandateSignedOn) } },
    DbtrAgt: { FinInstnId: debit.debtorBic ? { BICFI: debit.debtorBic } : { Othr: { Id: 'NOTPROVIDED' } } },
    Dbtr: { Nm: sepaText(debit.debtorName, 70) },
    DbtrAcct: { Id: { IBAN: debit.debtorIban } },
    RmtInf: { Ustrd: sepaText(debit.remittance, 140) },
  };
}

/** The pain.008 document; throws a RangeError on an empty file or an invalid amount (programming errors). */
export function buildPain008(file: CollectionFile): string {
  if (!file.debits.length) throw new RangeError('a collection file needs at least one debit');
  const blocks = ORDER.map((seq) => [seq, file.debits.filter((d) => d.sequenceType === seq)] as const).filter(
    ([, debits]) => debits.length > 0,
  );
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': PAIN_008_NAMESPACE,
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: file.messageId,
          CreDtTm: isoDateTime(file.createdAt),
          ...totals(file.debits),
          InitgPty: { Nm: sepaText(file.creditor.name, 70) },
        },
        PmtInf: blocks.map(([seq, debits]) => ({
          PmtInfId: `${file.messageId}-${seq}`,
          PmtMtd: 'DD',
          BtchBookg: 'true',
          ...totals(debits),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: seq },
          ReqdColltnDt: isoDate(file.collectionDate),
          Cdtr: { Nm: sepaText(file.creditor.name, 70) },
          CdtrAcct: { Id: { IBAN: file.creditor.iban } },
          CdtrAgt: { FinInstnId: { BICFI: file.creditor.bic } },
          ChrgBr: 'SLEV',
          CdtrSchmeId: {
            Id: { PrvtId: { Othr: { Id: file.creditor.creditorId, SchmeNm: { Prtry: 'SEPA' } } } },
          },
          DrctDbtTxInf: debits.map(transaction),
        })),
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(document);
}

/** The instalment's id without its dashes: 32 characters, within the 35 an end-to-end id may have. */
export const endToEndId = (scheduledPaymentId: string) => scheduledPaymentId.replace(/-/g, '').toUpperCase();
