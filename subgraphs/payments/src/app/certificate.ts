// The yearly payment certificate (attestation de paiement), for tax and other declarations: every premium collected in
// the calendar year, with the total. Served as GET /payment-certificates/<year> through the gateway, for the caller.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Identity, isCustomer } from '@abri/platform';
import { euros, frenchDate, parisDay } from '@abri/platform/french';
import { abriDocument, documentNumber, renderPdf } from '@abri/platform/pdf';
import type { PaymentsApp } from '../context.ts';

export async function paymentCertificate(app: PaymentsApp, customerId: string, year: number): Promise<Buffer> {
  const payments = await app.prisma.payment.findMany({
    where: {
      customerId,
      status: 'SUCCEEDED',
      paidAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    orderBy: { paidAt: 'asc' },
  });
  const total = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const title = `Attestation de paiement ${year}`;
  return renderPdf(
    abriDocument({
      title,
      number: documentNumber('PAI', app.clock.now()),
      insurer: app.insurer,
      content: [
        { text: `Attestation de paiement des cotisations ${year}`, style: 'title', margin: [0, 0, 0, 8] },
        {
          text: `Nous attestons avoir encaissé en ${year} les cotisations d’assurance habitation ci-dessous, pour un total de ${euros(total)}.`,
          margin: [0, 0, 0, 12],
        },
        {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto'],
            body: [
              [
                { text: 'Date', style: 'tableHeader' },
                { text: 'Référence', style: 'tableHeader' },
                { text: 'Montant', style: 'tableHeader', alignment: 'right' },
              ],
              ...payments.map((p) => [
                frenchDate(parisDay(p.paidAt)),
                p.reference,
                { text: euros(p.amountCents), alignment: 'right' as const },
              ]),
              [{ text: 'Total', bold: true, colSpan: 2 }, '', { text: euros(total), bold: true, alignment: 'right' }],
            ],
          },
        },
        { text: `Document établi le ${frenchDate(parisDay(app.clock.now()))}.`, margin: [0, 16, 0, 0], italics: true },
      ],
    }),
  );
}

/** GET /payment-certificates/<year> (signed by the gateway): the caller's own certificate only. */
export function certificateDownload(app: () => PaymentsApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const year = Number((req.url ?? '').split('/').pop());
    const now = parisDay(app().clock.now()).getUTCFullYear();
    if (!isCustomer(who) || !Number.isInteger(year) || year < now - 10 || year > now) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Certificate not found.', extensions: { code: 'NOT_FOUND' } }] }));
      return;
    }
    const pdf = await paymentCertificate(app(), who.sub, year);
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="attestation-paiement-${year}.pdf"`,
    });
    res.end(pdf);
  };
}
