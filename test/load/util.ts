import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Server, startBorda } from '../e2e/server';

/** `LOAD_SCALE=full` runs the full sizes; anything else the CI sizes. */
export const FULL = process.env.LOAD_SCALE === 'full';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Json = Record<string, unknown>;
export type Reply = { status: number; body: Json };

/** One HTTP call to the local server; a body that is not JSON comes back as `{ raw }`. */
export async function http(
  method: string,
  url: string,
  opts: { key?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.key) headers['x-api-key'] = opts.key;
  const res = await fetch(url, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { raw: text.slice(0, 500) };
  }
  return { status: res.status, body };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the items' order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T, i);
  });
  await Promise.all(workers);
  return results;
}

/**
 * Polls `probe` every `everyMs` until it returns a value other than undefined or `ms` have passed;
 * returns the last probe result either way (undefined on time-out), never throws for time.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  opts: { ms: number; everyMs: number },
): Promise<T | undefined> {
  const end = Date.now() + opts.ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() + opts.everyMs > end) return undefined;
    await sleep(opts.everyMs);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export type Borda = {
  server: Server;
  stateDir: string;
  base: string;
  /** The demo merchant's test secret key. */
  key: string;
  webhookSecret: string;
  merchantId: string;
  /** Seconds after start-up at which wrangler dev reloaded the Worker (a watched file changed). */
  reloads: number[];
};

/**
 * Starts its own `npm start` (own temp data directory and port) for the enclosing describe block
 * and stops it afterwards. `env` is passed to npm start (e.g. WEBHOOK_RETRY_SCHEDULE).
 */
export function useBorda(name: string, env?: Record<string, string>): () => Borda {
  let borda: Borda | undefined;
  let stateDir = '';
  beforeAll(async () => {
    stateDir = mkdtempSync(path.join(tmpdir(), `borda-load-${name}-`));
    const started = Date.now();
    const server = await startBorda({ stateDir, env });
    const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      merchant_id: string;
      secret_keys: { test: string };
      webhook_secrets: { test: string; live: string };
    };
    const reloads: number[] = [];
    const ready = Date.now();
    // A reload drops in-flight queue messages and Durable Object calls: worth knowing when a run fails.
    for (const stream of [server.proc.stdout, server.proc.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('Reloading local server'))
          reloads.push(Math.round((Date.now() - ready) / 1000));
      });
    }
    borda = {
      reloads,
      server,
      stateDir,
      base: server.base,
      key: demo.secret_keys.test,
      webhookSecret: demo.webhook_secrets.test,
      merchantId: demo.merchant_id,
    };
    console.log(`[load:${name}] npm start ready on ${server.base} in ${seconds(Date.now() - started)}`);
  }, 200_000);
  afterAll(async () => {
    if (borda) {
      const trouble = troubleLines(borda);
      const distinct = [
        ...new Set(trouble.map((l) => l.replace(/\b(msg|evt|cs_test|pay|whd)_\w+/g, '$1_…'))),
      ];
      console.log(
        `[load:${name}] server log: ${trouble.length} error line(s), ` +
          `${borda.reloads.length} Worker reload(s)${borda.reloads.length > 0 ? ` at +${borda.reloads.join(', +')} s` : ''}` +
          (distinct.length > 0 ? `, e.g.\n  ${distinct.slice(0, 8).join('\n  ')}` : ''),
      );
    }
    await borda?.server.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  }, 60_000);
  return () => {
    if (!borda) throw new Error('the server did not start');
    return borda;
  };
}

/** Offline noise: wrangler cannot fetch the `Request.cf` object without network. */
const NOISE = /Request\.cf|workers\.cloudflare\.com|GetAddrInfoReqWrap/;

/** Server log lines that look like trouble (errors, failures, 5xx answers, Worker reloads). */
export function troubleLines(borda: Borda): string[] {
  const out = borda.server.output();
  // Only what came after the start-up banner (whose sample curl says "failed").
  return out
    .slice(Math.max(0, out.indexOf('--- end ---')))
    .split('\n')
    .filter((l) => /error|exception|uncaught| 5\d\d |failed|Reloading/i.test(l) && !NOISE.test(l));
}

/** The last trouble lines of the server log, for a failure message or a bug report. */
export function serverTrouble(borda: Borda, max = 40): string {
  const reloaded =
    borda.reloads.length > 0
      ? `wrangler dev reloaded the Worker ${borda.reloads.length} time(s) (a file it watches changed): ` +
        'in-flight queue messages and Durable Object calls were dropped, so this run proves little.\n'
      : '';
  return reloaded + troubleLines(borda).slice(-max).join('\n');
}
