import { describe, expect, it } from 'vitest';
import { pagarmeConnector } from '../../src/gateways/pagarme';
import { type ConnectorContext, ConnectorError } from '../../src/gateways/types';

// Envelope and order payload copy docs.pagar.me/reference/exemplo-de-webhook-1 (order.paid); charge events
// carry the charge as `data`, with its order under `data.order`.
const ctx: ConnectorContext = {
  credentials: { secret_key: 'sk_test_abc123', webhook_user: 'borda', webhook_password: 'p4ss:wörd' },
  mode: 'test',
  now: 0,
  timeoutMs: 500,
};

const charge = (status: string, method: string, tx: Record<string, unknown> = {}) => ({
  id: 'ch_d22356Jf4WuGr8no',
  code: '1303624',
  gateway_id: 'da7f2304-1937-42a4-b995-0f4ea2b36264',
  amount: 12356,
  status,
  currency: 'BRL',
  payment_method: method,
  paid_at: '2022-06-29T20:23:47',
  created_at: '2022-06-29T20:23:42',
  updated_at: '2022-06-29T20:23:47',
  customer: { id: 'cus_oybzJRQ231cvzlmD', name: 'FABIO E RACHEL ', type: 'individual', delinquent: false },
  last_transaction: { id: 'tran_71eaxPbUAUZGronE', transaction_type: method, amount: 12356, status, ...tx },
});
const orderData = (status: string, method: string) => ({
  id: 'or_ZdnB5BBCmYhk534R',
  code: '1303724',
  amount: 12356,
  currency: 'BRL',
  closed: true,
  items: [
    { id: 'oi_EqnMMrbFgBf0MaN1', description: 'Produto', amount: 10166, quantity: 1, status: 'active' },
  ],
  customer: { id: 'cus_oy23JRQCM1cvzlmD', name: 'FABIO ', document: '09006068709', type: 'individual' },
  status,
  created_at: '2022-06-29T20:23:42',
  updated_at: '2022-06-29T20:23:47',
  closed_at: '2022-06-29T20:23:44',
  charges: [charge(status, method)],
});
const chargeData = (status: string, method: string, tx: Record<string, unknown> = {}) => ({
  ...charge(status, method, tx),
  order: { id: 'or_ZdnB5BBCmYhk534R', code: '1303724', amount: 12356, closed: true, status },
});
function hook(type: string, data: unknown, id = 'hook_RyEKQO789TRpZjv5'): string {
  return JSON.stringify({
    id,
    account: { id: 'acc_jZkdN857et650oNv', name: 'Lojinha' },
    type,
    created_at: '2017-06-29T20:23:47',
    data,
  });
}
function basic(user: string, password: string): string {
  // Encodes UTF-8 like an HTTP client would, so non-ASCII passwords are exercised too.
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)))}`;
}
const GOOD = basic('borda', 'p4ss:wörd');
const parse = (body: string, authorization: string | null = GOOD, c: ConnectorContext = ctx) =>
  pagarmeConnector.parseWebhook(c, {
    headers: new Headers(authorization ? { Authorization: authorization } : {}),
    body,
  });

describe('pagarme webhook authentication', () => {
  it('accepts the Basic credentials configured on the webhook', async () => {
    const event = await parse(hook('order.paid', orderData('paid', 'credit_card')));
    expect(event).toEqual({
      kind: 'paid',
      eventId: 'hook_RyEKQO789TRpZjv5',
      reference: 'or_ZdnB5BBCmYhk534R',
      amount: 12356,
      currency: 'BRL',
    });
  });

  it.each([
    ['a wrong password', basic('borda', 'p4ss:word')],
    ['a wrong user', basic('border', 'p4ss:wörd')],
    ['no Authorization header', null],
    ['another scheme', 'Bearer sk_test_abc123'],
    ['undecodable Basic', 'Basic !!!'],
  ])('refuses %s', async (_label, authorization) => {
    const err = await parse(hook('order.paid', orderData('paid', 'pix')), authorization).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect([(err as ConnectorError).kind, (err as ConnectorError).code]).toEqual([
      'retryable',
      'unauthorized',
    ]);
  });

  it('refuses everything when the merchant configured no webhook credentials', async () => {
    const bare = { ...ctx, credentials: { secret_key: 'sk_test_abc123' } };
    const err = await parse(hook('order.paid', orderData('paid', 'pix')), basic('', ''), bare).catch(
      (e: unknown) => e,
    );
    expect((err as ConnectorError).code).toBe('unauthorized');
  });

  it('rejects an authenticated body that is not a webhook', async () => {
    const err = await parse('{"not":"a hook"}').catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('invalid_payload');
  });
});

describe('pagarme webhook events', () => {
  it.each([
    ['charge.paid', chargeData('paid', 'pix'), { kind: 'paid', amount: 12356, currency: 'BRL' }],
    [
      'charge.overpaid',
      { ...chargeData('overpaid', 'boleto'), paid_amount: 13000 },
      { kind: 'paid', amount: 13000, currency: 'BRL' },
    ],
    [
      'charge.underpaid',
      { ...chargeData('underpaid', 'boleto'), paid_amount: 12000 },
      { kind: 'paid', amount: 12000, currency: 'BRL' },
    ],
    ['order.payment_failed', orderData('failed', 'pix'), { kind: 'expired' }],
    [
      'charge.payment_failed',
      chargeData('failed', 'credit_card', { status: 'not_authorized', acquirer_return_code: '1016' }),
      { kind: 'denied', failureCode: 'insufficient_funds' },
    ],
    [
      'charge.payment_failed',
      chargeData('failed', 'boleto'),
      { kind: 'denied', failureCode: 'processing_error' },
    ],
    ['order.canceled', orderData('canceled', 'pix'), { kind: 'canceled' }],
    ['charge.refunded', chargeData('canceled', 'credit_card'), { kind: 'canceled' }],
    ['charge.chargedback', chargeData('chargedback', 'credit_card'), { kind: 'canceled' }],
  ])('maps %s to Borda, with the order id as reference', async (type, data, expected) => {
    const event = await parse(hook(type, data));
    expect(event).toEqual({
      ...expected,
      eventId: 'hook_RyEKQO789TRpZjv5',
      reference: 'or_ZdnB5BBCmYhk534R',
    });
  });

  it('ignores events that settle nothing, keeping their id for replay protection', async () => {
    expect(await parse(hook('order.created', orderData('pending', 'pix'), 'hook_A'))).toEqual({
      kind: 'ignored',
      eventId: 'hook_A',
      reason: 'event order.created does not settle a payment',
    });
    const orphan = { ...charge('paid', 'pix') };
    expect((await parse(hook('charge.paid', orphan, 'hook_B'))).kind).toBe('ignored');
  });

  it('gives a redelivered hook the same event id and another hook a different one', async () => {
    const body = hook('charge.paid', chargeData('paid', 'pix'), 'hook_4w1y0JVsPsn06EWx');
    const first = await parse(body);
    const again = await parse(body);
    const other = await parse(hook('order.paid', orderData('paid', 'pix'), 'hook_OTHER'));
    expect(first.eventId).toBe('hook_4w1y0JVsPsn06EWx');
    expect(again.eventId).toBe(first.eventId);
    expect(other.eventId).not.toBe(first.eventId);
  });
});
