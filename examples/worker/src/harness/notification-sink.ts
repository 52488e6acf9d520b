import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local webhook receiver that honours `Idempotency-Key` and counts what it got. */
export interface NotificationSink {
  /** `http://127.0.0.1:<port>/hook`. */
  readonly url: string;
  /** Requests per idempotency key (a key with 2 was sent twice). */
  readonly requestsByKey: ReadonlyMap<string, number>;
  /** Keys accepted as new deliveries: each once, like a receiver that honours the key. */
  readonly delivered: ReadonlySet<string>;
  /** Requests that repeated a key already delivered (answered 200 with `Idempotent-Replayed: true`). */
  readonly replays: number;
  /** Requests without a key (a bug in the sender). */
  readonly withoutKey: number;
  close(): Promise<void>;
}

/**
 * Starts a webhook receiver on 127.0.0.1 (a random port) for crash tests and benchmarks: every POST
 * is counted by its `Idempotency-Key`; the first with a key is a delivery, later ones are replays.
 */
export async function startNotificationSink(): Promise<NotificationSink> {
  const requestsByKey = new Map<string, number>();
  const delivered = new Set<string>();
  let replays = 0;
  let withoutKey = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') {
        withoutKey += 1;
        response.writeHead(400).end('missing Idempotency-Key');
        return;
      }
      requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
      if (delivered.has(key)) {
        replays += 1;
        response.writeHead(200, { 'idempotent-replayed': 'true' }).end('ok');
        return;
      }
      delivered.add(key);
      response.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requestsByKey,
    delivered,
    get replays() {
      return replays;
    },
    get withoutKey() {
      return withoutKey;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
