// Monaco's language services run in workers, bundled beside the page by build.ts and served by the gateway.
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    new Worker(`/graphiql/${WORKERS[label] ?? 'editor.worker.js'}`, { type: 'module' }),
};
