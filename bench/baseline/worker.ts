// The benchmark's baseline: each route does only the essential I/O of the Borda operation it stands
// for, on the same runtime (workerd via wrangler dev), so Borda's figures can be read as a multiple
// of the floor. Tables: see SCHEMA_SQL in bench/lib/baseline.mjs (same columns as checkout_sessions
// and payments).
//   POST /session     one D1 insert of a session-sized row, a JSON answer of Borda's size
//   GET  /cached/:id  a cached page view: one D1 select by primary key (who may frame the page is
//                     read on every view, as Borda must), then a static page of Borda's size with a
//                     fresh nonce and the checkout page's security headers (page.ts)
//   GET  /page/:id    a first page view: one D1 select by primary key, then a page of Borda's size
//                     and element count rendered with hono/jsx from the row's fields, a fresh nonce
//                     and the same headers (page.ts). A static string here would leave out the
//                     render, which a first view cannot skip.
//   POST /pay/:id     one D1 select by primary key, then one Durable Object call that runs two D1
//                     batches of two writes: the attempt before the gateway call and its outcome after
//   GET  /status/:id  one Durable Object call that runs one D1 batch of two reads
//   GET  /read/:id    one D1 select by primary key
import { DurableObject } from 'cloudflare:workers';
import { fillNonce, newNonce, pageHeaders, renderPage } from './page';

type BaselineEnv = {
  DB: D1Database;
  BASE_DO: DurableObjectNamespace<BaselineDO>;
  PAGE_BYTES: string;
  SESSION_BYTES: string;
};

type Customer = { name?: string; email?: string; document?: string };

const SESSION_COLUMNS = [
  'id',
  'merchant_id',
  'mode',
  'status',
  'amount',
  'currency',
  'country',
  'merchant_order_id',
  'payment_method',
  'gateway_first_try',
  'description',
  'locale',
  'customer',
  'metadata',
  'payment_settings',
  'success_url',
  'cancel_url',
  'notification_url',
  'checkout_url',
  'expires_at',
  'created_at',
  'updated_at',
  'version',
  'payment_failure_url',
];
const INSERT_SESSION = `INSERT INTO sessions (${SESSION_COLUMNS.join(', ')}) VALUES (${SESSION_COLUMNS.map(() => '?').join(', ')})`;

let page: string | null = null;

function staticPage(bytes: number): string {
  if (page?.length === bytes) return page;
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title><style nonce="__BASE_NONCE__"></style></head><body><p>';
  const tail = '</p><script nonce="__BASE_NONCE__"></script></body></html>';
  page = head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
  return page;
}

function htmlResponse(html: string): Response {
  const nonce = newNonce();
  return new Response(fillNonce(html, nonce), { headers: pageHeaders(nonce) });
}

function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return `${prefix}_${out}`;
}

/** JSON of `value` padded with a filler field to at least `bytes` characters (Borda's answer size). */
function paddedJson(value: Record<string, unknown>, bytes: number, status = 200): Response {
  let text = JSON.stringify(value);
  const missing = bytes - text.length - ',"pad":""'.length;
  if (missing > 0) text = JSON.stringify({ ...value, pad: 'x'.repeat(missing) });
  return new Response(text, { status, headers: { 'content-type': 'application/json' } });
}

export class BaselineDO extends DurableObject<BaselineEnv> {
  /** A state change: record the attempt and move the session, in one D1 batch (one transaction). */
  async pay(sessionId: string, customer: Customer): Promise<Record<string, unknown>> {
    const now = Date.now();
    const payment = {
      id: randomId('pay'),
      session_id: sessionId,
      method: 'pix',
      status: 'pending',
      amount: 15000,
      currency: 'BRL',
      // About the size of the PIX details Borda stores (BR Code payload and expiry).
      details: JSON.stringify({ pix: { payload: 'x'.repeat(220), expires_at: now + 1_800_000 } }),
      customer: JSON.stringify(customer),
    };
    const db = this.env.DB;
    const [, updated] = await db.batch([
      db
        .prepare(
          'INSERT INTO payments (id, session_id, merchant_id, mode, method, gateway, status, amount, currency, installments, details, customer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(
          payment.id,
          sessionId,
          'mer_baseline',
          'test',
          payment.method,
          'sandbox',
          payment.status,
          payment.amount,
          payment.currency,
          1,
          payment.details,
          payment.customer,
          now,
          now,
        ),
      db
        .prepare(
          "UPDATE sessions SET status = 'pending', version = version + 1, updated_at = ? WHERE id = ? RETURNING status",
        )
        .bind(now, sessionId),
    ]);
    // The outcome, as a second guarded write after the (here instant) gateway call.
    await db.batch([
      db
        .prepare("UPDATE payments SET status = 'pending', details = ?, updated_at = ? WHERE id = ?")
        .bind(payment.details, Date.now(), payment.id),
      db
        .prepare('UPDATE sessions SET version = version + 1, updated_at = ? WHERE id = ?')
        .bind(Date.now(), sessionId),
    ]);
    return { payment, status: (updated?.results[0] as { status?: string } | undefined)?.status ?? null };
  }

  /** What a status poll needs: the session's status and its latest payment, in one D1 batch. */
  async status(sessionId: string): Promise<Record<string, unknown>> {
    const db = this.env.DB;
    const [session, payment] = await db.batch([
      db.prepare('SELECT status, expires_at, success_url FROM sessions WHERE id = ?').bind(sessionId),
      db
        .prepare(
          'SELECT id, status, method, amount, currency FROM payments WHERE session_id = ? ORDER BY created_at DESC LIMIT 1',
        )
        .bind(sessionId),
    ]);
    return { session: session?.results[0] ?? null, payment: payment?.results[0] ?? null };
  }
}

async function createSession(request: Request, env: BaselineEnv): Promise<Response> {
  const input = (await request.json()) as Record<string, unknown>;
  const now = Date.now();
  const id = randomId('cs_base');
  const row: Record<string, unknown> = {
    id,
    merchant_id: 'mer_baseline',
    mode: 'test',
    status: 'open',
    amount: input.amount ?? 0,
    currency: input.currency ?? 'BRL',
    country: 'BRA',
    merchant_order_id: input.merchant_order_id ?? id,
    payment_method: input.payment_method ?? null,
    gateway_first_try: input.gateway_first_try ?? null,
    description: input.description ?? null,
    locale: input.locale ?? null,
    customer: input.customer ? JSON.stringify(input.customer) : null,
    metadata: JSON.stringify(input.metadata ?? {}),
    payment_settings: null,
    success_url: input.success_url ?? null,
    cancel_url: input.cancel_url ?? null,
    notification_url: input.notification_url ?? null,
    checkout_url: `${new URL(request.url).origin}/checkout/${id}`,
    expires_at: now + 1_800_000,
    created_at: now,
    updated_at: now,
    version: 0,
    payment_failure_url: null,
  };
  await env.DB.prepare(INSERT_SESSION)
    .bind(...SESSION_COLUMNS.map((c) => row[c]))
    .run();
  return paddedJson({ token: id, ...row }, Number(env.SESSION_BYTES), 201);
}

export default {
  async fetch(request: Request, env: BaselineEnv): Promise<Response> {
    const url = new URL(request.url);
    const [, route, id] = url.pathname.split('/');
    if (request.method === 'GET' && route === 'page' && id) {
      const row = await env.DB.prepare('SELECT * FROM sessions WHERE id = ?').bind(id).first();
      if (!row) return new Response('not found', { status: 404 });
      return htmlResponse(await renderPage(row, Number(env.PAGE_BYTES)));
    }
    if (request.method === 'GET' && route === 'cached' && id) {
      const row = await env.DB.prepare('SELECT status FROM sessions WHERE id = ?').bind(id).first();
      if (!row) return new Response('not found', { status: 404 });
      return htmlResponse(staticPage(Number(env.PAGE_BYTES)));
    }
    if (request.method === 'POST' && route === 'session') return createSession(request, env);
    if (request.method === 'POST' && route === 'pay' && id) {
      const body = (await request.json()) as { customer?: Customer };
      if (!(await env.DB.prepare('SELECT * FROM sessions WHERE id = ?').bind(id).first())) {
        return Response.json({ error: 'not_found' }, { status: 404 });
      }
      const stub = env.BASE_DO.get(env.BASE_DO.idFromName(id));
      return Response.json(await stub.pay(id, body.customer ?? {}), { status: 201 });
    }
    if (request.method === 'GET' && route === 'status' && id) {
      const stub = env.BASE_DO.get(env.BASE_DO.idFromName(id));
      return Response.json(await stub.status(id), { headers: { 'cache-control': 'no-store' } });
    }
    if (request.method === 'GET' && route === 'read' && id) {
      const row = await env.DB.prepare('SELECT * FROM sessions WHERE id = ?').bind(id).first();
      return row ? Response.json(row) : Response.json({ error: 'not_found' }, { status: 404 });
    }
    if (route === 'health') return new Response('ok');
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<BaselineEnv>;
