import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../outbox/package/fixtures';

export type FaultProxyOptions = {
  /** Seed for the cut points. */
  seed: number;
  /** Each connection is cut after a random number of client->server bytes in [min, max]; null: never. */
  cutAfter?: [number, number] | null;
  /** Client->server throughput cap (bytes/s), so tests can act while an upload is in flight. */
  bytesPerSecond?: number;
  /** Stop cutting after this many cuts (so a test always ends). */
  maxCuts?: number;
};

export type FaultProxy = {
  url: string;
  port: number;
  stats: { connections: number; cuts: number; bytesUp: number };
  close(): Promise<void>;
};

/** A loopback TCP proxy that cuts connections after N bytes (fixed seed) and can throttle uploads. */
export async function startFaultProxy(targetPort: number, opts: FaultProxyOptions): Promise<FaultProxy> {
  const rnd = mulberry32(opts.seed);
  const stats = { connections: 0, cuts: 0, bytesUp: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    stats.connections++;
    sockets.add(client);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    const cutAt =
      opts.cutAfter && stats.cuts < (opts.maxCuts ?? Infinity)
        ? opts.cutAfter[0] + Math.floor(rnd() * (opts.cutAfter[1] - opts.cutAfter[0] + 1))
        : Infinity;
    let sent = 0;
    let dead = false;
    const kill = (): void => {
      if (dead) return;
      dead = true;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', kill);
    upstream.on('close', kill);
    upstream.on('data', (d: Buffer) => {
      if (!dead) client.write(d);
    });
    client.on('data', (d: Buffer) => {
      if (dead) return;
      let chunk = d;
      if (sent + chunk.length >= cutAt) {
        chunk = chunk.subarray(0, cutAt - sent);
        upstream.write(chunk, () => {
          stats.cuts++;
          kill();
        });
        sent += chunk.length;
        stats.bytesUp += chunk.length;
        return;
      }
      sent += chunk.length;
      stats.bytesUp += chunk.length;
      const ok = upstream.write(chunk);
      if (opts.bytesPerSecond) {
        client.pause();
        setTimeout(() => !dead && client.resume(), Math.ceil((chunk.length / opts.bytesPerSecond) * 1000));
      } else if (!ok) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
