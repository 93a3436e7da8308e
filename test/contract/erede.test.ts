import './workers-shims';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eredeReference } from '../../src/gateways/erede/build';
import { eredeConnector as erede } from '../../src/gateways/erede/client';
import { EREDE_STATUS, type ERedeAuthorizationStatus } from '../../src/gateways/erede/wire';
import { routePayment } from '../../src/gateways/router';
import { ConnectorError } from '../../src/gateways/types';
import { context, fixture, paymentRequest } from './connector-fixtures';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';

const token = fixture<{ response: { access_token: string; expires_in: number } }>('erede', 'token');
const approved = fixture<{ response: Record<string, unknown> }>('erede', 'card-approved');
const declines = fixture<{
  codes: { returnCode: string; returnMessage: string; expect: string }[];
  integration_error: Record<string, string>;
  duplicate_reference: Record<string, string>;
}>('erede', 'declines');
const queryApproved = fixture<{ response: { authorization: Record<string, unknown> } }>(
  'erede',
  'query-approved',
);
const pixCreated = fixture<{ response: { qrCodeResponse: { qrCodeData: string } } }>('erede', 'pix-created');
const queryPix = fixture<{ response: { qrCodeResponse: Record<string, unknown> } }>('erede', 'query-pix');
const refunds = fixture<Record<string, Record<string, unknown>>>('erede', 'refunds');

/** What the fake answers next, per route; defaults are the documented happy answers. */
let next: Record<string, (r: Received) => Answer> = {};
let fake: FakeGateway;
let seq = 0;
/** Fresh credentials per test, so the per-isolate token cache of one test never serves another. */
let creds: { client_id: string; client_secret: string };

beforeAll(async () => {
  const route = (key: string, fallback: (r: Received) => Answer) => (r: Received) =>
    (next[key] ?? fallback)(r);
  fake = await startFakeGateway({
    'POST /oauth2/token': route('token', () => ({ status: 200, body: token.response })),
    'POST /v2/transactions': route('create', () => ({ status: 201, body: approved.response })),
    'GET /v2/transactions': route('byReference', () => ({ status: 200, body: queryApproved.response })),
    'GET /v2/transactions/:tid': route('get', () => ({ status: 200, body: queryApproved.response })),
    'POST /v2/transactions/:tid/refunds': route('refund', () => ({ status: 200, body: refunds.done })),
    'GET /v2/transactions/:tid/refunds': route('refunds', () => ({ status: 200, body: refunds.list })),
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  next = {};
  fake.received.length = 0;
  seq += 1;
  creds = { client_id: `5034${seq}`, client_secret: `integration-key-${seq}` };
});

const ctx = (over = {}) => context(fake.base, creds, over);

describe('e.Rede: OAuth2 client credentials', () => {
  it('exchanges client_id:client_secret as HTTP Basic with a client_credentials form, then sends the Bearer token', async () => {
    await erede.createPayment(ctx(), paymentRequest());
    const [exchange] = fake.calls('POST', '/oauth2/token');
    expect(exchange?.headers.authorization).toBe(
      `Basic ${btoa(`${creds.client_id}:${creds.client_secret}`)}`,
    );
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(exchange?.body).get('grant_type')).toBe('client_credentials');
    const [post] = fake.calls('POST', '/v2/transactions');
    expect(post?.headers.authorization).toBe(`Bearer ${token.response.access_token}`);
  });

  it('reuses the token within its life and exchanges again per set of credentials', async () => {
    await erede.createPayment(ctx(), paymentRequest());
    await erede.fetchStatus(ctx(), { reference: '12345678', paymentId: 'pay_x' });
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(1);
    await erede.createPayment(context(fake.base, { ...creds, client_secret: 'another' }), paymentRequest());
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(2);
  });

  it('refreshes a token before it expires (inside the refresh margin it is not used)', async () => {
    next.token = () => ({ status: 200, body: { ...token.response, expires_in: 30 } });
    await erede.createPayment(ctx(), paymentRequest());
    await erede.createPayment(ctx(), paymentRequest());
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(2);
  });

  it('drops a token the API refuses (401) and retries once with a fresh one', async () => {
    let refused = false;
    next.create = () => {
      if (refused) return { status: 201, body: approved.response };
      refused = true;
      return { status: 401, body: { returnCode: '25', returnMessage: 'Unauthorized' } };
    };
    const r = await erede.createPayment(ctx(), paymentRequest());
    expect(r).toEqual({ status: 'paid', reference: '12345678' });
    expect(fake.calls('POST', '/oauth2/token')).toHaveLength(2);
    expect(fake.calls('POST', '/v2/transactions')).toHaveLength(2);
  });

  it('refused credentials are a retryable gateway_auth: nothing was sent', async () => {
    next.token = () => ({ status: 401, body: { error: 'invalid_client' } });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_auth',
    });
    expect(fake.calls('POST', '/v2/transactions')).toHaveLength(0);
  });
});

describe('e.Rede: card', () => {
  it('sends a captured credit transaction in centavos with the installments and a 16-character reference', async () => {
    const req = paymentRequest({ installments: 3, amount: 20099 });
    const r = await erede.createPayment(ctx(), req);
    expect(r).toEqual({ status: 'paid', reference: '12345678' });
    const body = fake.calls('POST', '/v2/transactions')[0]?.json as Record<string, unknown>;
    expect(body).toEqual({
      capture: true,
      kind: 'credit',
      reference: eredeReference(req.paymentId),
      amount: 20099,
      installments: 3,
      cardholderName: 'MARIA SILVA',
      cardNumber: '5448280000000007',
      expirationMonth: 12,
      expirationYear: 2030,
      securityCode: '235',
    });
    expect(String(body.reference)).toHaveLength(16);
    expect(Number.isInteger(body.amount)).toBe(true);
  });

  it('sends no installments for a single payment', async () => {
    await erede.createPayment(ctx(), paymentRequest({ installments: 1 }));
    expect(fake.calls('POST', '/v2/transactions')[0]?.json).not.toHaveProperty('installments');
  });

  for (const status of [200, 402]) {
    it(`reads every documented authorizer refusal as a decline (HTTP ${status})`, async () => {
      for (const d of declines.codes) {
        next.create = () => ({
          status,
          body: { returnCode: d.returnCode, returnMessage: d.returnMessage, tid: 'T1' },
        });
        expect(await erede.createPayment(ctx(), paymentRequest())).toEqual({
          status: 'denied',
          reference: 'T1',
          failureCode: d.expect,
        });
      }
    });
  }

  it('an integration error (400) is retryable: another gateway may take the card', async () => {
    next.create = () => ({ status: 400, body: declines.integration_error });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_rejected',
    });
  });

  it('a 500 leaves a card in doubt (ambiguous); a 503 was never served (retryable)', async () => {
    next.create = () => ({ status: 500, body: { message: 'internal error' } });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({ kind: 'ambiguous' });
    next.create = () => ({ status: 503, body: {} });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_unavailable',
    });
  });

  it('a timeout on a card is ambiguous, and the router then finds it by reference before anyone else tries', async () => {
    next.create = () => 'hang';
    const req = paymentRequest();
    await expect(erede.createPayment(ctx({ timeoutMs: 300 }), req)).rejects.toMatchObject({
      kind: 'ambiguous',
      code: 'gateway_timeout',
    });
    const account = {
      id: 'gwa_1',
      gateway: 'erede',
      name: 'rede',
      priority: 1,
      rules: {},
      enabled: true,
      consecutiveFailures: 0,
      openUntil: null,
      credentials: creds,
      settings: {},
      apiBase: fake.base,
    };
    const routed = { method: 'card', currency: 'BRL', country: 'BRA', amount: req.amount };
    const report = await routePayment(
      { accounts: [account], firstTry: null, mode: 'test', timeoutMs: 300 },
      req,
      routed,
    );
    expect(report.outcome).toMatchObject({
      kind: 'result',
      result: { status: 'paid', reference: '12345678' },
    });
    const lookup = fake.calls('GET', '/v2/transactions').at(-1);
    expect(lookup?.query.get('reference')).toBe(eredeReference(req.paymentId));
  });

  it('a reference e.Rede already has (122) is ambiguous for a card', async () => {
    next.create = () => ({ status: 400, body: declines.duplicate_reference });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({ kind: 'ambiguous' });
  });
});

describe('e.Rede: PIX', () => {
  it('asks for a Pix QR code expiring with the session (Brasília time) and returns its BR Code', async () => {
    next.create = () => ({ status: 201, body: pixCreated.response });
    const expiresAt = Date.parse('2026-11-12T18:00:09Z');
    const req = paymentRequest({ method: 'pix', card: undefined, expiresAt, now: expiresAt - 1_800_000 });
    const r = await erede.createPayment(ctx(), req);
    expect(fake.calls('POST', '/v2/transactions')[0]?.json).toEqual({
      kind: 'Pix',
      reference: eredeReference(req.paymentId),
      amount: 15000,
      qrCode: { dateTimeExpiration: '2026-11-12T15:00:09' },
    });
    expect(r).toEqual({
      status: 'pending',
      reference: '40012411121539096004',
      details: {
        pix: {
          payload: pixCreated.response.qrCodeResponse.qrCodeData,
          expires_at: expiresAt,
          txid: 'REZ1234560038421438241112',
        },
      },
    });
  });

  it('a timeout issuing a PIX is retryable: a code nobody saw cannot be paid', async () => {
    next.create = () => 'hang';
    await expect(
      erede.createPayment(ctx({ timeoutMs: 300 }), paymentRequest({ method: 'pix', card: undefined })),
    ).rejects.toMatchObject({ kind: 'retryable', code: 'gateway_timeout' });
  });

  it('polls a PIX by tid: the documented Pending reads pending', async () => {
    next.get = () => ({ status: 200, body: queryPix.response });
    expect(await erede.fetchStatus(ctx(), { reference: '40012411121539096004', paymentId: 'pay_x' })).toEqual(
      {
        status: 'pending',
        reference: '40012411121539096004',
      },
    );
    expect(fake.calls('GET', '/v2/transactions/40012411121539096004')).toHaveLength(1);
  });
});

describe('e.Rede: status by polling', () => {
  it('maps every documented authorization status', async () => {
    for (const [status, borda] of Object.entries(EREDE_STATUS) as [ERedeAuthorizationStatus, string][]) {
      next.get = () => ({
        status: 200,
        body: { authorization: { ...queryApproved.response.authorization, status, returnCode: '111' } },
      });
      const r = await erede.fetchStatus(ctx(), { reference: '12345678', paymentId: 'pay_x' });
      expect(r.status, status).toBe(borda);
      if (borda === 'denied') expect(r.failureCode).toBe('insufficient_funds');
    }
  });

  it('an unknown transaction is not_found; an undocumented status is pending', async () => {
    next.get = () => ({
      status: 404,
      body: { returnCode: '78', returnMessage: 'Transaction does not exist' },
    });
    expect(await erede.fetchStatus(ctx(), { reference: 'nope', paymentId: 'pay_x' })).toEqual({
      status: 'not_found',
      reference: null,
    });
    next.get = () => ({ status: 200, body: { authorization: { status: 'Whatever', tid: 'T' } } });
    expect((await erede.fetchStatus(ctx(), { reference: 'T', paymentId: 'pay_x' })).status).toBe('pending');
  });

  it('refuses every inbound notification: e.Rede documents no signature', async () => {
    const err = await erede
      .parseWebhook(ctx(), { headers: new Headers(), body: JSON.stringify(queryApproved.response) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'retryable', code: 'unauthorized' });
  });

  it('cancel refuses a paid transaction and lets a pending one expire', async () => {
    await expect(erede.cancel(ctx(), '12345678')).rejects.toMatchObject({ code: 'already_paid' });
    next.get = () => ({ status: 200, body: queryPix.response });
    await expect(erede.cancel(ctx(), '40012411121539096004')).resolves.toBeUndefined();
  });
});

describe('e.Rede: refunds', () => {
  const refundReq = (amount: number) => ({
    refundId: 'rf_1',
    paymentId: 'pay_x',
    reference: '12345678',
    method: 'card',
    amount,
    currency: 'BRL' as const,
    chargedAmount: 20099,
    reason: null,
    now: Date.now(),
  });

  it('posts the amount in centavos per transaction: 359 is done, 360 accepted', async () => {
    expect(await erede.refund?.(ctx(), refundReq(5000))).toEqual({
      status: 'succeeded',
      reference: refunds.done?.refundId,
    });
    expect(fake.calls('POST', '/v2/transactions/12345678/refunds')[0]?.json).toEqual({ amount: 5000 });
    next.refund = () => ({ status: 200, body: refunds.accepted });
    expect(await erede.refund?.(ctx(), refundReq(1000))).toMatchObject({ status: 'pending' });
  });

  it('a refusal is a failed refund with e.Rede code; a 500 is ambiguous', async () => {
    next.refund = () => ({ status: 400, body: refunds.refused });
    expect(await erede.refund?.(ctx(), refundReq(5000))).toEqual({
      status: 'failed',
      reference: null,
      failureCode: 'erede_355',
    });
    next.refund = () => ({ status: 500, body: {} });
    await expect(erede.refund?.(ctx(), refundReq(5000))).rejects.toMatchObject({ kind: 'ambiguous' });
  });

  it('an accepted refund with an undocumented code is pending, never failed', async () => {
    next.refund = () => ({ status: 200, body: { returnCode: '399', refundId: 'rf-x' } });
    expect(await erede.refund?.(ctx(), refundReq(5000))).toEqual({ status: 'pending', reference: 'rf-x' });
  });

  it('reads each documented refund status from the transaction refunds', async () => {
    const ask = (reference: string) =>
      erede.fetchRefund?.(ctx(), { reference, paymentReference: '12345678', refundId: 'rf_1' });
    expect((await ask('93f2c1a0-7d4e-4b55-9b0e-1f2d3c4b5a69'))?.status).toBe('succeeded');
    expect((await ask('0d9b8f1e-2c3a-4d5e-8f70-112233445566'))?.status).toBe('pending');
    expect((await ask('aa9b8f1e-2c3a-4d5e-8f70-112233445599'))?.status).toBe('failed');
  });
});
