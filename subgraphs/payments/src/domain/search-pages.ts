// The customer's payments as pages of their search: the coming instalments, each year of the history (dates,
// amounts, references) and each refused debit with its reason, in the words of « Mes paiements ». A year is one page
// rather than twelve, so « prélèvement de mars » or « paiements 2024 » land on the year that holds them.
import { eurosInText, frenchDate } from '@abri/platform/french';
import type { SearchPage } from '@abri/platform/kit';
import { explainRejection } from './rejections.ts';

export interface InstalmentFacts {
  dueDate: Date;
  amountCents: number;
}

export interface PaymentFacts {
  paidAt: Date;
  amountCents: number;
  status: 'SUCCEEDED' | 'REJECTED' | 'REFUNDED';
  reference: string;
  rejectionCode: string | null;
}

export interface ArrearFacts {
  id: string;
  dueDate: Date;
  amountCents: number;
  rejectionCode: string;
  rejectedAt: Date;
  paidAt: Date | null;
  suspendedAt: Date | null;
  terminatedAt: Date | null;
}

/** How many coming instalments the schedule page names. */
const SCHEDULE_SHOWN = 12;
const TARGET = '/paiements';

/** A no-break space before « : ; ? ! », as French typography wants. */
const typeset = (page: SearchPage): SearchPage => ({
  ...page,
  title: page.title.replace(/ ([:;?!])/g, '\u00a0$1'),
  body: page.body.replace(/ ([:;?!])/g, '\u00a0$1'),
});

const PAYMENT_WORD = { SUCCEEDED: 'payé', REJECTED: 'refusé par la banque', REFUNDED: 'remboursé' } as const;

export function scheduleSearchPage(coming: readonly InstalmentFacts[]): SearchPage | null {
  if (!coming.length) return null;
  const shown = coming.slice(0, SCHEDULE_SHOWN);
  const lines = shown.map((i) => `${frenchDate(i.dueDate)} : ${eurosInText(i.amountCents)}.`);
  return typeset({
    id: 'payments:schedule',
    title: 'Prochaines échéances',
    body: [
      `Votre échéancier : ${coming.length} prélèvement${coming.length > 1 ? 's' : ''} à venir, le prochain le ${frenchDate(shown[0]!.dueDate)}.`,
      ...lines,
    ].join(' '),
    target: TARGET,
  });
}

/** One page per calendar year of the history (newest year first). */
export function historySearchPages(payments: readonly PaymentFacts[]): SearchPage[] {
  const byYear = new Map<number, PaymentFacts[]>();
  for (const p of payments) {
    const year = p.paidAt.getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), p]);
  }
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => {
      const paid = list.filter((p) => p.status === 'SUCCEEDED');
      const total = paid.reduce((n, p) => n + p.amountCents, 0);
      const lines = list.map((p) => {
        const why = p.rejectionCode
          ? `, motif ${p.rejectionCode} : ${explainRejection(p.rejectionCode).label.toLowerCase()}`
          : '';
        return `${frenchDate(p.paidAt)} : ${eurosInText(p.amountCents)} ${PAYMENT_WORD[p.status]} (référence ${p.reference}${why}).`;
      });
      return typeset({
        id: `payments:${year}`,
        title: `Historique des paiements ${year}`,
        body: [
          `En ${year}, ${paid.length} paiement${paid.length > 1 ? 's' : ''} de cotisation pour un total de ${eurosInText(total)}.`,
          ...lines,
        ].join(' '),
        target: TARGET,
      });
    });
}

/**
 * A refused debit of the history as a page of its own (short, so « prélèvement refusé » finds it before the long
 * year page), unless an arrear already tells its story (`arrearDays`: the due days of the arrears, as ISO dates).
 */
export function rejectedPaymentPages(payments: readonly PaymentFacts[], arrearDays: ReadonlySet<string>): SearchPage[] {
  return payments
    .filter((p) => p.status === 'REJECTED' && !arrearDays.has(p.paidAt.toISOString().slice(0, 10)))
    .map((p) => {
      const why = p.rejectionCode
        ? ` Motif ${p.rejectionCode} : ${explainRejection(p.rejectionCode).label.toLowerCase()}.`
        : '';
      return typeset({
        id: `rejected:${p.reference}`,
        title: `Prélèvement refusé du ${frenchDate(p.paidAt)}`,
        body: `Le prélèvement du ${frenchDate(p.paidAt)} de ${eurosInText(p.amountCents)} a été refusé par votre banque (référence ${p.reference}).${why}`,
        target: TARGET,
      });
    });
}

export function arrearSearchPage(a: ArrearFacts): SearchPage {
  const reason = explainRejection(a.rejectionCode);
  const state = a.terminatedAt
    ? `Contrat résilié pour non-paiement le ${frenchDate(a.terminatedAt)}.`
    : a.paidAt
      ? `Réglé le ${frenchDate(a.paidAt)}.`
      : a.suspendedAt
        ? `Impayé : garanties suspendues depuis le ${frenchDate(a.suspendedAt)}.`
        : 'Impayé à régulariser : payer maintenant par carte, représenter le prélèvement ou changer de moyen de paiement.';
  return typeset({
    id: `arrear:${a.id}`,
    title: `Prélèvement refusé du ${frenchDate(a.dueDate)}`,
    body: [
      `L’échéance du ${frenchDate(a.dueDate)} de ${eurosInText(a.amountCents)} a été rejetée par votre banque le ${frenchDate(a.rejectedAt)}.`,
      `Motif ${a.rejectionCode} : ${reason.label.toLowerCase()}.`,
      state,
    ].join(' '),
    target: TARGET,
  });
}
