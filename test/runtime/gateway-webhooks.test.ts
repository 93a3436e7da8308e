import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { pay, status } from './client-helpers';
import { api, call, createSession, newMerchant } from './helpers';

const QR =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/e6157b05-4987-4635-af58-968f165f386d52040000' +
  '530398654043.505802BR5914EAD PLATAFORMA6014RIO DE JANEIRO62290525086dc8785e1f4ccaafed11fbd63049D7C';

/** Pagar.me's servers, outside this machine, answered at the HTTP boundary with its documented order shape. */
function stubPagarme(orderId: string) {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (!req.url.startsWith('https://api.pagar.me/')) return original(input, init);
    calls.push(`${req.method} ${new URL(req.url).pathname}`);
    const body = (await req.json()) as { code: string; amount?: number; items: Array<{ amount: number }> };
    const amount = body.items[0]?.amount ?? 0;
    return Response.json({
      id: orderId,
      code: body.code,
      amount,
      currency: 'BRL',
      closed: true,
      status: 'pending',
      customer: { id: 'cus_x', name: 'Maria Silva', type: 'individual' },
      charges: [
        {
          id: 'ch_K2rJ5nlHwTE4qRDP',
          code: body.code,
          amount,
          status: 'pending',
          currency: 'BRL',
          payment_method: 'pix',
          last_transaction: {
            id: 'tran_bZ0N3DjjUzTW68eq',
            transaction_type: 'pix',
            amount,
            status: 'waiting_payment',
            success: true,
            qr_code: QR,
            qr_code_url:
              'https://api.pagar.me/core/v5/transactions/tran_bZ0N3DjjUzTW68eq/qrcode?payment_method=pix',
            expires_at: new Date(Date.now() + 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
        },
      ],
    });
  }) as typeof fetch;
  return { calls, restore: () => (globalThis.fetch = original) };
}
let stub: ReturnType<typeof stubPagarme> | null = null;
afterEach(() => stub?.restore());

const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

function orderPaidHook(orderId: string, hookId: string) {
  return JSON.stringify({
    id: hookId,
    account: { id: 'acc_jZkdN857et650oNv', name: 'Lojinha' },
    type: 'order.paid',
    created_at: '2026-06-29T20:23:47',
    data: {
      id: orderId,
      code: 'x',
      amount: 15000,
      currency: 'BRL',
      closed: true,
      status: 'paid',
      charges: [],
    },
  });
}

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
