import { createServer, type Server } from 'node:http';
import type { TestProject } from 'vitest/node';

/**
 * A real HTTP webhook receiver on loopback for the runtime tests (started in Node by vitest's global
 * setup; the tests in workerd reach it over the network). Paths:
 * - `/ok/*` answers 200 `{"received":true}`;
 * - `/fail/*` answers 500 `upstream exploded` (with a Set-Cookie header that must never be stored);
 * - `/gone/*` answers 410;
 * - `/long/*` answers 200 with a 2,000-byte body (multi-byte characters and control bytes);
 * - `/_hits?prefix=/x` lists the requests received under a prefix (path, webhook-id, body).
 */
export type ReceiverHit = {
  path: string;
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
};

let server: Server | undefined;

export async function setup(project: TestProject) {
  const hits: ReceiverHit[] = [];
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (req.method === 'GET' && path.startsWith('/_hits')) {
      const prefix = new URL(path, 'http://x').searchParams.get('prefix') ?? '/';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(hits.filter((h) => h.path.startsWith(prefix))));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      hits.push({
        path,
        webhookId: String(req.headers['webhook-id'] ?? ''),
        timestamp: String(req.headers['webhook-timestamp'] ?? ''),
        signature: String(req.headers['webhook-signature'] ?? ''),
        body,
      });
      if (path.startsWith('/fail')) {
        res.writeHead(500, { 'content-type': 'text/plain', 'set-cookie': 'secret=never-stored' });
        res.end('upstream exploded');
      } else if (path.startsWith('/gone')) {
        res.writeHead(410, { 'content-type': 'text/plain' });
        res.end('gone');
      } else if (path.startsWith('/long')) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        // 'ação' is 6 bytes: the 500-byte cut falls inside a character; \u0001 is a control byte.
        res.end(`\u0001${'ação-'.repeat(400)}`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"received":true}');
      }
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  project.provide('receiverBase', `http://127.0.0.1:${port}`);
}

export async function teardown() {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    receiverBase: string;
  }
}
