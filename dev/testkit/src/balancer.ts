// A TCP load balancer in front of the gateway replicas, as a phone sees the service: one address. Each new
// connection goes to the first replica of its list that accepts it, so a device stays on its replica until that
// replica dies, then lands on the next one, and comes back to the first only when it connects again.
import net from 'node:net';

export interface Balancer {
  /** The GraphQL URL through the balancer. */
  url: string;
  /** Backend chosen for each connection, in order (e.g. to see a device move). */
  connections: string[];
  stop(): Promise<void>;
}

export async function startBalancer(backends: string[]): Promise<Balancer> {
  const targets = backends.map((b) => new URL(b));
  const sockets = new Set<net.Socket>();
  const connections: string[] = [];
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const attempt = (index: number) => {
      const target = targets[index];
      if (!target) {
        client.destroy();
        return;
      }
      const upstream = net.connect(Number(target.port), target.hostname);
      const refused = () => {
        upstream.destroy();
        attempt(index + 1);
      };
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        connections.push(target.host);
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${targets[0]!.pathname}`,
    connections,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
