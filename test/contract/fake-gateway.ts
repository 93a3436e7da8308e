import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

/** One request as the fake gateway received it off the wire. */
export type Received = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
};

/** What a route answers: a status and a JSON body, or `hang` to never answer (a timeout). */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export type Route = (req: Received) => Answer | Promise<Answer>;

/**
 * A gateway played by a real HTTP server on loopback, for contract tests of a connector: the
 * connector under test calls it through its API base override exactly as it would call the gateway,
 * so the test checks what goes over the wire (auth header, idempotency header, body, units) and the
 * connector's reading of the documented answers. Routes are matched by `METHOD /path` (the path
 * without its query); `:id` segments match anything. Unmatched requests get 404.
 */
export async function startFakeGateway(routes: Record<string, Route>) {
  const received: Received[] = [];
  const hanging = new Set<ServerResponse>();
  const table = Object.entries(routes).map(([key, route]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const re = new RegExp(`^${pattern.replace(/:[a-zA-Z_]+/g, '[^/]+')}$`);
    return { method, re, route };
  });
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      let json: unknown = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {
        json = null;
      }
      const r: Received = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json,
      };
      received.push(r);
      const hit = table.find((t) => t.method === r.method && t.re.test(r.path));
      const answer: Answer = hit ? await hit.route(r) : { status: 404, body: { message: 'not found' } };
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    /** The requests whose `METHOD /path` matches, in order. */
    calls: (method: string, path: string | RegExp) =>
      received.filter(
        (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
      ),
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.close(() => r());
      }),
  };
}

export type FakeGateway = Awaited<ReturnType<typeof startFakeGateway>>;
