import './workers-shims';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { merchantChargeId } from '../../src/gateways/picpay/build';
import { picpayConnector as picpay } from '../../src/gateways/picpay/client';
import {
  PICPAY_CHARGE_STATUS,
  PICPAY_TRANSACTION_STATUS,
  type PicPayChargeStatus,
  type PicPayTransactionStatus,
} from '../../src/gateways/picpay/wire';
import { context, fixture, paymentRequest } from './connector-fixtures';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';

type Json = Record<string, unknown>;
const token = fixture<{ response: { access_token: string } }>('picpay', 'token');
const pixCharge = fixture<{ response: Json }>('picpay', 'charge-pix');
const walletCharge = fixture<{ response: Json }>('picpay', 'charge-wallet');
const found = fixture<{ paid: Json; refunded_partially: Json }>('picpay', 'find-charge');
const notification = fixture<{ headers: Record<string, string>; body: Json }>('picpay', 'notification');

/** A fixture with its `<merchantChargeId>` placeholder filled in. */
function withId<T>(value: T, id: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll('<merchantChargeId>', id)) as T;
}
const idFromPath = (r: Received) => decodeURIComponent(r.path.split('/')[4] ?? '');

let next: Record<string, (r: Received) => Answer> = {};
let fake: FakeGateway;
let seq = 0;
let creds: { client_id: string; client_secret: string; notification_token: string };

beforeAll(async () => {
  const route = (key: string, fallback: (r: Received) => Answer) => (r: Received) =>
    (next[key] ?? fallback)(r);
  const echo = (f: Json) => (r: Received) => ({
    status: 200,
    body: withId(f, String((r.json as Json).merchantChargeId)),
  });
  fake = await startFakeGateway({
    'POST /oauth2/token': route('token', () => ({ status: 200, body: token.response })),
    'POST /api/v1/charge/pix': route('pix', echo(pixCharge.response)),
    'POST /api/v1/charge/wallet': route('wallet', echo(walletCharge.response)),
    'GET /api/v1/charge/:id': route('get', (r) => ({ status: 200, body: withId(found.paid, idFromPath(r)) })),
    'POST /api/v1/charge/:id/refund': route('refund', (r) => ({
      status: 200,
      body: withId(found.refunded_partially, idFromPath(r)),
    })),
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  next = {};
  fake.received.length = 0;
  seq += 1;
  creds = {
    client_id: `cid-${seq}`,
    client_secret: `secret-${seq}`,
    notification_token: `ntok-${seq}-0123456789`,
  };
});

const ctx = (over = {}) => context(fake.base, creds, over);
const pixReq = (over = {}) => paymentRequest({ method: 'pix', card: undefined, ...over });

describe('PicPay: OAuth2 and the PIX charge', () => {
  it('exchanges the client credentials as JSON, then creates the charge with the Bearer token', async () => {
    const req = pixReq({ amount: 15000 });
    const r = await picpay.createPayment(ctx(), req);
    const [exchange] = fake.calls('POST', '/oauth2/token');
    expect(exchange?.json).toEqual({
      grant_type: 'client_credentials',
      client_id: creds.client_id,
      client_secret: creds.client_secret,
    });
    const [post] = fake.calls('POST', '/api/v1/charge/pix');
    expect(post?.headers.authorization).toBe(`Bearer ${token.response.access_token}`);
    const body = post?.json as Json;
    expect(body).toEqual({
      paymentSource: 'GATEWAY',
      merchantChargeId: merchantChargeId(req.paymentId),
      customer: {
        name: 'Maria Silva',
        email: 'maria@example.com',
        documentType: 'CPF',
        document: '52998224725',
      },
      transactions: [{ amount: 15000, pix: { expiration: Math.floor((req.expiresAt - req.now) / 1000) } }],
    });
    expect(String(body.merchantChargeId)).toMatch(/^[A-Za-z0-9-]{6,36}$/);
    const qr = (((pixCharge.response.transactions as Json[])[0]?.pix ?? {}) as Json).qrCode;
    expect(r).toEqual({
      status: 'pending',
      reference: merchantChargeId(req.paymentId),
      details: { pix: { payload: qr, expires_at: req.expiresAt, txid: 'PICPAY0001' } },
    });
  });

  it('reuses the token, and re-exchanges once after a 401', async () => {
    await picpay.createPayment(ctx(), pixReq());
    await picpay.fetchStatus(ctx(), { reference: 'pay-abcdef', paymentId: 'pay_x' });
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(1);
    let refused = false;
    next.get = (r) => {
      if (refused) return { status: 200, body: withId(found.paid, idFromPath(r)) };
      refused = true;
      return { status: 401, body: { message: 'expired token' } };
    };
    expect((await picpay.fetchStatus(ctx(), { reference: 'pay-abcdef', paymentId: 'pay_x' })).status).toBe(
      'paid',
    );
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(2);
  });

  it('a CNPJ customer is sent as CNPJ; a customer without document is refused before any call', async () => {
    await picpay.createPayment(
      ctx(),
      pixReq({ customer: { name: 'Empresa Ltda.', email: 'f@empresa.com', document: '11.222.333/0001-81' } }),
    );
    expect(((fake.calls('POST', '/api/v1/charge/pix')[0]?.json ?? {}) as Json).customer).toEqual({
      name: 'Empresa Ltda',
      email: 'f@empresa.com',
      documentType: 'CNPJ',
      document: '11222333000181',
    });
    fake.received.length = 0;
    await expect(
      picpay.createPayment(ctx(), pixReq({ customer: { name: 'Sem CPF', email: 'a@b.com' } })),
    ).rejects.toMatchObject({ kind: 'retryable', code: 'gateway_missing_data' });
    expect(fake.received).toHaveLength(0);
  });

  it('refusals, 5xx and timeouts are retryable: no code was shown, so none can be paid', async () => {
    next.pix = () => ({ status: 400, body: { message: 'merchantChargeId already used' } });
    await expect(picpay.createPayment(ctx(), pixReq())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_rejected',
    });
    next.pix = () => ({ status: 500, body: { message: 'error' } });
    await expect(picpay.createPayment(ctx(), pixReq())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_unavailable',
    });
    next.pix = () => 'hang';
    await expect(picpay.createPayment(ctx({ timeoutMs: 300 }), pixReq())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_timeout',
    });
  });
});

describe('PicPay: wallet', () => {
  it('creates a wallet charge and hands the customer the code the PicPay app opens', async () => {
    const req = paymentRequest({ method: 'picpay', card: undefined });
    const r = await picpay.createPayment(ctx(), req);
    const body = fake.calls('POST', '/api/v1/charge/wallet')[0]?.json as Json;
    expect(body.transactions).toEqual([
      { amount: 15000, wallet: { expiration: Math.floor((req.expiresAt - req.now) / 1000) } },
    ]);
    expect(r).toMatchObject({
      status: 'pending',
      details: { voucher: { kind: 'redirect', reference: expect.stringContaining('picpay.com') } },
    });
  });
});

describe('PicPay: status', () => {
  it('maps every documented transaction status, and every charge status when no transaction says', async () => {
    for (const [status, borda] of Object.entries(PICPAY_TRANSACTION_STATUS) as [
      PicPayTransactionStatus,
      string,
    ][]) {
      next.get = () => ({
        status: 200,
        body: { merchantChargeId: 'pay-1234567', transactions: [{ transactionStatus: status }] },
      });
      expect(
        (await picpay.fetchStatus(ctx(), { reference: 'pay-1234567', paymentId: 'x' })).status,
        status,
      ).toBe(borda);
    }
    for (const [status, borda] of Object.entries(PICPAY_CHARGE_STATUS) as [PicPayChargeStatus, string][]) {
      next.get = () => ({ status: 200, body: { merchantChargeId: 'pay-1234567', chargeStatus: status } });
      expect(
        (await picpay.fetchStatus(ctx(), { reference: 'pay-1234567', paymentId: 'x' })).status,
        status,
      ).toBe(borda);
    }
  });

  it('finds a charge by the id derived from the payment when Borda has no reference; unknown is not_found', async () => {
    await picpay.fetchStatus(ctx(), { reference: null, paymentId: 'pay_Abc123' });
    expect(fake.calls('GET', '/api/v1/charge/pay-Abc123')).toHaveLength(1);
    next.get = () => ({ status: 404, body: { message: 'not found' } });
    expect(await picpay.fetchStatus(ctx(), { reference: 'pay-nothere', paymentId: 'x' })).toEqual({
      status: 'not_found',
      reference: null,
    });
  });
});

describe('PicPay: refunds', () => {
  const refundReq = (amount: number) => ({
    refundId: 'rf_1',
    paymentId: 'pay_x',
    reference: 'pay-abcdef1',
    method: 'pix',
    amount,
    currency: 'BRL' as const,
    chargedAmount: 15000,
    reason: null,
    now: Date.now(),
  });

  it('refunds part of a charge by its merchantChargeId, amount in centavos', async () => {
    expect(await picpay.refund?.(ctx(), refundReq(5000))).toEqual({ status: 'succeeded', reference: null });
    expect(fake.calls('POST', '/api/v1/charge/pay-abcdef1/refund')[0]?.json).toEqual({ amount: 5000 });
    expect(
      (
        await picpay.fetchRefund?.(ctx(), {
          reference: null,
          paymentReference: 'pay-abcdef1',
          refundId: 'rf_1',
        })
      )?.status,
    ).toBe('pending');
  });

  it('a refused refund fails; a 500 or a timeout is ambiguous', async () => {
    next.refund = () => ({ status: 400, body: { message: 'amount greater than available' } });
    expect(await picpay.refund?.(ctx(), refundReq(99999))).toMatchObject({ status: 'failed' });
    next.refund = () => ({ status: 500, body: {} });
    await expect(picpay.refund?.(ctx(), refundReq(5000))).rejects.toMatchObject({ kind: 'ambiguous' });
    next.refund = () => 'hang';
    await expect(picpay.refund?.(ctx({ timeoutMs: 300 }), refundReq(5000))).rejects.toMatchObject({
      kind: 'ambiguous',
    });
  });
});

describe('PicPay: notifications', () => {
  const deliver = (auth: string | null, body: Json, headers: Record<string, string> = notification.headers) =>
    picpay.parseWebhook(ctx(), {
      headers: new Headers({ ...headers, ...(auth === null ? {} : { Authorization: auth }) }),
      body: JSON.stringify(body),
    });

  it('refuses a notification without the merchant token, or with another, before asking PicPay anything', async () => {
    const body = withId(notification.body, 'pay-abcdef1');
    await expect(deliver(null, body)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(deliver('ntok-other-0123456789', body)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(deliver(`Bearer ${creds.notification_token}x`, body)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(fake.received).toHaveLength(0);
  });

  it('with the token, queries the charge and reports what PicPay says, with the amount and the PIX end-to-end id', async () => {
    const event = await deliver(creds.notification_token, withId(notification.body, 'pay-abcdef1'));
    expect(fake.calls('GET', '/api/v1/charge/pay-abcdef1')).toHaveLength(1);
    expect(event).toEqual({
      kind: 'paid',
      eventId: 'pay-abcdef1:paid',
      reference: 'pay-abcdef1',
      amount: 15000,
      currency: 'BRL',
      // The transfer's id as PicPay's charge carries it (transactions[].pix.endToEndId).
      endToEndId: 'E18236120202611121540s0123456789',
    });
  });

  it('is replay-safe: the same notification reduces to the same event id', async () => {
    const body = withId(notification.body, 'pay-abcdef1');
    const a = await deliver(creds.notification_token, body);
    const b = await deliver(`Bearer ${creds.notification_token}`, body);
    expect(b).toEqual(a);
  });

  it('never trusts the unsigned body: a body saying PAID for a pending charge settles nothing', async () => {
    next.get = (r) => ({ status: 200, body: withId(pixCharge.response, idFromPath(r)) });
    const event = await deliver(creds.notification_token, withId(notification.body, 'pay-abcdef1'));
    expect(event.kind).toBe('ignored');
  });

  it('an expired PIX is reported expired; other event types and bodies naming no charge are ignored', async () => {
    next.get = () => ({
      status: 200,
      body: { merchantChargeId: 'pay-abcdef1', transactions: [{ transactionStatus: 'EXPIRED' }] },
    });
    expect(await deliver(creds.notification_token, withId(notification.body, 'pay-abcdef1'))).toMatchObject({
      kind: 'expired',
      eventId: 'pay-abcdef1:expired',
    });
    expect(
      (
        await deliver(creds.notification_token, withId(notification.body, 'pay-abcdef1'), {
          event_type: 'Challenge3dsUpdateMessage',
        })
      ).kind,
    ).toBe('ignored');
    expect((await deliver(creds.notification_token, { hello: 'world' })).kind).toBe('ignored');
  });
});
