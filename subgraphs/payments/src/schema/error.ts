// The shared `Error` interface (platform kit) on this subgraph's builder, and the failures several mutations share.
import type { Typed } from '@abri/platform/kit';
import { builder, ErrorInterface } from '../builder.ts';
import { messages } from './messages.ts';

export { byTypename, type Typed } from '@abri/platform/kit';

export { ErrorInterface };

type Failure<N extends string> = Typed<N, { message: string }>;

export const PaymentMethodNotFound = builder
  .objectRef<Failure<'PaymentMethodNotFound'>>('PaymentMethodNotFound')
  .implement({
    description: 'No such active payment method among the customer’s.',
    interfaces: [ErrorInterface],
  });
export const paymentMethodNotFound = (): Failure<'PaymentMethodNotFound'> => ({
  __typename: 'PaymentMethodNotFound',
  message: messages.methodNotFound,
});

export const ArrearNotFound = builder.objectRef<Failure<'ArrearNotFound'>>('ArrearNotFound').implement({
  description: 'No such open arrear among the customer’s (or it is already settled).',
  interfaces: [ErrorInterface],
});
export const arrearNotFound = (): Failure<'ArrearNotFound'> => ({
  __typename: 'ArrearNotFound',
  message: messages.arrearNotFound,
});

export const ScheduleNotFound = builder.objectRef<Failure<'ScheduleNotFound'>>('ScheduleNotFound').implement({
  description: 'No payment schedule of the customer for this policy.',
  interfaces: [ErrorInterface],
});
export const scheduleNotFound = (): Failure<'ScheduleNotFound'> => ({
  __typename: 'ScheduleNotFound',
  message: messages.scheduleNotFound,
});
