// The yearly payment certificate (attestation de paiement), for a tax office, an employer or a housing aid: who is
// insured, for which contract and home, every premium collected in the calendar year with the total, and who
// certifies it (the insurer, with its legal identity on the page). Served as GET /payment-certificates/<year>
// through the gateway, for the caller.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Identity, isCustomer } from '@abri/platform';
import { euros, frenchDate, parisDay, printable } from '@abri/platform/french';
import { documentNumber, issuePdf, signedOff } from '@abri/platform/pdf';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { PaymentsApp } from '../context.ts';

const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});

export async function paymentCertificate(app: PaymentsApp, customerId: string, year: number): Promise<Buffer> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const [payments, contracts] = await Promise.all([
    app.prisma.payment.findMany({
      where: { customerId, status: 'SUCCEEDED', paidAt: { gte: from, lt: to } },
      orderBy: { paidAt: 'asc' },
    }),
    app.prisma.contractParty.findMany({ where: { customerId }, orderBy: { startDate: 'asc' } }),
  ]);
  const total = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const holder = contracts[0]?.holderName;
  const today = parisDay(app.clock.now());
  const title = `Attestation de paiement ${year}`;

  // One block per contract that was paid for in the year: the insured home, then its payments and subtotal.
  const policyIds = [...new Set(payments.map((p) => p.policyId))];
  const blocks: Content[] = policyIds.map((policyId) => {
    const contract = contracts.find((c) => c.policyId === policyId);
    const own = payments.filter((p) => p.policyId === policyId);
    const subtotal = own.reduce((sum, p) => sum + p.amountCents, 0);
    return {
      margin: [0, 10, 0, 0],
      stack: [
        {
          text: contract
            ? printable(
                `Contrat multirisque habitation n° ${contract.number}, souscrit le ${frenchDate(contract.startDate)}` +
                  (contract.address ? ` : ${contract.address}` : ''),
              )
            : 'Contrat multirisque habitation',
          bold: true,
          margin: [0, 0, 0, 4],
        },
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['auto', '*', 'auto'],
            body: [
              [head('Date d’encaissement'), head('Référence'), head('Montant', 'right')],
              ...own.map((p): TableCell[] => [
                frenchDate(parisDay(p.paidAt)),
                p.reference,
                { text: euros(p.amountCents), alignment: 'right' },
              ]),
              [
                { text: 'Total du contrat', bold: true, colSpan: 2 },
                '',
                { text: euros(subtotal), bold: true, alignment: 'right' },
              ],
            ],
          },
          layout: 'lightHorizontalLines',
        },
      ],
    };
  });

  const content: Content = [
    { text: `Attestation de paiement des cotisations ${year}`, style: 'title' },
    { text: `Période : du 1er janvier ${year} au 31 décembre ${year}`, style: 'subtitle' },
    {
      text: [
        `${app.insurer.name} atteste avoir encaissé, du 1er janvier au 31 décembre ${year}, de `,
        { text: holder ? printable(holder) : 'l’assuré(e)', bold: true },
        ', les cotisations d’assurance habitation ci-dessous (montants toutes taxes comprises), soit un total de ',
        { text: euros(total), bold: true },
        '.',
      ],
    },
    ...(payments.length
      ? blocks
      : [{ text: `Aucune cotisation encaissée en ${year}.`, margin: [0, 10, 0, 0] } as Content]),
    {
      margin: [0, 10, 0, 0],
      table: {
        widths: ['*', 'auto'],
        body: [
          [
            { text: `Total encaissé en ${year}`, bold: true },
            { text: euros(total), bold: true, alignment: 'right' },
          ],
        ],
      },
      layout: 'noBorders',
    },
    {
      text:
        'Seules les sommes effectivement encaissées figurent ici : un prélèvement rejeté n’est compté qu’une fois ' +
        'présenté à nouveau et payé. Attestation établie pour servir et valoir ce que de droit.',
      style: 'legal',
      margin: [0, 10, 0, 0],
    },
    signedOff(app.insurer, today, 'Le service Encaissements'),
  ];
  const at = app.clock.now();
  return issuePdf({ title, number: documentNumber('PAI', at), insurer: app.insurer, content, at });
}

/** GET /payment-certificates/<year> (signed by the gateway): the caller's own certificate only. */
export function certificateDownload(app: () => PaymentsApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const year = Number((req.url ?? '').split('/').pop());
    const now = parisDay(app().clock.now()).getUTCFullYear();
    if (!isCustomer(who) || !Number.isInteger(year) || year < now - 10 || year > now) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Attestation introuvable.', extensions: { code: 'NOT_FOUND' } }] }));
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
