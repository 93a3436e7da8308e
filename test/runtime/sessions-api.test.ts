import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createSession, type Merchant, newMerchant, sessionBody } from './helpers';

let m: Merchant;
let key: string;
beforeAll(async () => {
  m = await newMerchant();
  key = m.secret_keys.test;
});

async function eventsOf(sessionId: string) {
  const { results } = await env.DB.prepare('SELECT type FROM events WHERE session_id = ? ORDER BY created_at')
    .bind(sessionId)
    .all<{ type: string }>();
  return results.map((r) => r.type);
}

describe('POST /api/v1/checkout/sessions', () => {
  it("answers seed 001's example request field for field", async () => {
    const request = {
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: 'ORD-123',
      payment_method: 'card',
      gateway_first_try: 'pagarme',
      expires_in: 1800,
      metadata: {},
      success_url: 'https://mystore.com/order/success',
      cancel_url: 'https://mystore.com/order/failed',
    };
    const before = Date.now();
    const res = await api('/api/v1/checkout/sessions', key, { body: request });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    const { token, expires_at, ...echoed } = body;
    expect(token).toMatch(/^cs_test_[0-9A-Za-z]{24}$/);
    const { expires_in: _lifetime, ...echoable } = request;
    expect(echoed).toMatchObject(echoable);
    expect(expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const expiresMs = Date.parse(expires_at as string);
    expect(expiresMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 1800_000);
    expect(expiresMs).toBeLessThanOrEqual(Date.now() + 1800_000);
    expect(body).toMatchObject({ id: token, status: 'open', livemode: false, country: 'BRA' });
    expect(body.checkout_url).toBe(`https://borda.test/checkout/${token}`);
    for (const field of [
      'token',
      'amount',
      'currency',
      'merchant_order_id',
      'payment_method',
      'gateway_first_try',
    ]) {
      expect(body).toHaveProperty(field);
    }
  });

  it('gives every session a distinct unguessable token', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => createSession(key).then((s) => s.token)),
    );
    expect(new Set(tokens).size).toBe(10);
  });

  it('refuses a second open session for the same order with 409 and the existing token', async () => {
    const body = sessionBody();
    const first = await api('/api/v1/checkout/sessions', key, { body });
    const { token } = (await first.json()) as { token: string };
    const second = await api('/api/v1/checkout/sessions', key, { body: { ...body, amount: 999 } });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(await second.json()).toMatchObject({ code: 'order_has_open_session', token });
  });

  it('allows a new session for an order once the old one expired', async () => {
    const body = sessionBody();
    const first = (await (await api('/api/v1/checkout/sessions', key, { body })).json()) as { token: string };
    expect(
      (await api(`/api/v1/checkout/sessions/${first.token}/expire`, key, { method: 'POST' })).status,
    ).toBe(200);
    const again = await api('/api/v1/checkout/sessions', key, { body });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { token: string }).token).not.toBe(first.token);
  });

  it('refuses any new session for a paid order', async () => {
    const body = sessionBody();
    const first = (await (await api('/api/v1/checkout/sessions', key, { body })).json()) as { token: string };
    const stub = env.SESSION_DO.get(env.SESSION_DO.idFromName(first.token));
    expect(await stub.transition({ sessionId: first.token, to: 'paid' })).toMatchObject({ ok: true });
    const again = await api('/api/v1/checkout/sessions', key, { body });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'order_already_paid', token: first.token });
  });

  it('expires an open session whose time ran out when its order is reused, emitting the event once', async () => {
    const body = sessionBody();
    const first = (await (await api('/api/v1/checkout/sessions', key, { body })).json()) as { token: string };
    await env.DB.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, first.token)
      .run();
    const again = await api('/api/v1/checkout/sessions', key, { body });
    expect(again.status).toBe(201);
    const old = (await (await api(`/api/v1/checkout/sessions/${first.token}`, key)).json()) as {
      status: string;
    };
    expect(old.status).toBe('expired');
    expect(await eventsOf(first.token)).toEqual(['checkout_session.expired']);
  });
});

describe('GET /api/v1/checkout/sessions/{token}', () => {
  it('returns the session as created', async () => {
    const created = await createSession(key, { metadata: { order: '42' }, description: 'Pedido 42' });
    const res = await api(`/api/v1/checkout/sessions/${created.token}`, key);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...created, payments: [] });
  });

  it('expires a session found past its time on the spot, with its one event', async () => {
    const created = await createSession(key);
    await env.DB.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, created.token)
      .run();
    const res = await api(`/api/v1/checkout/sessions/${created.token}`, key);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token: created.token, status: 'expired' });
    const again = await api(`/api/v1/checkout/sessions/${created.token}`, key);
    expect(await again.json()).toMatchObject({ status: 'expired' });
    expect(await eventsOf(created.token)).toEqual(['checkout_session.expired']);
  });

  it('is 404 problem+json for an unknown token', async () => {
    const res = await api('/api/v1/checkout/sessions/cs_test_doesnotexist', key);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('POST /api/v1/checkout/sessions/{token}/expire', () => {
  it('expires an open session once; a second expire is 409', async () => {
    const s = await createSession(key);
    const first = await api(`/api/v1/checkout/sessions/${s.token}/expire`, key, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token: s.token, status: 'expired', amount: s.amount });
    const second = await api(`/api/v1/checkout/sessions/${s.token}/expire`, key, { method: 'POST' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      code: 'invalid_state_transition',
      session_status: 'expired',
    });
    expect(await eventsOf(s.token)).toEqual(['checkout_session.expired']);
  });

  it('expires a pending session but not a paid one', async () => {
    const pending = await createSession(key);
    const stub = env.SESSION_DO.get(env.SESSION_DO.idFromName(pending.token));
    await stub.transition({ sessionId: pending.token, to: 'pending' });
    expect(
      (await api(`/api/v1/checkout/sessions/${pending.token}/expire`, key, { method: 'POST' })).status,
    ).toBe(200);

    const paid = await createSession(key);
    const paidStub = env.SESSION_DO.get(env.SESSION_DO.idFromName(paid.token));
    await paidStub.transition({ sessionId: paid.token, to: 'paid' });
    const res = await api(`/api/v1/checkout/sessions/${paid.token}/expire`, key, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(await eventsOf(paid.token)).toEqual(['checkout_session.finished']);
  });

  it('puts the session object in the expired event', async () => {
    const s = await createSession(key);
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, key, { method: 'POST' });
    const row = await env.DB.prepare('SELECT * FROM events WHERE session_id = ?').bind(s.token).first<{
      data: string;
      merchant_id: string;
      mode: string;
      id: string;
    }>();
    expect(row?.id).toMatch(/^evt_/);
    expect(row).toMatchObject({ merchant_id: m.merchant_id, mode: 'test' });
    expect(JSON.parse(row?.data ?? '{}')).toMatchObject({
      id: s.token,
      object: 'checkout_session',
      status: 'expired',
    });
  });
});
