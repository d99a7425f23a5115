// Devices for bench/fanout.ts, in a process of their own (forked, commands over IPC) so that thousands of clients do
// not share the gateway's event loop nor the driver's. Each device is one WebSocket (the SDK's graphql-ws client)
// with one claimStatusChanged subscription from the start of its customer's stream; every event is stamped on
// arrival with the machine's wall clock in milliseconds (`performance.timeOrigin + performance.now()`, comparable
// across processes), with its cursor's outbox id and its status.
import { performance } from 'node:perf_hooks';
import { AbriClient } from '@abri/sdk';
import type { Client } from 'graphql-ws';

export interface DeviceSpec {
  url: string;
  token: string;
}
export type WorkerCommand =
  | { type: 'open'; devices: DeviceSpec[]; query: string; batch: number }
  | { type: 'report' }
  | { type: 'close' };
/** Per device: `[outbox id, status, arrival ms]` per event, then failures. */
export interface WorkerReport {
  type: 'report';
  arrivals: [number, string, number][][];
  errors: number[];
  failures: (string | null)[];
  closeCodes: (number | null)[];
}
export type WorkerMessage =
  | { type: 'opened'; ms: number; failed: number; firstFailure: string | null }
  | { type: 'count'; received: number }
  | { type: 'progress'; opened: number; failed: number }
  | WorkerReport
  | { type: 'closed' };

const now = () => performance.timeOrigin + performance.now();
const send = (message: WorkerMessage) => process.send!(message);

interface Device {
  socket: Client;
  arrivals: [number, string, number][];
  errors: number;
  failure: string | null;
  closeCode: number | null;
}
const devices: Device[] = [];
let received = 0;
let counting: NodeJS.Timeout | undefined;

function open(spec: DeviceSpec, query: string): Promise<Device> {
  const client = new AbriClient(spec.url);
  client.accessToken = spec.token;
  const socket = client.socket();
  const device: Device = { socket, arrivals: [], errors: 0, failure: null, closeCode: null };
  const connected = new Promise<void>((resolve, reject) => {
    socket.on('connected', () => resolve());
    socket.on('closed', (event) => {
      const code = (event as { code?: number }).code ?? -1;
      device.closeCode ??= code;
      reject(new Error(`socket closed ${code}`));
    });
  });
  socket.subscribe<{ claimStatusChanged: { cursor: string; status: string } }>(
    { query, variables: { after: 'claims.0' } },
    {
      next: (result) => {
        const at = now();
        const event = result.data?.claimStatusChanged;
        if (result.errors || !event) device.errors++;
        else device.arrivals.push([Number(event.cursor.split('.')[1]), event.status, at]);
        received++;
      },
      error: (error) => {
        device.failure ??= error instanceof Error ? error.message : JSON.stringify(error);
      },
      complete: () => {
        device.failure ??= 'completed by the server';
      },
    },
  );
  // A device that neither connects nor closes within the limit counts as failed (and is closed).
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not connected within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
  });
  return Promise.race([connected, timeout])
    .then(() => device)
    .catch((error: unknown) => {
      void socket.dispose();
      throw error;
    })
    .finally(() => clearTimeout(timer));
}
const OPEN_TIMEOUT_MS = 60_000;

process.on('message', (command: WorkerCommand) => {
  void (async () => {
    if (command.type === 'open') {
      const started = performance.now();
      let failed = 0;
      let firstFailure: string | null = null;
      const progress = setInterval(() => send({ type: 'progress', opened: devices.length, failed }), 1000);
      for (let i = 0; i < command.devices.length; i += command.batch) {
        const batch = command.devices.slice(i, i + command.batch).map((spec) => open(spec, command.query));
        for (const outcome of await Promise.allSettled(batch)) {
          if (outcome.status === 'fulfilled') devices.push(outcome.value);
          else {
            failed++;
            firstFailure ??= String(outcome.reason);
          }
        }
      }
      clearInterval(progress);
      send({ type: 'opened', ms: performance.now() - started, failed, firstFailure });
      let told = -1;
      counting = setInterval(() => {
        if (received === told) return;
        told = received;
        send({ type: 'count', received });
      }, 100);
    } else if (command.type === 'report') {
      send({
        type: 'report',
        arrivals: devices.map((d) => d.arrivals),
        errors: devices.map((d) => d.errors),
        failures: devices.map((d) => d.failure),
        closeCodes: devices.map((d) => d.closeCode),
      });
    } else if (command.type === 'close') {
      clearInterval(counting);
      await Promise.all(devices.map((d) => d.socket.dispose()));
      send({ type: 'closed' });
      process.exit(0);
    }
  })();
});
process.on('disconnect', () => process.exit(0));
// graphql-ws may reject a connection attempt nobody awaits when a device is disposed while it connects (the open
// timeout): that device already counts as failed, the process must not end for it.
process.on('unhandledRejection', () => {});
