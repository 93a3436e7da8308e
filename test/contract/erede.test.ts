import './workers-shims';
import { describe, expect, it } from 'vitest';
import { eredeReference } from '../../src/gateways/erede/build';
import { eredeConnector as erede } from '../../src/gateways/erede/client';
import { routePayment } from '../../src/gateways/router';
import { context, paymentRequest } from './connector-fixtures';
import { approved, declines, token, useERedeFake } from './erede-fake';

const { state, ctx } = useERedeFake();
const fake = () => state.fake;

describe('e.Rede: OAuth2 client credentials', () => {
  it('exchanges client_id:client_secret as HTTP Basic with a client_credentials form, then sends the Bearer token', async () => {
    await erede.createPayment(ctx(), paymentRequest());
    const [exchange] = fake().calls('POST', '/oauth2/token');
    expect(exchange?.headers.authorization).toBe(
      `Basic ${btoa(`${state.creds.client_id}:${state.creds.client_secret}`)}`,
    );
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(exchange?.body).get('grant_type')).toBe('client_credentials');
    const [post] = fake().calls('POST', '/v2/transactions');
    expect(post?.headers.authorization).toBe(`Bearer ${token.response.access_token}`);
  });

  it('reuses the token within its life and exchanges again per set of credentials', async () => {
    await erede.createPayment(ctx(), paymentRequest());
    await erede.fetchStatus(ctx(), { reference: '12345678', paymentId: 'pay_x' });
    expect(fake().calls('POST', '/oauth2/token')).toHaveLength(1);
    await erede.createPayment(
      context(fake().base, { ...state.creds, client_secret: 'another' }),
      paymentRequest(),
    );
    expect(fake().calls('POST', '/oauth2/token')).toHaveLength(2);
  });

  it('refreshes a token before it expires (inside the refresh margin it is not used)', async () => {
    state.next.token = () => ({ status: 200, body: { ...token.response, expires_in: 30 } });
    await erede.createPayment(ctx(), paymentRequest());
    await erede.createPayment(ctx(), paymentRequest());
    expect(fake().calls('POST', '/oauth2/token')).toHaveLength(2);
  });

  it('drops a token the API refuses (401) and retries once with a fresh one', async () => {
    let refused = false;
    state.next.create = () => {
      if (refused) return { status: 201, body: approved.response };
      refused = true;
      return { status: 401, body: { returnCode: '25', returnMessage: 'Unauthorized' } };
    };
    const r = await erede.createPayment(ctx(), paymentRequest());
    expect(r).toEqual({ status: 'paid', reference: '12345678' });
    expect(fake().calls('POST', '/oauth2/token')).toHaveLength(2);
    expect(fake().calls('POST', '/v2/transactions')).toHaveLength(2);
  });

  it('refused credentials are a retryable gateway_auth: nothing was sent', async () => {
    state.next.token = () => ({ status: 401, body: { error: 'invalid_client' } });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_auth',
    });
    expect(fake().calls('POST', '/v2/transactions')).toHaveLength(0);
  });
});

describe('e.Rede: card', () => {
  it('sends a captured credit transaction in centavos with the installments and a 16-character reference', async () => {
    const req = paymentRequest({ installments: 3, amount: 20099 });
    const r = await erede.createPayment(ctx(), req);
    expect(r).toEqual({ status: 'paid', reference: '12345678' });
    const body = fake().calls('POST', '/v2/transactions')[0]?.json as Record<string, unknown>;
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
    expect(fake().calls('POST', '/v2/transactions')[0]?.json).not.toHaveProperty('installments');
  });

  for (const status of [200, 402]) {
    it(`reads every documented authorizer refusal as a decline (HTTP ${status})`, async () => {
      for (const d of declines.codes) {
        state.next.create = () => ({
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
    state.next.create = () => ({ status: 400, body: declines.integration_error });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_rejected',
    });
  });

  it('a 500 leaves a card in doubt (ambiguous); a 503 was never served (retryable)', async () => {
    state.next.create = () => ({ status: 500, body: { message: 'internal error' } });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({ kind: 'ambiguous' });
    state.next.create = () => ({ status: 503, body: {} });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_unavailable',
    });
  });

  it('a timeout on a card is ambiguous, and the router then finds it by reference before anyone else tries', async () => {
    state.next.create = () => 'hang';
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
      credentials: state.creds,
      settings: {},
      apiBase: fake().base,
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
    const lookup = fake().calls('GET', '/v2/transactions').at(-1);
    expect(lookup?.query.get('reference')).toBe(eredeReference(req.paymentId));
  });

  it('a reference e.Rede already has (122) is ambiguous for a card', async () => {
    state.next.create = () => ({ status: 400, body: declines.duplicate_reference });
    await expect(erede.createPayment(ctx(), paymentRequest())).rejects.toMatchObject({ kind: 'ambiguous' });
  });
});
