import { createServer, type IncomingHttpHeaders } from 'node:http';

export type WebhookSeen = {
  /** Requests that carried this webhook-id. */
  attempts: number;
  /** How many of them were answered 200. */
  ok: number;
  /** The first request answered 200, kept to verify its signature (as of when it arrived). */
  firstOk?: { body: string; headers: IncomingHttpHeaders; receivedAt: number };
};

/**
 * A real webhook receiver on 127.0.0.1 that answers 500 to a random `failRate` share of requests
 * and 200 to the rest, and remembers every `webhook-id` it saw.
 */
export async function startFlakyReceiver(failRate: number, random: () => number = Math.random) {
  const seen = new Map<string, WebhookSeen>();
  const totals = { requests: 0, failed: 0, ok: 0, withoutId: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['webhook-id'];
      const id = typeof header === 'string' ? header : undefined;
      const fail = random() < failRate;
      totals.requests += 1;
      if (fail) totals.failed += 1;
      else totals.ok += 1;
      if (id === undefined) totals.withoutId += 1;
      else {
        const entry = seen.get(id) ?? { attempts: 0, ok: 0 };
        entry.attempts += 1;
        if (!fail) {
          entry.ok += 1;
          entry.firstOk ??= { body, headers: req.headers, receivedAt: Date.now() };
        }
        seen.set(id, entry);
      }
      res.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(fail ? 'no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    seen,
    totals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FlakyReceiver = Awaited<ReturnType<typeof startFlakyReceiver>>;
