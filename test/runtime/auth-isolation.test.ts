import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';

let a: Merchant;
let b: Merchant;
let sessionOfA: string;
beforeAll(async () => {
  [a, b] = await Promise.all([newMerchant({ name: 'A' }), newMerchant({ name: 'B' })]);
  sessionOfA = (await createSession(a.secret_keys.test)).token;
});

describe('authentication', () => {
  it.each([
    ['no key', {}, 'authentication_required'],
    ['a malformed key', { 'x-api-key': 'hello' }, 'invalid_api_key'],
    ['an unknown key', { 'x-api-key': `sk_test_${'x'.repeat(32)}` }, 'invalid_api_key'],
    [
      'a bearer with an unknown key',
      { authorization: `Bearer sk_live_${'y'.repeat(32)}` },
      'invalid_api_key',
    ],
  ])('refuses %s with 401', async (_name, headers, code) => {
    const res = await call('/api/v1/checkout/sessions', { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ code, status: 401 });
  });

  it('refuses a public key on the merchant API', async () => {
    const res = await api('/api/v1/checkout/sessions', a.public_keys.test);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'invalid_api_key' });
  });

  it('accepts the secret key as X-API-Key and as Authorization: Bearer', async () => {
    const viaHeader = await call(`/api/v1/checkout/sessions/${sessionOfA}`, {
      headers: { 'x-api-key': a.secret_keys.test },
    });
    const viaBearer = await call(`/api/v1/checkout/sessions/${sessionOfA}`, {
      headers: { authorization: `Bearer ${a.secret_keys.test}` },
    });
    expect(viaHeader.status).toBe(200);
    expect(viaBearer.status).toBe(200);
    const same = await call(`/api/v1/checkout/sessions/${sessionOfA}`, {
      headers: { 'x-api-key': a.secret_keys.test, authorization: `Bearer ${a.secret_keys.test}` },
    });
    expect(same.status).toBe(200);
  });

  it('refuses two different keys in X-API-Key and Authorization instead of picking a mode', async () => {
    const res = await call('/api/v1/checkout/sessions', {
      headers: { 'x-api-key': a.secret_keys.live, authorization: `Bearer ${a.secret_keys.test}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      code: 'invalid_api_key',
      detail: 'X-API-Key and Authorization name two different keys: send one.',
    });
  });
});

describe('isolation by merchant and mode', () => {
  const others = () => [
    ['another merchant (test key)', b.secret_keys.test],
    ['another merchant (live key)', b.secret_keys.live],
    ['the same merchant in live mode', a.secret_keys.live],
  ];

  it('hides a session from every other merchant and mode with 404', async () => {
    for (const [, key] of others()) {
      const res = await api(`/api/v1/checkout/sessions/${sessionOfA}`, key as string);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('does not let another merchant or mode expire it', async () => {
    for (const [, key] of others()) {
      const res = await api(`/api/v1/checkout/sessions/${sessionOfA}/expire`, key as string, {
        method: 'POST',
      });
      expect(res.status).toBe(404);
    }
    const own = (await (await api(`/api/v1/checkout/sessions/${sessionOfA}`, a.secret_keys.test)).json()) as {
      status: string;
    };
    expect(own.status).toBe('open');
  });

  it('lists only the key owner sessions of the key mode', async () => {
    const live = await createSession(a.secret_keys.live);
    expect(live.token).toMatch(/^cs_live_/);
    expect(live.livemode).toBe(true);
    const list = async (key: string) =>
      (
        (await (await api('/api/v1/checkout/sessions?limit=100', key)).json()) as {
          data: Array<{ token: string }>;
        }
      ).data.map((s) => s.token);
    expect(await list(a.secret_keys.test)).toContain(sessionOfA);
    expect(await list(a.secret_keys.test)).not.toContain(live.token);
    expect(await list(a.secret_keys.live)).toEqual([live.token]);
    expect(await list(b.secret_keys.test)).toEqual([]);
  });

  it('scopes order ids per merchant and mode: the same order id is free elsewhere', async () => {
    const orderId = `SHARED-${Date.now()}`;
    for (const key of [a.secret_keys.test, a.secret_keys.live, b.secret_keys.test]) {
      await createSession(key, { merchant_order_id: orderId });
    }
  });
});
