// Portability (`requestDataExport`, `me.dataExports`): see app/data-export.ts.
import { frenchDateTime } from '@abri/platform/french';
import { type DataExportView, exportPath, exportsOf, progressOf, requestDataExport } from '../app/data-export.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { byTypename, ErrorInterface, type Typed } from './error.ts';

export const DataExportStatus = builder.enumType('DataExportStatus', {
  description: 'Where a copy of the customer’s data stands.',
  values: {
    PENDING: { description: 'Asked for; gathering has not started yet.' },
    GATHERING: { description: 'Each part of the file is being gathered.' },
    READY: { description: 'The ZIP may be downloaded until `expiresAt`.' },
    EXPIRED: { description: 'Its 7 days are over: the ZIP is deleted.' },
  } as const,
});

const DataExport = builder.objectRef<DataExportView>('DataExport').implement({
  description:
    'A copy of the customer’s data (portability): a ZIP with JSON and CSV per category and the documents issued, ' +
    'downloadable by its owner for 7 days.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: DataExportStatus, resolve: (e) => e.status }),
    progress: t.int({ description: 'Share of the file gathered, 0 to 100.', resolve: progressOf }),
    requestedAt: t.field({ type: 'DateTime', resolve: (e) => e.requestedAt }),
    readyAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.readyAt }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the ZIP is deleted (null until it is ready).',
      resolve: (e) => e.expiresAt,
    }),
    sizeBytes: t.int({ nullable: true, resolve: (e) => e.sizeBytes }),
    downloadPath: t.string({
      nullable: true,
      description:
        'Path of the ZIP on the gateway while it is ready: fetch it with the access token, or ask ' +
        '`POST /download-links` for a link a browser can open.',
      resolve: (e) => (e.status === 'READY' ? exportPath(e.id) : null),
    }),
  }),
});

builder.prismaObjectField(CustomerRef, 'dataExports', (t) =>
  t.field({
    authScopes: (c) => ({ self: c.id }),
    type: [DataExport],
    description: 'The copies of their data the customer asked for, newest first.',
    select: { id: true },
    resolve: (c, _a, ctx) => {
      // The customer's own, never staff's: the ZIP holds the whole file.
      return exportsOf(ctx.app, c.id);
    },
  }),
);

type Requested = Typed<'DataExportRequested', { export: DataExportView }>;
type TooSoon = Typed<'DataExportTooSoon', { message: string; retryAt: Date }>;

const DataExportRequested = builder.objectRef<Requested>('DataExportRequested').implement({
  description: 'The copy is being prepared; the customer is told by e-mail and on their stream when it is ready.',
  fields: (t) => ({ export: t.field({ type: DataExport, resolve: (r) => r.export }) }),
});
const DataExportTooSoon = builder.objectRef<TooSoon>('DataExportTooSoon').implement({
  description: 'One copy a day: the last one was asked for less than 24 hours ago. Nothing was started.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAt: t.field({ type: 'DateTime', resolve: (r) => r.retryAt }) }),
});
const RequestDataExportResult = builder.unionType('RequestDataExportResult', {
  description: 'The outcome of asking for a copy of one’s data.',
  types: [DataExportRequested, DataExportTooSoon],
  resolveType: byTypename,
});

builder.mutationField('requestDataExport', (t) =>
  t.withAuth({ customer: true }).field({
    type: RequestDataExportResult,
    description:
      'Asks for a copy of all the signed-in customer’s data (every subgraph), prepared in the background: follow ' +
      '`me.dataExports` or `DataExportUpdate` on `customerEvents`.',
    resolve: async (_r, _a, ctx): Promise<Requested | TooSoon> => {
      const outcome = await requestDataExport(ctx.app, ctx.who.sub);
      return outcome.kind === 'tooSoon'
        ? {
            __typename: 'DataExportTooSoon',
            message: `Vous avez déjà demandé une copie aujourd’hui : vous pourrez en demander une nouvelle à partir du ${frenchDateTime(outcome.retryAt)}.`,
            retryAt: outcome.retryAt,
          }
        : { __typename: 'DataExportRequested', export: outcome.export };
    },
  }),
);
