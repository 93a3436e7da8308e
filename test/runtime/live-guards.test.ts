import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { card, clientPost, pay, status, VISA_OK } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';
import { basic, orderPaidHook, stubPagarme } from './pagarme-stub';

/** Live money is safe: the sandbox never acts for live, and inbound settlements are proven first. */
let stub: ReturnType<typeof stubPagarme> | null = null;
afterEach(() => stub?.restore());

async function liveEvents(merchantId: string) {
  const { results } = await env.DB.prepare("SELECT type FROM events WHERE merchant_id = ? AND mode = 'live'")
    .bind(merchantId)
    .all<{ type: string }>();
  return results.map((r) => r.type);
}

async function pagarmeAccount(m: Merchant, mode: 'test' | 'live', password: string) {
  const res = await api('/api/v1/gateways', m.secret_keys[mode], {
    body: {
      gateway: 'pagarme',
      name: `pagarme-${mode}`,
      credentials: {
        secret_key: mode === 'test' ? 'sk_test_abc123' : 'sk_live0abc123',
        webhook_user: 'borda',
        webhook_password: password,
      },
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('the sandbox in live mode', () => {
  it('is refused when a live key creates a sandbox account, and allowed for a test key', async () => {
    const m = await newMerchant();
    const live = await api('/api/v1/gateways', m.secret_keys.live, {
      body: { gateway: 'sandbox', credentials: {} },
    });
    expect(live.status).toBe(422);
    expect(live.headers.get('content-type')).toContain('application/problem+json');
    expect(await live.json()).toMatchObject({ errors: [{ field: 'gateway', code: 'test_only_gateway' }] });
    const { results } = await env.DB.prepare('SELECT id FROM gateway_accounts WHERE merchant_id = ?')
      .bind(m.merchant_id)
      .all();
    expect(results).toEqual([]);
    const test = await api('/api/v1/gateways', m.secret_keys.test, {
      body: { gateway: 'sandbox', credentials: {} },
    });
    expect(test.status).toBe(201);
  });

  it('never takes a live payment, even from an enabled live sandbox row written before the rule: 503 no_gateway', async () => {
    const m = await newMerchant();
    const now = Date.now();
    const sealed = await (await import('../../src/lib/secretbox')).seal('{}', env.ENCRYPTION_KEY);
    await env.DB.prepare(
      "INSERT INTO gateway_accounts (id, merchant_id, mode, gateway, name, credentials_sealed, created_at, updated_at) VALUES (?, ?, 'live', 'sandbox', 'old', ?, ?, ?)",
    )
      .bind('gwa_oldlivesandbox0001', m.merchant_id, sealed, now, now)
      .run();
    const enable = await api('/api/v1/gateways/gwa_oldlivesandbox0001', m.secret_keys.live, {
      method: 'PATCH',
      body: { enabled: true },
    });
    expect(enable.status).toBe(422);
    for (const body of [
      { payment_method: 'card', card: card(VISA_OK), method: 'card' },
      { payment_method: 'pix', method: 'pix' },
    ]) {
      const s = await createSession(m.secret_keys.live, { payment_method: body.payment_method });
      const res = await pay(s.token, { method: body.method, ...(body.card ? { card: body.card } : {}) });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'no_gateway' });
      expect((await status(s.token)).status).toBe('open');
    }
    const { results } = await env.DB.prepare('SELECT gateway FROM payments WHERE merchant_id = ?')
      .bind(m.merchant_id)
      .all();
    expect(results).toEqual([]);
    expect(await liveEvents(m.merchant_id)).toEqual([]);
  });

  it('cannot be simulated with a live key nor from a live checkout (403)', async () => {
    const m = await newMerchant();
    const s = await createSession(m.secret_keys.live, { payment_method: 'pix' });
    const fromPage = await clientPost(s.token, '/simulate', { outcome: 'paid' });
    expect(fromPage.status).toBe(403);
    const fromApi = await api('/api/v1/test/payments/pay_whatever/simulate', m.secret_keys.live, {
      body: { outcome: 'paid' },
    });
    expect(fromApi.status).toBe(403);
  });
});

describe('an inbound settlement', () => {
  it('counts only with the credentials of the enabled account that created the payment', async () => {
    const m = await newMerchant({ name: 'Loja Dupla', country: 'BRA' });
    await pagarmeAccount(m, 'test', 'segredo-test');
    const liveAccount = await pagarmeAccount(m, 'live', 'segredo-live');
    stub = stubPagarme('or_live0000000001');
    const s = await createSession(m.secret_keys.live, { payment_method: 'pix' });
    const paid = await pay(s.token, { method: 'pix' });
    expect(paid.status).toBe(201);
    expect((await status(s.token)).status).toBe('pending');
    const post = (hookId: string, authorization: string) =>
      call(`/webhooks/gateways/pagarme/${m.merchant_id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: orderPaidHook('or_live0000000001', hookId),
      });

    // The test account's (valid) credentials do not settle a live payment.
    const withTest = await post('hook_a', basic('borda', 'segredo-test'));
    expect(withTest.status).toBe(202);
    expect(await withTest.json()).toMatchObject({ applied: false, reason: 'unknown_reference' });
    expect((await status(s.token)).status).toBe('pending');

    // Another merchant's credentials authenticate nothing here.
    const other = await newMerchant({ name: 'Outra' });
    await pagarmeAccount(other, 'live', 'segredo-outra');
    expect((await post('hook_b', basic('borda', 'segredo-outra'))).status).toBe(401);

    // A disabled account's credentials stop authenticating.
    const off = await api(`/api/v1/gateways/${liveAccount}`, m.secret_keys.live, {
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.status).toBe(200);
    expect((await post('hook_c', basic('borda', 'segredo-live'))).status).toBe(401);
    expect((await status(s.token)).status).toBe('pending');
    expect(await liveEvents(m.merchant_id)).not.toContain('payment.success');

    // Enabled again, the account that created the payment settles it.
    await api(`/api/v1/gateways/${liveAccount}`, m.secret_keys.live, {
      method: 'PATCH',
      body: { enabled: true },
    });
    const ok = await post('hook_d', basic('borda', 'segredo-live'));
    expect(await ok.json()).toMatchObject({ received: true, applied: true });
    expect((await status(s.token)).status).toBe('paid');
  });
});
