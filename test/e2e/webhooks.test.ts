import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hit, startReceiver } from './receiver';
import { type Server, startBorda } from './server';

let borda: Server;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** Where /redirect/* points: a second real receiver that must never be called. */
let elsewhere: Awaited<ReturnType<typeof startReceiver>>;
let demo: { secret_keys: { test: string }; webhook_secrets: { test: string; live: string } };
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-webhooks-'));
let expiring: { token: string };

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let seq = 0;
async function session(extra: Record<string, unknown>) {
  seq += 1;
  const r = await call('POST', '/api/v1/checkout/sessions', {
    amount: 15000,
    currency: 'BRL',
    merchant_order_id: `WH-${Date.now()}-${seq}`,
    ...extra,
  });
  expect(r.status).toBe(201);
  return r.body as { token: string };
}

async function payByCard(token: string) {
  const res = await fetch(`${borda.base}/c/v1/sessions/${token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      method: 'card',
      customer: { name: 'Maria Silva', email: 'maria@example.com', document: '52998224725' },
      card: {
        number: '4242424242424242',
        holder_name: 'MARIA SILVA',
        exp_month: 12,
        exp_year: 2035,
        cvc: '123',
      },
    }),
  });
  expect(res.status).toBe(201);
}

async function until<T>(probe: () => T | undefined | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Delivery = {
  status: string;
  attempts: Array<{
    status_code: number | null;
    error: string | null;
    latency_ms: number;
    attempted_at: string;
  }>;
};

/** Polls the event's first delivery until `ready` holds (Borda records attempts after the receiver answers). */
async function deliveryOf(eventId: string, ready: (d: Delivery) => boolean, ms = 60_000): Promise<Delivery> {
  const end = Date.now() + ms;
  for (;;) {
    const e = await call('GET', `/api/v1/events/${eventId}`);
    const d = (e.body.deliveries as Delivery[] | undefined)?.[0];
    if (d && ready(d)) return d;
    if (Date.now() > end) throw new Error(`delivery of ${eventId} never got there: ${JSON.stringify(d)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const hitsFor = (token: string, prefix: string) =>
  receiver.hits.filter((h) => h.path.startsWith(prefix) && h.body.includes(token));

beforeAll(async () => {
  elsewhere = await startReceiver();
  [borda, receiver] = await Promise.all([
    startBorda({ stateDir }),
    startReceiver({ redirectTo: elsewhere.url('/ok/followed') }),
  ]);
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  // Loopback webhook URLs are accepted because npm start's local settings allow them.
  expect(
    (await call('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/default') })).status,
  ).toBe(200);
  expiring = await session({ expires_in: 60 });
});

afterAll(async () => {
  await receiver?.close();
  await elsewhere?.close();
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('webhooks against the real local server', () => {
  it("delivers a paid session's events, verifiable by standardwebhooks and by recomputing X-Signature", async () => {
    const s = await session({ payment_method: 'card' });
    await payByCard(s.token);
    const hits = await until(() => {
      const h = hitsFor(s.token, '/ok/default');
      return h.length >= 2 ? h : undefined;
    }, 15_000);
    const wh = new Webhook(demo.webhook_secrets.test);
    const types = hits
      .map((h) => (wh.verify(h.body, h.headers as Record<string, string>) as { type: string }).type)
      .sort();
    expect(types).toEqual(['checkout_session.finished', 'payment.success']);
    for (const h of hits) {
      expect(h.headers['x-signature']).toBe(
        createHmac('sha256', demo.webhook_secrets.test).update(h.body).digest('hex'),
      );
    }
  });

  it('retries a receiver that fails twice, then succeeds: one 2xx, the same webhook-id each time', async () => {
    const s = await session({ notification_url: receiver.url('/flaky/a') });
    await call('POST', `/api/v1/checkout/sessions/${s.token}/expire`);
    const hits: Hit[] = await until(() => {
      const h = hitsFor(s.token, '/flaky/a');
      return h.some((x) => x.answered === 200) ? h : undefined;
    }, 75_000); // retries come after ~2 s and ~4 s; the margin is for a loaded machine
    expect(hits.map((h) => h.answered)).toEqual([500, 500, 200]);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    // Delivered is final: no retry is scheduled after it, so no fourth hit can come.
    const delivery = await deliveryOf(
      String(hits[0]?.headers['webhook-id']),
      (d) => d.status === 'delivered',
    );
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
    expect(hitsFor(s.token, '/flaky/a')).toHaveLength(3);
  }, 100_000);

  it('does not follow a redirect: the receiver it points to is never called', async () => {
    const s = await session({ notification_url: receiver.url('/redirect/a') });
    await call('POST', `/api/v1/checkout/sessions/${s.token}/expire`);
    const [hit] = await until(() => {
      const h = hitsFor(s.token, '/redirect/a');
      return h.length > 0 ? h : undefined;
    }, 15_000);
    const d = await deliveryOf(String(hit?.headers['webhook-id']), (x) => x.attempts.length > 0);
    expect(d.attempts[0]?.status_code).toBe(302);
    expect(d.status).toBe('pending'); // a redirect is a failed attempt, retried at the same URL
    expect(elsewhere.hits).toEqual([]);
  });

  it('cuts off a receiver that holds the answer past 15 s, records the timeout and retries', async () => {
    const s = await session({ notification_url: receiver.url('/slow/a') });
    await call('POST', `/api/v1/checkout/sessions/${s.token}/expire`);
    const [hit] = await until(() => {
      const h = hitsFor(s.token, '/slow/a');
      return h.length > 0 ? h : undefined;
    }, 15_000);
    const d = await deliveryOf(String(hit?.headers['webhook-id']), (x) => x.status === 'delivered', 90_000);
    const [first, second] = d.attempts;
    expect(first).toMatchObject({ status_code: null, error: 'timeout after 15000 ms' });
    expect(first?.latency_ms).toBeGreaterThanOrEqual(14_900);
    expect(first?.latency_ms).toBeLessThan(16_000); // cut off, not waited out (the receiver holds 16 s)
    expect(second?.status_code).toBe(200);
  }, 120_000);

  it('honours a 429 Retry-After that is longer than its own next retry', async () => {
    const s = await session({ notification_url: receiver.url('/limited/a') });
    await call('POST', `/api/v1/checkout/sessions/${s.token}/expire`);
    const hits = await until(() => {
      const h = hitsFor(s.token, '/limited/a');
      return h.some((x) => x.answered === 200) ? h : undefined;
    }, 60_000);
    expect(hits.map((h) => h.answered)).toEqual([429, 200]);
    const d = await deliveryOf(String(hits[0]?.headers['webhook-id']), (x) => x.status === 'delivered');
    const [a, b] = d.attempts.map((x) => Date.parse(x.attempted_at));
    // The local schedule would retry after 2 s; the receiver asked for 6 s.
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(5_500);
  }, 90_000);

  it('disables a receiver that answers 410', async () => {
    const s = await session({ notification_url: receiver.url('/gone/a') });
    await call('POST', `/api/v1/checkout/sessions/${s.token}/expire`);
    const [hit] = await until(() => {
      const h = hitsFor(s.token, '/gone/a');
      return h.length > 0 ? h : undefined;
    }, 15_000);
    const eventId = String(hit?.headers['webhook-id']);
    const detail = await (async () => {
      for (let i = 0; i < 50; i++) {
        const e = await call('GET', `/api/v1/events/${eventId}`);
        const d = (e.body.deliveries as Array<{ status: string }>)[0];
        if (d?.status === 'disabled') return d;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    })();
    expect(detail).toMatchObject({ status: 'disabled' });
  });

  it('expires a session left alone by the cron, and its webhook arrives', async () => {
    const res = await fetch(`${borda.base}/api/v1/checkout/sessions/${expiring.token}`, {
      headers: { 'x-api-key': demo.secret_keys.test },
    });
    const { expires_at } = (await res.json()) as { expires_at: string };
    const wait = Date.parse(expires_at) - Date.now() + 1000;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // wrangler dev runs cron only by hand (npm start passes --test-scheduled).
    expect((await fetch(`${borda.base}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
    const [hit] = await until(() => {
      const h = hitsFor(expiring.token, '/ok/default');
      return h.length > 0 ? h : undefined;
    }, 20_000);
    const payload = new Webhook(demo.webhook_secrets.test).verify(
      hit?.body ?? '',
      hit?.headers as Record<string, string>,
    ) as {
      type: string;
      data: { id: string; status: string };
    };
    expect(payload).toMatchObject({
      type: 'checkout_session.expired',
      data: { id: expiring.token, status: 'expired' },
    });
  }, 90_000);
});
