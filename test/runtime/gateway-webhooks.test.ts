import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { pay, status } from './client-helpers';
import { api, call, createSession, newMerchant } from './helpers';
import { basic, orderPaidHook, QR, stubPagarme } from './pagarme-stub';

let stub: ReturnType<typeof stubPagarme> | null = null;
afterEach(() => stub?.restore());

describe('Pagar.me through routing and its inbound webhook', () => {
  it('issues a PIX through Pagar.me, then settles it from a verified webhook, once', async () => {
    const m = await newMerchant({ name: 'Loja Pagarme', country: 'BRA' });
    const created = await api('/api/v1/gateways', m.secret_keys.test, {
      body: {
        gateway: 'pagarme',
        credentials: { secret_key: 'sk_test_abc123', webhook_user: 'borda', webhook_password: 'segredo' },
      },
    });
    expect(created.status).toBe(201);
    stub = stubPagarme('or_56GXnk6T0eU88qMm');
    const s = await createSession(m.secret_keys.test, { payment_method: 'pix' });
    const paid = (await (await pay(s.token, { method: 'pix' })).json()) as {
      payment: { status: string; gateway: string; pix: { qr_code: string } };
    };
    expect(stub.calls).toEqual(['POST /core/v5/orders']);
    expect(paid.payment).toMatchObject({ status: 'pending', gateway: 'pagarme', pix: { qr_code: QR } });

    const post = (body: string, authorization: string) =>
      call(`/webhooks/gateways/pagarme/${m.merchant_id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body,
      });
    const forged = await post(orderPaidHook('or_56GXnk6T0eU88qMm', 'hook_1'), basic('borda', 'wrong'));
    expect(forged.status).toBe(401);
    expect((await status(s.token)).status).toBe('pending');

    const first = await post(orderPaidHook('or_56GXnk6T0eU88qMm', 'hook_1'), basic('borda', 'segredo'));
    expect(await first.json()).toMatchObject({ received: true, applied: true });
    expect((await status(s.token)).status).toBe('paid');
    const replay = await post(orderPaidHook('or_56GXnk6T0eU88qMm', 'hook_1'), basic('borda', 'segredo'));
    expect(await replay.json()).toMatchObject({ received: true, applied: false, reason: 'duplicate' });
    const { results } = await env.DB.prepare(
      "SELECT type FROM events WHERE session_id = ? AND type LIKE 'payment.success'",
    )
      .bind(s.token)
      .all();
    expect(results).toHaveLength(1);
  });

  it('answers 404 for a gateway without a connector and 401 for a merchant with no account there', async () => {
    const m = await newMerchant({ name: 'Sem conta' });
    expect(
      (
        await call(`/webhooks/gateways/safe2pay/${m.merchant_id}`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(404);
    const res = await call(`/webhooks/gateways/pagarme/${m.merchant_id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic('a', 'b') },
      body: orderPaidHook('or_x', 'hook_2'),
    });
    expect(res.status).toBe(401);
  });
});
