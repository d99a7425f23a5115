// OpenTelemetry traces, exported by OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. One trace follows a request
// from the gateway (its plan steps) to each subgraph (W3C `traceparent` on the signed hop: the signature binds the
// body, not this header, and a subgraph serves only signed hops, so a trace context reaches it only from the
// gateway), into Prisma's queries, and through the event bus: the outbox row keeps the `traceparent` of the request
// that wrote it and the event carries it, so a consumer's span joins the producer's trace.
// Off (the default, and always in the embedded mode), every helper here calls its function straight away: no span,
// no context lookup, no header.
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type Sampler, SamplingDecision, TracerProvider } from '@opentelemetry/sdk-trace';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export { SpanKind };

let provider: TracerProvider | undefined;
let stopping: (() => Promise<void>) | undefined;
const tracer = () => trace.getTracer('abri');

/** True once `startTracing` ran: the helpers below record spans. */
export const tracingEnabled = (): boolean => provider !== undefined;

export interface TracingOptions {
  /** `service.name` of every span of this process. */
  service: string;
  /** The collector's base URL (`http://otel-collector:4318`); spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** @default 1000 ms between batches sent to the collector */
  scheduledDelayMillis?: number;
}

/**
 * Traces start at a request (or an event that carries one): Prisma's spans outside any request (the outbox relay's
 * polling, timers) would each make a trace of their own every second, and are not recorded.
 */
const requestTraces: Sampler = {
  shouldSample(parentContext, _traceId, name) {
    const parent = trace.getSpanContext(parentContext);
    const sampled = parent
      ? (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED
      : !name.startsWith('prisma:');
    return { decision: sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  },
  toString: () => 'requestTraces',
};

/**
 * Registers the tracer provider, the context manager (async local storage), the W3C propagator and Prisma's
 * instrumentation for this process. Call once, at boot, before the Prisma clients are created. Returns what flushes
 * and stops it (on shutdown).
 */
export function startTracing(options: TracingOptions): () => Promise<void> {
  if (provider) throw new Error('tracing already started');
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const started = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    sampler: requestTraces,
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
        scheduledDelayMillis: options.scheduledDelayMillis ?? 1000,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(started);
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(started);
  prisma.enable();
  provider = started;
  stopping = async () => {
    prisma.disable();
    provider = undefined;
    stopping = undefined;
    await started.shutdown().catch(() => {});
  };
  return stopTracing;
}

/** Sends the spans still queued and stops tracing (a process that stops); nothing when tracing is off. */
export const stopTracing = async (): Promise<void> => stopping?.();

/** Runs `fn` inside a new active span (child of the active one), ended when `fn` settles; errors mark it failed. */
export function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!provider) return fn(undefined);
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Starts a span the caller ends (an HTTP request ends when its answer is sent); undefined when tracing is off. */
export function startSpan(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
): { span: Span; context: Context } | undefined {
  if (!provider) return undefined;
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `fn` with `ctx` active (from `startSpan`); `fn` itself when tracing is off. */
export const runIn = <T>(ctx: Context | undefined, fn: () => T): T => (ctx ? context.with(ctx, fn) : fn());

const getter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, unknown>, key: string) => {
    const value = carrier[key];
    return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
  },
};

/** The trace context in incoming headers (`traceparent`), or the root context (a new trace). */
export function contextFromHeaders(headers: Record<string, unknown>): Context {
  return provider ? propagation.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT;
}

/** Adds the active trace context (`traceparent`) to outgoing `headers`; nothing when tracing is off or no span runs. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (provider) propagation.inject(context.active(), headers);
  return headers;
}

/** The active span's `traceparent`, to keep with an event; null when tracing is off or no span runs. */
export function currentTraceparent(): string | null {
  if (!provider) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The `traceparent` naming `span` (an event published under it continues from there). */
export function traceparentOf(span: Span): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier.traceparent ?? null;
}

/** The context a kept `traceparent` names (a consumer's span joins the producer's trace); root when absent. */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!provider || !traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent }, getter);
}
