import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionDO } from '../../src/core/session/session-do';
import worker from '../../src/index';
import { pay } from './client-helpers';
import { api, BASE, call, type Merchant, newMerchant, sessionBody } from './helpers';

/**
 * A counting wrapper around the real D1 binding, at the platform boundary: every statement the code
 * prepares (drizzle prepares one per query, batches included) or executes raw is counted, then runs on
 * the real database unchanged.
 */
function countingD1(db: D1Database): { db: D1Database; count: () => number } {
  let n = 0;
  const counted = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'prepare' || prop === 'exec') n += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, count: () => n };
}

/** The Worker's own fetch handler with the counting D1 in its env, as the runtime would call it. */
async function statusThrough(db: D1Database, token: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${BASE}/c/v1/sessions/${token}/status`),
    { ...env, DB: db } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; payment: { id: string } | null },
  };
}

/** Puts the counting D1 into the session's live object, in place of the binding it was built with. */
async function countInObject(token: string, db: D1Database) {
  const ns = env.SESSION_DO as unknown as DurableObjectNamespace<SessionDO>;
  await runInDurableObject(ns.get(ns.idFromName(token)), (instance) => {
    const self = instance as unknown as { env: Env };
    self.env = { ...self.env, DB: db };
  });
}

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

async function pixSession() {
  const created = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
    body: sessionBody({ payment_method: 'pix', gateway_first_try: null }),
  });
  const { token } = (await created.json()) as { token: string };
  // The page opens (its first status read builds the object's copy), then the customer pays.
  expect((await call(`/c/v1/sessions/${token}/status`)).status).toBe(200);
  const paid = await pay(token, { method: 'pix' });
  expect(paid.status).toBe(201);
  const { payment } = (await paid.json()) as { payment: { id: string } };
  return { token, paymentId: payment.id };
}

describe('live status from the SessionDO', () => {
  it('answers status reads of an open page without a single D1 query', async () => {
    const { token, paymentId } = await pixSession();
    const counter = countingD1(env.DB);
    await countInObject(token, counter.db);
    for (let i = 0; i < 5; i++) {
      const read = await statusThrough(counter.db, token);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ status: 'pending', payment: { id: paymentId, status: 'pending' } });
    }
    expect(counter.count()).toBe(0);

    // The settlement writes D1 (that is the record); the reads after it still do not.
    const settled = await api(`/api/v1/test/payments/${paymentId}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(settled.status).toBe(200);
    // Let the settlement's background work finish first: its events handed to the queue and read by
    // the consumer, which marks them (within the queue's one-second batch window).
    await expect
      .poll(
        () =>
          env.DB.prepare('SELECT count(*) AS n FROM events WHERE session_id = ? AND enqueued_at IS NULL')
            .bind(token)
            .first<{ n: number }>()
            .then((r) => r?.n),
        { timeout: 10_000 },
      )
      .toBe(0);
    const afterWrite = counter.count();
    expect(afterWrite).toBeGreaterThan(0);
    const read = await statusThrough(counter.db, token);
    expect(read.body).toMatchObject({ status: 'paid', redirect_url: 'https://mystore.com/order/success' });
    expect(counter.count()).toBe(afterWrite);
  });

  it('reads D1 once for a cold object, then answers from memory', async () => {
    const created = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: sessionBody({ payment_method: 'pix', gateway_first_try: null }),
    });
    const { token } = (await created.json()) as { token: string };
    const counter = countingD1(env.DB);
    await countInObject(token, counter.db);
    const first = await statusThrough(counter.db, token);
    expect(first.body).toMatchObject({ status: 'open', payment: null });
    expect(counter.count()).toBe(1);
    await statusThrough(counter.db, token);
    await statusThrough(counter.db, token);
    expect(counter.count()).toBe(1);
  });

  it('never serves a stale open after an expiry written to D1 behind the object', async () => {
    const created = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: sessionBody({ payment_method: 'pix', gateway_first_try: null, expires_in: 60 }),
    });
    const { token } = (await created.json()) as { token: string };
    expect((await (await call(`/c/v1/sessions/${token}/status`)).json()) as object).toMatchObject({
      status: 'open',
    });
    const row = await env.DB.prepare('SELECT expires_at FROM checkout_sessions WHERE id = ?')
      .bind(token)
      .first<{ expires_at: number }>();
    // A set-based sweep expires due sessions in D1 without asking their objects.
    await env.DB.prepare(
      "UPDATE checkout_sessions SET status = 'expired', version = version + 1 WHERE id = ?",
    )
      .bind(token)
      .run();
    const ns = env.SESSION_DO as unknown as DurableObjectNamespace<SessionDO>;
    await runInDurableObject(ns.get(ns.idFromName(token)), async (instance) => {
      // Its own copy still says open, but the clock says due: it reads expired, not the stale open.
      const view = await instance.status({ sessionId: token, baseUrl: BASE, now: row?.expires_at });
      expect(view?.view.status).toBe('expired');
    });
    // Its expiry attempt meets the newer version in D1, so it drops its copy and learns D1's state.
    await expect
      .poll(
        async () =>
          ((await (await call(`/c/v1/sessions/${token}/status`)).json()) as { status: string }).status,
      )
      .toBe('expired');
  });

  it('pushes every change over the WebSocket, starting with the current status', async () => {
    const { token, paymentId } = await pixSession();
    const res = await call(`/c/v1/sessions/${token}/live`, { headers: { upgrade: 'websocket' } });
    expect(res.status).toBe(101);
    const ws = res.webSocket as WebSocket;
    const seen: Array<{ status: string }> = [];
    ws.addEventListener('message', (e) => seen.push(JSON.parse(e.data as string)));
    ws.accept();
    await expect.poll(() => seen.map((s) => s.status)).toEqual(['pending']);
    const settled = await api(`/api/v1/test/payments/${paymentId}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(settled.status).toBe(200);
    await expect.poll(() => seen.map((s) => s.status)).toEqual(['pending', 'paid']);
    expect(seen[1]).toMatchObject({ redirect_url: 'https://mystore.com/order/success' });
    ws.close();
  });

  it('refuses a subscription from another origin, a plain GET and a malformed token', async () => {
    const { token } = await pixSession();
    const foreign = await call(`/c/v1/sessions/${token}/live`, {
      headers: { upgrade: 'websocket', origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect((await call(`/c/v1/sessions/${token}/live`)).status).toBe(400);
    expect((await call('/c/v1/sessions/cs_test_short/status')).status).toBe(404);
    expect((await call(`/c/v1/sessions/cs_test_${'x'.repeat(24)}/status`)).status).toBe(404);
  });
});
