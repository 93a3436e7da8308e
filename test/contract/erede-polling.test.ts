import './workers-shims';
import { describe, expect, it } from 'vitest';
import { eredeReference } from '../../src/gateways/erede/build';
import { eredeConnector as erede } from '../../src/gateways/erede/client';
import { EREDE_STATUS, type ERedeAuthorizationStatus } from '../../src/gateways/erede/wire';
import { ConnectorError } from '../../src/gateways/types';
import { paymentRequest } from './connector-fixtures';
import { pixCreated, queryApproved, queryPix, refunds, useERedeFake } from './erede-fake';

const { state, ctx } = useERedeFake();
const fake = () => state.fake;

describe('e.Rede: PIX', () => {
  it('asks for a Pix QR code expiring with the session (Brasília time) and returns its BR Code', async () => {
    state.next.create = () => ({ status: 201, body: pixCreated.response });
    const expiresAt = Date.parse('2026-11-12T18:00:09Z');
    const req = paymentRequest({ method: 'pix', card: undefined, expiresAt, now: expiresAt - 1_800_000 });
    const r = await erede.createPayment(ctx(), req);
    expect(fake().calls('POST', '/v2/transactions')[0]?.json).toEqual({
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
    state.next.create = () => 'hang';
    await expect(
      erede.createPayment(ctx({ timeoutMs: 300 }), paymentRequest({ method: 'pix', card: undefined })),
    ).rejects.toMatchObject({ kind: 'retryable', code: 'gateway_timeout' });
  });

  it('polls a PIX by tid: the documented Pending reads pending', async () => {
    state.next.get = () => ({ status: 200, body: queryPix.response });
    expect(await erede.fetchStatus(ctx(), { reference: '40012411121539096004', paymentId: 'pay_x' })).toEqual(
      {
        status: 'pending',
        reference: '40012411121539096004',
      },
    );
    expect(fake().calls('GET', '/v2/transactions/40012411121539096004')).toHaveLength(1);
  });
});

describe('e.Rede: status by polling', () => {
  it('maps every documented authorization status', async () => {
    for (const [status, borda] of Object.entries(EREDE_STATUS) as [ERedeAuthorizationStatus, string][]) {
      state.next.get = () => ({
        status: 200,
        body: { authorization: { ...queryApproved.response.authorization, status, returnCode: '111' } },
      });
      const r = await erede.fetchStatus(ctx(), { reference: '12345678', paymentId: 'pay_x' });
      expect(r.status, status).toBe(borda);
      if (borda === 'denied') expect(r.failureCode).toBe('insufficient_funds');
    }
  });

  it('an unknown transaction is not_found; an undocumented status is pending', async () => {
    state.next.get = () => ({
      status: 404,
      body: { returnCode: '78', returnMessage: 'Transaction does not exist' },
    });
    expect(await erede.fetchStatus(ctx(), { reference: 'nope', paymentId: 'pay_x' })).toEqual({
      status: 'not_found',
      reference: null,
    });
    state.next.get = () => ({ status: 200, body: { authorization: { status: 'Whatever', tid: 'T' } } });
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
    state.next.get = () => ({ status: 200, body: queryPix.response });
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
    expect(fake().calls('POST', '/v2/transactions/12345678/refunds')[0]?.json).toEqual({ amount: 5000 });
    state.next.refund = () => ({ status: 200, body: refunds.accepted });
    expect(await erede.refund?.(ctx(), refundReq(1000))).toMatchObject({ status: 'pending' });
  });

  it('a refusal is a failed refund with e.Rede code; a 500 is ambiguous', async () => {
    state.next.refund = () => ({ status: 400, body: refunds.refused });
    expect(await erede.refund?.(ctx(), refundReq(5000))).toEqual({
      status: 'failed',
      reference: null,
      failureCode: 'erede_355',
    });
    state.next.refund = () => ({ status: 500, body: {} });
    await expect(erede.refund?.(ctx(), refundReq(5000))).rejects.toMatchObject({ kind: 'ambiguous' });
  });

  it('an accepted refund with an undocumented code is pending, never failed', async () => {
    state.next.refund = () => ({ status: 200, body: { returnCode: '399', refundId: 'rf-x' } });
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
