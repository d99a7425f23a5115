import { builder } from '../builder.ts';

/** Every expected failure a client handles implements Error; clients switch on __typename, never on the message. */
export const ErrorInterface = builder.interfaceRef<{ message: string }>('Error').implement({
  description: 'An expected failure the client handles by its type (never by its message).',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A French message that can be shown as is.' }) }),
});
