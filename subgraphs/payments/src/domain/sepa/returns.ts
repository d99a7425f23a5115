// What the bank sends back about our direct debits: a payment status report (pain.002, rejections before settlement)
// or a debit notification (camt.054, returns and refusals after it: the R-transactions). Either way what matters is
// which end-to-end id was refused, and why (its ISO reason code). Anything unreadable is refused as a whole.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ReturnedDebit {
  endToEndId: string;
  reasonCode: string;
}

export type ReturnFile =
  | { kind: 'read'; format: 'pain.002' | 'camt.054'; messageId: string; returns: ReturnedDebit[] }
  | { kind: 'unreadable'; reason: UnreadableReason };

/** Why a file was refused before anything changed. */
export type UnreadableReason = 'notXml' | 'unknownDocument' | 'missingField';

const LISTS = new Set(['OrgnlPmtInfAndSts', 'TxInfAndSts', 'StsRsnInf', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  // No entity expansion at all: a bank file needs none, and it closes the door on entity bombs.
  processEntities: false,
  isArray: (name) => LISTS.has(name),
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : []);
const text = (value: unknown): string | undefined => {
  const raw = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
  return typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
};

class MissingField extends Error {}
const required = (value: unknown): string => {
  const found = text(value);
  if (found === undefined) throw new MissingField();
  return found;
};

function statusReport(report: Node): ReturnedDebit[] {
  const returns: ReturnedDebit[] = [];
  for (const block of list(report.OrgnlPmtInfAndSts)) {
    for (const tx of list(block.TxInfAndSts)) {
      if (text(tx.TxSts) !== 'RJCT') continue;
      const reason = node(list(tx.StsRsnInf)[0]?.Rsn);
      returns.push({ endToEndId: required(tx.OrgnlEndToEndId), reasonCode: required(reason.Cd) });
    }
  }
  return returns;
}

function debitNotification(notification: Node): ReturnedDebit[] {
  const returns: ReturnedDebit[] = [];
  for (const n of list(notification.Ntfctn))
    for (const entry of list(n.Ntry))
      for (const details of list(entry.NtryDtls))
        for (const tx of list(details.TxDtls)) {
          // Only R-transactions carry return information; other lines of the notification are not ours to act on.
          if (tx.RtrInf === undefined) continue;
          returns.push({
            endToEndId: required(node(tx.Refs).EndToEndId),
            reasonCode: required(node(node(tx.RtrInf).Rsn).Cd),
          });
        }
  return returns;
}

export function readReturnFile(xml: string): ReturnFile {
  if (XMLValidator.validate(xml) !== true) return { kind: 'unreadable', reason: 'notXml' };
  let document: Node;
  try {
    document = node(node(parser.parse(xml)).Document);
  } catch {
    return { kind: 'unreadable', reason: 'notXml' };
  }
  try {
    if (document.CstmrPmtStsRpt !== undefined) {
      const report = node(document.CstmrPmtStsRpt);
      return {
        kind: 'read',
        format: 'pain.002',
        messageId: required(node(report.GrpHdr).MsgId),
        returns: statusReport(report),
      };
    }
    if (document.BkToCstmrDbtCdtNtfctn !== undefined) {
      const notification = node(document.BkToCstmrDbtCdtNtfctn);
      return {
        kind: 'read',
        format: 'camt.054',
        messageId: required(node(notification.GrpHdr).MsgId),
        returns: debitNotification(notification),
      };
    }
  } catch (error) {
    if (error instanceof MissingField) return { kind: 'unreadable', reason: 'missingField' };
    throw error;
  }
  return { kind: 'unreadable', reason: 'unknownDocument' };
}
