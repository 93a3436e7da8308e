import { afterEach, describe, expect, it } from 'vitest';
import { pagbankConnector as pagbank } from '../../src/gateways/pagbank/client';
import { CHARGE_STATUS, type PagbankOrderRequest } from '../../src/gateways/pagbank/wire';
import { type FakeGateway, type Route, startFakeGateway } from './fake-gateway';
import { context, failure, fixture, paymentRequest, TEST_CARD } from './requests';

const TOKEN = 'pagbank-sandbox-token-0123456789abcdef';
const CREDS = { token: TOKEN, notification_url: 'https://borda.example/webhooks/gateways/pagbank/mer_test' };
const ORDER = 'ORDE_F87334AC-BB8B-42E2-AA85-8579F70AA328';
const open: FakeGateway[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((g) => g.close()));
});

const answer = (name: string, patch: (b: Record<string, unknown>) => void = () => {}) => {
  const f = fixture('pagbank', name);
  patch(f.body);
  return { status: f.status ?? 200, body: f.body };
};
async function fake(routes: Record<string, Route>) {
  const g = await startFakeGateway(routes);
  open.push(g);
  return g;
}
const json = (g: FakeGateway, i = 0) => g.calls('POST', '/orders')[i]?.json as PagbankOrderRequest;

describe('PagBank Orders API over the wire', () => {
  it('PIX: one qr_codes entry in centavos, expiring with the session; the BR Code comes back as the payment', async () => {
    const g = await fake({ 'POST /orders': () => answer('order_pix_created') });
    const req = paymentRequest({ method: 'pix' });
    const result = await pagbank.createPayment(context(g.base, CREDS), req);
    const [call] = g.calls('POST', '/orders');
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers['x-idempotency-key']).toBe(req.paymentId);
    expect(call?.headers['content-type']).toBe('application/json');
    const body = json(g);
    expect(body.reference_id).toBe(req.paymentId);
    expect(body.customer).toEqual({ name: 'Maria Silva', email: 'maria@example.com', tax_id: '52998224725' });
    expect(body.items).toEqual([
      { reference_id: req.paymentId, name: 'Pedido 123', quantity: 1, unit_amount: 15000 },
    ]);
    expect(body.qr_codes).toHaveLength(1);
    expect(body.qr_codes?.[0]?.amount).toEqual({ value: 15000 });
    expect(Number.isInteger(body.qr_codes?.[0]?.amount.value)).toBe(true);
    expect(body.qr_codes?.[0]?.expiration_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-03:00$/);
    expect(Date.parse(body.qr_codes?.[0]?.expiration_date ?? '')).toBeLessThanOrEqual(req.expiresAt);
    expect(Date.parse(body.qr_codes?.[0]?.expiration_date ?? '')).toBeGreaterThan(req.expiresAt - 1000);
    expect(body.notification_urls).toEqual([CREDS.notification_url]);
    expect(body.charges).toBeUndefined();
    const pix = fixture<{ qr_codes: { text: string }[] }>('pagbank', 'order_pix_created').body.qr_codes[0]
      ?.text;
    expect(result).toEqual({
      status: 'pending',
      reference: ORDER,
      details: { pix: { payload: pix, expires_at: req.expiresAt, txid: 'QRCO1F8A3C2E' } },
    });
  });

  it('card: one CREDIT_CARD charge captured at once, the card as PagBank names it, installments', async () => {
    const g = await fake({ 'POST /orders': () => answer('order_card_paid') });
    const req = paymentRequest({ method: 'card', card: TEST_CARD, installments: 3 });
    const result = await pagbank.createPayment(context(g.base, CREDS), req);
    expect(result).toEqual({ status: 'paid', reference: 'ORDE_F432482E-DFD1-476E-B5FB-3077B5E3A856' });
    const charge = json(g).charges?.[0];
    expect(charge?.amount).toEqual({ value: 15000, currency: 'BRL' });
    expect(charge?.payment_method).toMatchObject({ type: 'CREDIT_CARD', installments: 3, capture: true });
    expect(charge?.payment_method.card).toEqual({
      number: '4242424242424242',
      exp_month: '12',
      exp_year: '2030',
      security_code: '123',
      holder: { name: 'MARIA SILVA' },
      store: false,
    });
    expect(json(g).qr_codes).toBeUndefined();
  });

  it('a declined card is a result; a missing CPF or another country is refused before sending', async () => {
    const g = await fake({ 'POST /orders': () => answer('order_card_declined') });
    const declined = await pagbank.createPayment(
      context(g.base, CREDS),
      paymentRequest({ method: 'card', card: TEST_CARD }),
    );
    expect(declined).toEqual({
      status: 'denied',
      reference: 'ORDE_0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5',
      failureCode: 'card_declined',
    });
    // The issuer's ABECS reason code names the failure; 59 (suspected fraud) stops routing.
    const withReason = (code: string) => () =>
      answer('order_card_declined', (b) => {
        const charge = (b.charges as { payment_response: { raw_data: object } }[])[0];
        if (charge) Object.assign(charge.payment_response.raw_data, { reason_code: code });
      });
    const g2 = await fake({ 'POST /orders': withReason('51') });
    const card = () => paymentRequest({ method: 'card', card: TEST_CARD });
    expect(await pagbank.createPayment(context(g2.base, CREDS), card())).toMatchObject({
      failureCode: 'insufficient_funds',
    });
    const g3 = await fake({ 'POST /orders': withReason('59') });
    const fraud = await failure(pagbank.createPayment(context(g3.base, CREDS), card()));
    expect([fraud.kind, fraud.code]).toEqual(['hard_decline', 'card_declined']);
    const sent = g.received.length;
    const noCpf = paymentRequest({ customer: { name: 'Maria', email: 'maria@example.com' } });
    expect((await failure(pagbank.createPayment(context(g.base, CREDS), noCpf))).code).toBe(
      'gateway_missing_data',
    );
    const mexico = paymentRequest({ method: 'card', card: TEST_CARD, country: 'MEX', currency: 'MXN' });
    expect((await failure(pagbank.createPayment(context(g.base, CREDS), mexico))).code).toBe(
      'method_not_supported',
    );
    expect(
      (await failure(pagbank.createPayment(context(g.base, CREDS), paymentRequest({ method: 'boleto' }))))
        .code,
    ).toBe('method_not_supported');
    expect(g.received).toHaveLength(sent);
  });

  it('400 is retryable, 401 retryable (auth), 500 ambiguous; a lost answer is asked again with the same key', async () => {
    let g = await fake({ 'POST /orders': () => answer('error_400') });
    const bad = await failure(pagbank.createPayment(context(g.base, CREDS), paymentRequest()));
    expect([bad.kind, bad.code]).toEqual(['retryable', 'gateway_rejected']);
    expect(bad.message).toContain('customer.tax_id');
    g = await fake({ 'POST /orders': () => ({ status: 401, body: {} }) });
    expect((await failure(pagbank.createPayment(context(g.base, CREDS), paymentRequest()))).code).toBe(
      'gateway_auth',
    );
    g = await fake({ 'POST /orders': () => answer('error_500') });
    const five = await failure(pagbank.createPayment(context(g.base, CREDS), paymentRequest()));
    expect([five.kind, g.calls('POST', '/orders').length]).toEqual(['ambiguous', 2]);
    let n = 0;
    g = await fake({ 'POST /orders': () => (++n === 1 ? 'hang' : answer('order_pix_created')) });
    const req = paymentRequest();
    const recovered = await pagbank.createPayment(context(g.base, CREDS, { timeoutMs: 300 }), req);
    expect(recovered.reference).toBe(ORDER);
    expect(g.calls('POST', '/orders').map((c) => c.headers['x-idempotency-key'])).toEqual([
      req.paymentId,
      req.paymentId,
    ]);
    g = await fake({ 'POST /orders': () => 'hang' });
    const t = await failure(
      pagbank.createPayment(context(g.base, CREDS, { timeoutMs: 200 }), paymentRequest()),
    );
    expect([t.kind, t.code]).toEqual(['ambiguous', 'gateway_timeout']);
  });

  it('maps every documented charge status, and an unpaid PIX order by its QR code expiry', async () => {
    let status = 'PAID';
    let body = () =>
      answer('order_pix_paid', (b) => Object.assign((b.charges as object[])[0] ?? {}, { status }));
    const g = await fake({ 'GET /orders/:id': () => body() });
    const ask = (now = Date.now()) =>
      pagbank.fetchStatus(context(g.base, CREDS, { now }), { reference: ORDER, paymentId: 'pay_x' });
    const expected = {
      AUTHORIZED: 'pending',
      PAID: 'paid',
      IN_ANALYSIS: 'pending',
      DECLINED: 'denied',
      CANCELED: 'canceled',
      WAITING: 'pending',
    };
    expect(Object.keys(expected).sort()).toEqual(Object.keys(CHARGE_STATUS).sort());
    for (const [s, borda] of Object.entries(expected)) {
      status = s;
      expect((await ask()).status, s).toBe(borda);
    }
    body = () => answer('order_pix_created');
    expect((await ask()).status).toBe('pending');
    expect((await ask(Date.parse('2030-01-02T00:00:00Z'))).status).toBe('expired');
    expect(g.calls('GET', `/orders/${ORDER}`)[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const unknown = await failure(
      pagbank.fetchStatus(context(g.base, CREDS), { reference: null, paymentId: 'pay_x' }),
    );
    expect(unknown.kind).toBe('ambiguous');
  });

  it('refunds by cancelling the paid charge with the amount, keyed by the refund id; cancel refuses a paid order', async () => {
    const g = await fake({
      'GET /orders/:id': () => answer('order_card_paid'),
      'POST /charges/:id/cancel': () => answer('charge_refunded'),
    });
    const ctx = context(g.base, CREDS);
    const result = await pagbank.refund?.(ctx, {
      refundId: 'rf_abc',
      paymentId: 'pay_1',
      reference: 'ORDE_F432482E-DFD1-476E-B5FB-3077B5E3A856',
      method: 'card',
      amount: 5000,
      currency: 'BRL',
      chargedAmount: 15000,
      reason: null,
      now: Date.now(),
    });
    expect(result).toEqual({ status: 'succeeded', reference: 'CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A' });
    const [call] = g.calls('POST', '/charges/CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A/cancel');
    expect(call?.json).toEqual({ amount: { value: 5000 } });
    expect(call?.headers['x-idempotency-key']).toBe('rf_abc');
    const paid = await failure(pagbank.cancel(ctx, 'ORDE_F432482E-DFD1-476E-B5FB-3077B5E3A856'));
    expect([paid.kind, paid.code]).toEqual(['hard_decline', 'already_paid']);
  });

  it('a refund is followed on the charge: pending until PagBank shows an amount refunded', async () => {
    let refunded = 0;
    const g = await fake({
      'GET /orders/:id': () =>
        answer('order_card_paid', (b) => {
          const charge = (b.charges as { amount: { summary: object } }[])[0];
          if (charge) Object.assign(charge.amount.summary, { refunded });
        }),
    });
    const ask = () =>
      pagbank.fetchRefund?.(context(g.base, CREDS), {
        reference: 'CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A',
        paymentReference: 'ORDE_F432482E-DFD1-476E-B5FB-3077B5E3A856',
        refundId: 'rf_abc',
      });
    expect((await ask())?.status).toBe('pending');
    refunded = 5000;
    expect(await ask()).toEqual({
      status: 'succeeded',
      reference: 'CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A',
    });
  });

  it('cancel voids an open authorisation with its full amount, and leaves an unpaid PIX order to lapse', async () => {
    let order = () =>
      answer('order_card_paid', (b) =>
        Object.assign((b.charges as object[])[0] ?? {}, { status: 'AUTHORIZED' }),
      );
    const g = await fake({
      'GET /orders/:id': () => order(),
      'POST /charges/:id/cancel': () => answer('charge_refunded'),
    });
    await pagbank.cancel(context(g.base, CREDS), 'ORDE_F432482E-DFD1-476E-B5FB-3077B5E3A856');
    const [call] = g.calls('POST', '/charges/CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A/cancel');
    expect(call?.json).toEqual({ amount: { value: 15000 } });
    expect(call?.headers['x-idempotency-key']).toBe('cancel-CHAR_3D4C63B5-B71E-418B-891E-6ADBE43DBB3A');
    order = () => answer('order_pix_created');
    await pagbank.cancel(context(g.base, CREDS), ORDER);
    expect(g.calls('POST', /\/cancel$/)).toHaveLength(1);
  });
});
