// `admin import-contracts <file.csv>`: customers and their contracts from the insurer's register. Each line is
// validated before anything is written; valid lines are written customer first (users), then contract (policies),
// so running the same file again completes what a failure interrupted and changes nothing else.
import { registerContract } from '../../subgraphs/policies/src/app/subscription.ts';
import { enrolCustomer } from '../../subgraphs/users/src/app/enrolment.ts';
import type { AdminApps } from './apps.ts';
import { CONTRACT_COLUMNS, readContractLine } from './contract-line.ts';
import { parseCsv, type Rejected } from './csv.ts';

export interface ImportReport {
  /** Contracts written by this run. */
  created: number;
  /** Lines already in the register, left as they are. */
  unchanged: number;
  rejected: Rejected[];
}

export type ImportOutcome = { kind: 'done'; report: ImportReport } | { kind: 'unreadable'; reason: string };

export async function importContracts(apps: AdminApps, csv: string): Promise<ImportOutcome> {
  const parsed = parseCsv(csv);
  if (parsed.kind === 'malformed') return { kind: 'unreadable', reason: parsed.reason };
  const missing = CONTRACT_COLUMNS.filter((c) => !parsed.header.includes(c));
  if (missing.length) return { kind: 'unreadable', reason: `colonnes manquantes\u00a0: ${missing.join(', ')}` };
  const report: ImportReport = { created: 0, unchanged: 0, rejected: [...parsed.rejected] };
  const seen = new Map<string, number>();
  for (const { line, fields } of parsed.lines) {
    const read = readContractLine(fields);
    if (read.kind === 'rejected') {
      report.rejected.push({ line, reason: read.reasons.join('\u00a0; ') });
      continue;
    }
    const r = read.record;
    const earlier = seen.get(r.contractNumber);
    if (earlier) {
      report.rejected.push({ line, reason: `contrat ${r.contractNumber} déjà présent ligne ${earlier}` });
      continue;
    }
    seen.set(r.contractNumber, line);
    const customer = await enrolCustomer(apps.users, r);
    if (customer.kind === 'contractHeldByAnother' || customer.kind === 'invalidContractNumber') {
      report.rejected.push({ line, reason: `contrat ${r.contractNumber} déjà rattaché à un autre client` });
      continue;
    }
    const contract = await registerContract(apps.policies, {
      contractNumber: r.contractNumber,
      customerId: customer.customerId,
      holder: `${r.firstName} ${r.lastName}`,
      address: r.address,
      dwelling: r.dwelling,
      coverage: r.coverage,
      start: r.start,
      paymentFrequency: r.paymentFrequency,
    });
    if (contract.kind === 'numberHeldByAnother') {
      report.rejected.push({ line, reason: `contrat ${r.contractNumber} déjà enregistré pour un autre client` });
    } else if (contract.kind === 'created') report.created++;
    else report.unchanged++;
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return { kind: 'done', report };
}
