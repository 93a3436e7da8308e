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

const hitsFor = (token: string, prefix: string) =>
  receiver.hits.filter((h) => h.path.startsWith(prefix) && h.body.includes(token));

beforeAll(async () => {
  [borda, receiver] = await Promise.all([startBorda({ stateDir }), startReceiver()]);
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  // Loopback webhook URLs are accepted because npm start's local settings allow them.
  expect(
    (await call('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/default') })).status,
  ).toBe(200);
  expiring = await session({ expires_in: 60 });
});

afterAll(async () => {
  await receiver?.close();
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
    await new Promise((r) => setTimeout(r, 3000));
    expect(hitsFor(s.token, '/flaky/a')).toHaveLength(3); // nothing after the success
    const eventId = String(hits[0]?.headers['webhook-id']);
    const event = await call('GET', `/api/v1/events/${eventId}`);
    const [delivery] = event.body.deliveries as Array<{
      status: string;
      attempts: Array<{ status_code: number }>;
    }>;
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
  }, 100_000);

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
