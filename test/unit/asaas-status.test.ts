import { afterEach, describe, expect, it } from 'vitest';
import { asaasConnector } from '../../src/gateways/asaas/client';
import { ASAAS_EVENT_ACTIONS, type AsaasPaymentEvent } from '../../src/gateways/asaas/webhook';
import {
  ASAAS_PAYMENT_STATUSES,
  ASAAS_STATUS_MAP,
  type AsaasPaymentStatus,
} from '../../src/gateways/asaas/wire';
import { type ConnectorContext, ConnectorError, type GatewayStatus } from '../../src/gateways/types';

// Statuses, status queries, cancellation and webhooks. Shapes follow docs.asaas.com: the payment
// object and list of GET /v3/payments, DELETE's `{ deleted, id }`, and the webhook event object.
const PAY_ID = 'pay_080225913252';
const BORDA_ID = 'pay_7Kq2mZr9XwT4bN8cLp3sVd6h';
const payment = (status: string, billingType = 'CREDIT_CARD', extra: Record<string, unknown> = {}) => ({
  object: 'payment',
  id: PAY_ID,
  dateCreated: '2026-03-10',
  customer: 'cus_G7Dvo4iphUNk',
  value: 150,
  netValue: 149.01,
  billingType,
  status,
  dueDate: '2026-03-10',
  externalReference: BORDA_ID,
  deleted: false,
  ...extra,
});

type Call = { method: string; url: URL };
const realFetch = globalThis.fetch;
let calls: Call[] = [];
function stub(routes: Record<string, () => Response>): void {
  calls = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url: new URL(String(input)) };
    calls.push(call);
    const handler = routes[`${call.method} ${call.url.pathname}`];
    if (!handler) throw new Error(`unexpected ${call.method} ${call.url.pathname}`);
    return handler();
  }) as typeof fetch;
}
afterEach(() => {
  globalThis.fetch = realFetch;
});
const json = (status: number, body: unknown) => (): Response =>
  new Response(JSON.stringify(body), { status });
const ctx = (
  credentials: Record<string, string> = {
    api_key: '$aact_k',
    webhook_token: 'tok_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56',
  },
) => ({ credentials, mode: 'test', now: 0, timeoutMs: 2_000 }) satisfies ConnectorContext;

/** The statuses Asaas documents (PaymentGetResponsePaymentStatus), with what each means to Borda. */
const EXPECTED: Record<AsaasPaymentStatus, GatewayStatus['status']> = {
  PENDING: 'pending',
  RECEIVED: 'paid',
  CONFIRMED: 'paid',
  OVERDUE: 'expired',
  REFUNDED: 'canceled',
  RECEIVED_IN_CASH: 'paid',
  REFUND_REQUESTED: 'paid',
  REFUND_IN_PROGRESS: 'paid',
  CHARGEBACK_REQUESTED: 'paid',
  CHARGEBACK_DISPUTE: 'paid',
  AWAITING_CHARGEBACK_REVERSAL: 'paid',
  DUNNING_REQUESTED: 'expired',
  DUNNING_RECEIVED: 'paid',
  AWAITING_RISK_ANALYSIS: 'pending',
};

describe('Asaas status table', () => {
  it('covers exactly the documented statuses', () => {
    expect([...ASAAS_PAYMENT_STATUSES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(ASAAS_STATUS_MAP).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(ASAAS_STATUS_MAP).toEqual(EXPECTED);
  });
});

describe('asaasConnector.fetchStatus', () => {
  it.each(Object.entries(EXPECTED))('by reference: %s is %s', async (status, expected) => {
    stub({ [`GET /v3/payments/${PAY_ID}`]: json(200, payment(status)) });
    const result = await asaasConnector.fetchStatus(ctx(), { reference: PAY_ID, paymentId: BORDA_ID });
    expect(result).toEqual({ status: expected, reference: PAY_ID });
    expect(calls[0]?.url.href).toBe(`https://api-sandbox.asaas.com/v3/payments/${PAY_ID}`);
  });

  it.each([
    ['CONFIRMED', 'PIX', {}, 'pending'], // precautionary block: RECEIVED or REFUNDED follows
    ['OVERDUE', 'BOLETO', {}, 'pending'], // payable until its registration is cancelled
    ['OVERDUE', 'PIX', {}, 'expired'],
    ['PENDING', 'PIX', { deleted: true }, 'canceled'],
    ['AUTHORIZED', 'CREDIT_CARD', {}, 'pending'], // undocumented: neither paid nor released
  ])('by reference: %s %s %j is %s', async (status, billingType, extra, expected) => {
    stub({ [`GET /v3/payments/${PAY_ID}`]: json(200, payment(status, billingType, extra)) });
    const result = await asaasConnector.fetchStatus(ctx(), { reference: PAY_ID, paymentId: BORDA_ID });
    expect(result.status).toBe(expected);
  });

  it('reports an unknown reference as not_found', async () => {
    stub({ [`GET /v3/payments/${PAY_ID}`]: json(404, {}) });
    const result = await asaasConnector.fetchStatus(ctx(), { reference: PAY_ID, paymentId: BORDA_ID });
    expect(result).toEqual({ status: 'not_found', reference: PAY_ID });
  });

  it("without a reference, finds the payment by Borda's id sent as externalReference", async () => {
    const list = {
      object: 'list',
      hasMore: false,
      totalCount: 1,
      limit: 10,
      offset: 0,
      data: [payment('CONFIRMED')],
    };
    stub({ 'GET /v3/payments': json(200, list) });
    const result = await asaasConnector.fetchStatus(ctx(), { reference: null, paymentId: BORDA_ID });
    expect(result).toEqual({ status: 'paid', reference: PAY_ID });
    expect(calls[0]?.url.searchParams.get('externalReference')).toBe(BORDA_ID);
  });

  it('without a reference, reports not_found when Asaas has no such payment', async () => {
    stub({ 'GET /v3/payments': json(200, { object: 'list', hasMore: false, totalCount: 0, data: [] }) });
    const result = await asaasConnector.fetchStatus(ctx(), { reference: null, paymentId: BORDA_ID });
    expect(result).toEqual({ status: 'not_found', reference: null });
  });

  it('throws a retryable error when Asaas cannot answer', async () => {
    stub({ 'GET /v3/payments': json(503, {}) });
    const err = await asaasConnector
      .fetchStatus(ctx(), { reference: null, paymentId: BORDA_ID })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect([err.kind, err.code]).toEqual(['retryable', 'gateway_unavailable']);
  });
});

describe('asaasConnector.cancel', () => {
  it('deletes the payment, and treats one already gone as done', async () => {
    stub({ [`DELETE /v3/payments/${PAY_ID}`]: json(200, { deleted: true, id: PAY_ID }) });
    await asaasConnector.cancel(ctx(), PAY_ID);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([`DELETE /v3/payments/${PAY_ID}`]);
    stub({ [`DELETE /v3/payments/${PAY_ID}`]: json(404, {}) });
    await expect(asaasConnector.cancel(ctx(), PAY_ID)).resolves.toBeUndefined();
  });

  it('throws when Asaas refuses, e.g. for a paid payment', async () => {
    stub({
      [`DELETE /v3/payments/${PAY_ID}`]: json(400, {
        errors: [{ code: 'invalid_action', description: 'x' }],
      }),
    });
    await expect(asaasConnector.cancel(ctx(), PAY_ID)).rejects.toMatchObject({
      kind: 'retryable',
      reference: PAY_ID,
    });
  });
});

describe('asaasConnector.parseWebhook', () => {
  const TOKEN = 'tok_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56';
  const EVENT_ID = 'evt_05b708f961d739ea7eba7e4db318f621&368604920';
  const webhook = (event: string, billingType = 'CREDIT_CARD', token: string | null = TOKEN) => ({
    headers: new Headers(token === null ? {} : { 'asaas-access-token': token }),
    body: JSON.stringify({
      id: EVENT_ID,
      event,
      dateCreated: '2024-06-12 16:45:03',
      payment: payment('RECEIVED', billingType),
    }),
  });

  it('accepts the configured token and reduces PAYMENT_RECEIVED to paid, keyed by the Asaas payment id', async () => {
    const event = await asaasConnector.parseWebhook(ctx(), webhook('PAYMENT_RECEIVED', 'PIX'));
    expect(event).toEqual({
      kind: 'paid',
      eventId: EVENT_ID,
      reference: PAY_ID,
      amount: 15000,
      currency: 'BRL',
    });
  });

  it.each([
    ['a wrong token', webhook('PAYMENT_RECEIVED', 'PIX', `${TOKEN.slice(0, -1)}x`), ctx()],
    ['no token header', webhook('PAYMENT_RECEIVED', 'PIX', null), ctx()],
    [
      'a merchant without a webhook token',
      webhook('PAYMENT_RECEIVED', 'PIX', ''),
      ctx({ api_key: '$aact_k' }),
    ],
  ])('refuses %s', async (_name, req, context) => {
    await expect(asaasConnector.parseWebhook(context, req)).rejects.toMatchObject({
      kind: 'retryable',
      code: 'unauthorized',
    });
  });

  it.each([
    ['PAYMENT_CONFIRMED', 'CREDIT_CARD', { kind: 'paid' }],
    ['PAYMENT_CONFIRMED', 'PIX', { kind: 'ignored' }],
    ['PAYMENT_CREDIT_CARD_CAPTURE_REFUSED', 'CREDIT_CARD', { kind: 'denied', failureCode: 'card_declined' }],
    ['PAYMENT_REPROVED_BY_RISK_ANALYSIS', 'CREDIT_CARD', { kind: 'denied', failureCode: 'card_declined' }],
    ['PAYMENT_OVERDUE', 'PIX', { kind: 'expired' }],
    ['PAYMENT_OVERDUE', 'BOLETO', { kind: 'ignored' }],
    ['PAYMENT_BANK_SLIP_CANCELLED', 'BOLETO', { kind: 'expired' }],
    ['PAYMENT_DELETED', 'PIX', { kind: 'canceled' }],
    ['PAYMENT_REFUNDED', 'PIX', { kind: 'canceled' }],
    ['PAYMENT_CREATED', 'PIX', { kind: 'ignored' }],
    ['TRANSFER_DONE', 'PIX', { kind: 'ignored' }],
  ])('%s (%s) → %j', async (name, billingType, expected) => {
    const event = await asaasConnector.parseWebhook(ctx(), webhook(name, billingType));
    expect(event).toMatchObject({ ...expected, eventId: EVENT_ID });
  });

  it('acts only on the events that settle a payment', () => {
    const acted = Object.entries(ASAAS_EVENT_ACTIONS)
      .filter(([, action]) => action !== null)
      .map(([name]) => name as AsaasPaymentEvent);
    expect(acted.sort()).toEqual([
      'PAYMENT_BANK_SLIP_CANCELLED',
      'PAYMENT_CONFIRMED',
      'PAYMENT_CREDIT_CARD_CAPTURE_REFUSED',
      'PAYMENT_DELETED',
      'PAYMENT_DUNNING_RECEIVED',
      'PAYMENT_OVERDUE',
      'PAYMENT_RECEIVED',
      'PAYMENT_REFUNDED',
      'PAYMENT_REPROVED_BY_RISK_ANALYSIS',
    ]);
  });

  it.each(['{"event":"PAYMENT_RECEIVED"}', 'not json', `{"id":"${EVENT_ID}","event":"PAYMENT_RECEIVED"}`])(
    'ignores an authentic body it cannot read, so the merchant queue is not paused: %s',
    async (body) => {
      const req = { headers: new Headers({ 'asaas-access-token': TOKEN }), body };
      await expect(asaasConnector.parseWebhook(ctx(), req)).resolves.toMatchObject({ kind: 'ignored' });
    },
  );
});
