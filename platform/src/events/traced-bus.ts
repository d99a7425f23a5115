// Durable consumers' spans: each event handled is a span in the trace of the request that produced it (the event
// carries its `traceparent`), so « declare a claim → users sends the e-mail » reads as one trace. A pass-through when
// tracing is off.
import { contextFromTraceparent, SpanKind, tracingEnabled, withSpan } from '../tracing.ts';
import type { EventBus } from './bus.ts';

export function withConsumerSpans(bus: EventBus, service: string): EventBus {
  if (!tracingEnabled()) return bus;
  return {
    publish: (event) => bus.publish(event),
    publishAll: (source, events) => bus.publishAll(source, events),
    acknowledgeHistoryLoss: (source) => bus.acknowledgeHistoryLoss(source),
    subscribe: (event, handler, only) => bus.subscribe(event, handler, only),
    ping: () => bus.ping(),
    health: () => bus.health(),
    close: () => bus.close(),
    ...(bus.consumerLag ? { consumerLag: () => bus.consumerLag!() } : {}),
    consume: (descriptor, group, handler) =>
      bus.consume(descriptor, group, (event) =>
        withSpan(
          `consume ${descriptor.topic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextFromTraceparent(event.trace),
            attributes: {
              'service.component': service,
              'messaging.system': 'abri-bus',
              'messaging.destination.name': descriptor.topic,
              'messaging.consumer.group.name': group,
              'messaging.message.id': `${event.source}.${event.id}`,
            },
          },
          () => handler(event),
        ),
      ),
    // One span per batch, in the trace of its first event (the others' traces are told by their ids).
    consumeBatch: (descriptor, group, handler) =>
      bus.consumeBatch(descriptor, group, (events) =>
        withSpan(
          `consume ${descriptor.topic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextFromTraceparent(events[0]?.trace),
            attributes: {
              'service.component': service,
              'messaging.system': 'abri-bus',
              'messaging.destination.name': descriptor.topic,
              'messaging.consumer.group.name': group,
              'messaging.batch.message_count': events.length,
              'messaging.message.id': events.map((e) => `${e.source}.${e.id}`).join(','),
            },
          },
          () => handler(events),
        ),
      ),
  };
}
