import { afterEach, describe, expect, it } from 'vitest';
import { pagarmeConnector } from '../../src/gateways/pagarme';
import { CHARGE_STATUS, ORDER_STATUS } from '../../src/gateways/pagarme/wire';
import { type ConnectorContext, ConnectorError, type GatewayStatus } from '../../src/gateways/types';

// Shapes follow GET /orders/{id} and GET /orders (data + paging) as documented for API v5.
const ctx: ConnectorContext = {
  credentials: { secret_key: 'sk_test_abc123' },
  mode: 'test',
  now: 0,
  timeoutMs: 500,
};
const AUTH = `Basic ${btoa('sk_test_abc123:')}`;

function order(
  chargeStatus: string | null,
  method = 'pix',
  tx: Record<string, unknown> = {},
  code = 'pay_01JABCDEF',
) {
  return {
    id: 'or_ZdnB5BBCmYhk534R',
    code,
    amount: 12356,
    currency: 'BRL',
    closed: true,
    status: chargeStatus === 'paid' ? 'paid' : chargeStatus === 'failed' ? 'failed' : 'pending',
    created_at: '2022-06-29T20:23:42',
    updated_at: '2022-06-29T20:23:47',
    charges:
      chargeStatus === null
        ? []
        : [
            {
              id: 'ch_d22356Jf4WuGr8no',
              code,
              gateway_id: 'da7f2304-1937-42a4-b995-0f4ea2b36264',
              amount: 12356,
              status: chargeStatus,
              currency: 'BRL',
              payment_method: method,
              created_at: '2022-06-29T20:23:42',
              updated_at: '2022-06-29T20:23:47',
              last_transaction: {
                id: 'tran_71eaxPbUAUZGronE',
                transaction_type: method,
                amount: 12356,
                ...tx,
              },
            },
          ],
  };
}

type Seen = { url: string; method: string; headers: Headers };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});
function stub(route: (url: string, method: string) => [number, unknown]): Seen[] {
  const seen: Seen[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push({ url: req.url, method: req.method, headers: req.headers });
    const [status, body] = route(req.url, req.method);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
  return seen;
}

describe('pagarme status table', () => {
  it('maps every documented charge and order status (exhaustive Record)', () => {
    expect(Object.keys(CHARGE_STATUS).sort()).toEqual(
      ['canceled', 'chargedback', 'failed', 'overpaid', 'paid', 'pending', 'processing', 'underpaid'].sort(),
    );
    expect(Object.keys(ORDER_STATUS).sort()).toEqual(['canceled', 'failed', 'paid', 'pending', 'processing']);
    const allowed: GatewayStatus['status'][] = ['paid', 'pending', 'denied', 'canceled', 'expired'];
    for (const value of [...Object.values(CHARGE_STATUS), ...Object.values(ORDER_STATUS)]) {
      expect(allowed).toContain(value);
    }
  });
});

describe('pagarme fetchStatus', () => {
  const insufficient = {
    status: 'not_authorized',
    acquirer_return_code: '1016',
    acquirer_message: 'Saldo insuficiente',
  };
  it.each([
    ['pending', 'pix', {}, { status: 'pending' }],
    ['processing', 'credit_card', {}, { status: 'pending' }],
    ['paid', 'credit_card', { status: 'captured', acquirer_return_code: '0000' }, { status: 'paid' }],
    ['overpaid', 'boleto', { status: 'overpaid' }, { status: 'paid' }],
    ['underpaid', 'boleto', { status: 'underpaid' }, { status: 'pending' }],
    ['failed', 'pix', { status: 'failed' }, { status: 'expired' }],
    ['failed', 'credit_card', insufficient, { status: 'denied', failureCode: 'insufficient_funds' }],
    [
      'failed',
      'credit_card',
      { status: 'with_error' },
      { status: 'denied', failureCode: 'processing_error' },
    ],
    ['failed', 'boleto', { status: 'failed' }, { status: 'denied', failureCode: 'processing_error' }],
    ['canceled', 'pix', { status: 'refunded' }, { status: 'canceled' }],
    ['chargedback', 'credit_card', { status: 'chargedback' }, { status: 'canceled' }],
    ['a_status_added_later', 'pix', {}, { status: 'pending' }],
  ])('reads charge %s (%s) by the order id', async (status, method, tx, expected) => {
    const seen = stub(() => [200, order(status, method, tx)]);
    const result = await pagarmeConnector.fetchStatus(ctx, {
      reference: 'or_ZdnB5BBCmYhk534R',
      paymentId: 'pay_x',
    });
    expect(result).toEqual({ ...expected, reference: 'or_ZdnB5BBCmYhk534R' });
    expect(seen.map((s) => [s.method, s.url, s.headers.get('Authorization')])).toEqual([
      ['GET', 'https://api.pagar.me/core/v5/orders/or_ZdnB5BBCmYhk534R', AUTH],
    ]);
  });

  it('falls back to the order status when the order has no charge', async () => {
    stub(() => [200, { ...order(null), status: 'canceled' }]);
    const result = await pagarmeConnector.fetchStatus(ctx, {
      reference: 'or_ZdnB5BBCmYhk534R',
      paymentId: 'p',
    });
    expect(result).toEqual({ status: 'canceled', reference: 'or_ZdnB5BBCmYhk534R' });
  });

  it('finds the order by Borda payment id (the order code) when there is no reference yet', async () => {
    const seen = stub(() => [200, { data: [order('paid', 'credit_card')], paging: { total: 1 } }]);
    const result = await pagarmeConnector.fetchStatus(ctx, { reference: null, paymentId: 'pay_01JABCDEF' });
    expect(result).toEqual({ status: 'paid', reference: 'or_ZdnB5BBCmYhk534R' });
    expect(seen[0]?.url).toBe('https://api.pagar.me/core/v5/orders?code=pay_01JABCDEF');
  });

  it('reports not_found for an empty search, another code, or a 404', async () => {
    stub(() => [200, { data: [], paging: { total: 0 } }]);
    expect(await pagarmeConnector.fetchStatus(ctx, { reference: null, paymentId: 'pay_01JABCDEF' })).toEqual({
      status: 'not_found',
      reference: null,
    });
    stub(() => [200, { data: [order('paid', 'pix', {}, 'pay_OTHER')] }]);
    expect(
      (await pagarmeConnector.fetchStatus(ctx, { reference: null, paymentId: 'pay_01JABCDEF' })).status,
    ).toBe('not_found');
    stub(() => [404, { message: 'Order not found' }]);
    expect((await pagarmeConnector.fetchStatus(ctx, { reference: 'or_gone', paymentId: 'p' })).status).toBe(
      'not_found',
    );
  });

  it('throws a ConnectorError when Pagar.me is down', async () => {
    stub(() => [503, undefined]);
    const err = await pagarmeConnector
      .fetchStatus(ctx, { reference: 'or_x', paymentId: 'p' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe('retryable');
  });
});

describe('pagarme cancel', () => {
  it('deletes the open charge of the order, idempotently', async () => {
    const seen = stub((_url, method) =>
      method === 'GET' ? [200, order('pending', 'pix')] : [200, { status: 'canceled' }],
    );
    await pagarmeConnector.cancel(ctx, 'or_ZdnB5BBCmYhk534R');
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'https://api.pagar.me/core/v5/orders/or_ZdnB5BBCmYhk534R'],
      ['DELETE', 'https://api.pagar.me/core/v5/charges/ch_d22356Jf4WuGr8no'],
    ]);
    expect(seen[1]?.headers.get('Idempotency-Key')).toBe('cancel-ch_d22356Jf4WuGr8no');
    expect(seen[1]?.headers.get('Authorization')).toBe(AUTH);
  });

  it('never cancels (refunds) a paid charge and skips charges already closed', async () => {
    const paid = stub(() => [200, order('paid', 'credit_card')]);
    const err = await pagarmeConnector.cancel(ctx, 'or_ZdnB5BBCmYhk534R').catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('already_paid');
    const closed = stub(() => [200, order('failed', 'pix')]);
    await pagarmeConnector.cancel(ctx, 'or_ZdnB5BBCmYhk534R');
    expect([...paid, ...closed].map((s) => s.method)).toEqual(['GET', 'GET']);
  });

  it('treats an unknown order as nothing to cancel', async () => {
    const seen = stub(() => [404, { message: 'Order not found' }]);
    await pagarmeConnector.cancel(ctx, 'or_gone');
    expect(seen).toHaveLength(1);
  });
});
