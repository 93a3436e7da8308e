import { createServer, type IncomingHttpHeaders } from 'node:http';

export type Hit = { path: string; headers: IncomingHttpHeaders; body: string; answered: number };

/**
 * A real HTTP webhook receiver on loopback. `/ok/*` answers 200; `/flaky/*` answers 500 to the first
 * two tries of each webhook-id, then 200; `/gone/*` answers 410.
 */
export async function startReceiver() {
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
      const answered = path.startsWith('/gone') ? 410 : path.startsWith('/flaky') && n <= 2 ? 500 : 200;
      hits.push({ path, headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' });
      res.end(answered === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
