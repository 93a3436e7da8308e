import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fixture from '../fixtures/dialects/cashier-webhook.json';
import { pay } from './client-helpers';
import { expectDocumentShape } from './document-shape';
import { api, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({ name: 'Cashier Store', country: 'BRA' });
});

async function cashierSession(ref: string) {
  const res = await api('/api/v1/checkout', m.secret_keys.test, {
    body: {
      merchant_id: m.merchant_id,
      amount: 150.0,
      currency: 'BRL',
      country: 'BRA',
      reference_id: ref,
      success_url: 'https://your-site.com/payment/success',
      cancel_url: 'https://your-site.com/payment/cancel',
      notification_url: 'https://hooks.your-server.com/webhooks/cashier',
      metadata: { order_id: '12345', customer_email: 'joao@example.com' },
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { session_id: string }).session_id;
}

describe('S-Interio cashier webhook', () => {
  it("carries every field of the document's example in its format, and only its documented events", async () => {
    stub = stubReceiver(() => new Response('OK'));
    const sessionId = await cashierSession(`order_12345_${Date.now()}`);
    // A PIX code first (payment.pending, undocumented for the cashier), then it is paid.
    const issued = (await (await pay(sessionId, { method: 'pix' })).json()) as { payment: { id: string } };
    const simulated = await api(`/api/v1/test/payments/${issued.payment.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(simulated.status).toBe(200);
    const hit = await waitFor(async () =>
      stub?.received.find((r) => r.body.includes('"payment.success"') && r.body.includes(sessionId)),
    );
    const payload = JSON.parse(hit.body) as Record<string, unknown>;
    expectDocumentShape(fixture.example, payload);
    expect(hit.body).toContain('"amount":150.00,');
    expect(payload).toMatchObject({
      event: 'payment.success',
      status: 'success',
      payment_method: 'pix',
      provider: 'sandbox',
      method_code: 'sandbox-pix',
      currency: 'BRL',
    });
    expect(payload.paid_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // The document's fields first, in its order; Borda's additions only under `borda`.
    expect(Object.keys(payload)).toEqual([...Object.keys(fixture.example), 'borda']);
    // payment.pending and the checkout_session.* events never reach the cashier URL.
    const events = stub.received
      .filter((r) => r.body.includes(sessionId))
      .map((r) => JSON.parse(r.body).event);
    expect(events).toEqual(['payment.success']);
  });
});
