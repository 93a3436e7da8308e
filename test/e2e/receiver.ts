import { createServer, type IncomingHttpHeaders } from 'node:http';

export type Hit = { path: string; headers: IncomingHttpHeaders; body: string; answered: number };

/**
 * A real HTTP webhook receiver on loopback. `/ok/*` answers 200; `/flaky/*` answers 500 to the first
 * two tries of each webhook-id, then 200; `/gone/*` answers 410; `/limited/*` answers 429 with
 * `Retry-After: 6` to the first try, then 200; `/slow/*` holds the first try for `slowMs` before
 * answering 200, then answers the next at once; `/redirect/*` answers 302 to `redirectTo`.
 */
export async function startReceiver(opts: { redirectTo?: string; slowMs?: number } = {}) {
  const hits: Hit[] = [];
  const tries = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      const id = String(req.headers['webhook-id']);
      const n = (tries.get(`${path}|${id}`) ?? 0) + 1;
      tries.set(`${path}|${id}`, n);
      const answered = path.startsWith('/gone')
        ? 410
        : path.startsWith('/flaky') && n <= 2
          ? 500
          : path.startsWith('/limited') && n === 1
            ? 429
            : path.startsWith('/redirect')
              ? 302
              : 200;
      hits.push({ path, headers: req.headers, body, answered });
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (answered === 429) headers['retry-after'] = '6';
      if (answered === 302) headers.location = opts.redirectTo ?? '/ok/redirected';
      const answer = () => {
        res.writeHead(answered, headers);
        res.end(answered === 200 ? 'ok' : 'no');
      };
      if (path.startsWith('/slow') && n === 1) setTimeout(answer, opts.slowMs ?? 16_000);
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections(); // a held /slow answer must not keep the test waiting
      }),
  };
}
