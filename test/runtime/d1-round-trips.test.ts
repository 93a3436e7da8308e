import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { CUSTOMER } from './client-helpers';
import { countingD1 } from './counting-d1';
import { BASE, createSession, type Merchant, newMerchant } from './helpers';

/**
 * D1 round trips on the hot read paths, pinned: a query added to one of them fails here. The Worker
 * runs against the real D1 binding seen through a counting pass-through proxy (counting-d1.ts).
 */

/** One request through the Worker's fetch handler over a counting D1; the calls it made. */
async function d1Calls(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; calls: number; statements: number; res: Response }> {
  const { db, counter } = countingD1(env.DB);
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), { ...env, DB: db }, ctx);
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return { status: res.status, calls: counter.calls, statements: counter.statements, res };
}

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Contada', country: 'BRA', allowed_origins: ['https://shop.example'] });
});

describe('D1 round trips per request', () => {
  it("create session: one statement (the insert, guarded by the mode's settings version) once the isolate has seen them", async () => {
    await createSession(m.secret_keys.test);
    const create = () =>
      d1Calls('/api/v1/checkout/sessions', {
        method: 'POST',
        headers: { authorization: `Bearer ${m.secret_keys.test}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          amount: 10000,
          currency: 'BRL',
          merchant_order_id: `ord_${crypto.randomUUID()}`,
          expires_in: 3600,
        }),
      });
    const made = await create();
    expect(made.status).toBe(201);
    expect([made.calls, made.statements]).toEqual([1, 1]);
    // Changed settings cost the one create that finds them changed a read and a second insert, not a
    // wrong session.
    await env.DB.prepare(
      "UPDATE merchant_mode_settings SET version = version + 1 WHERE merchant_id = ? AND mode = 'test'",
    )
      .bind(m.merchant_id)
      .run();
    const after = await create();
    expect(after.status).toBe(201);
    expect([after.calls, after.statements]).toEqual([3, 3]);
    const next = await create();
    expect([next.calls, next.statements]).toEqual([1, 1]);
  });

  it('first page view: one read (session and its mode settings), nothing in the background', async () => {
    const s = await createSession(m.secret_keys.test);
    const first = await d1Calls(`/checkout/${s.token}`);
    expect(first.status).toBe(200);
    expect(first.res.headers.get('x-borda-cache')).toBe('miss');
    expect(first.calls).toBe(1);
  });

  it('a page view the isolate remembers: one read (who may frame the page)', async () => {
    const s = await createSession(m.secret_keys.test);
    await d1Calls(`/checkout/${s.token}`);
    const again = await d1Calls(`/checkout/${s.token}`);
    expect(again.status).toBe(200);
    expect(again.res.headers.get('x-borda-cache')).toBe('hit');
    expect(again.calls).toBe(1);
  });

  it('client API session read: one read', async () => {
    const s = await createSession(m.secret_keys.test);
    const read = await d1Calls(`/c/v1/sessions/${s.token}`);
    expect(read.status).toBe(200);
    expect(read.calls).toBe(1);
  });

  it("PIX payment: the Worker's one read (the session with its gateway accounts); the SessionDO's two guarded batches are its own", async () => {
    const s = await createSession(m.secret_keys.test, { payment_method: 'pix' });
    const paid = await d1Calls(`/c/v1/sessions/${s.token}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ method: 'pix', customer: CUSTOMER }),
    });
    expect(paid.status).toBe(201);
    expect(paid.calls).toBe(1);
  });
});
