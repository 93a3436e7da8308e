import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError } from '../../http/errors';
import { merchantCtx } from '../../http/service-ctx';
import { RefundObject, SimulateRefund } from './schema';
import { actOnRefund, getRefund, presentRefund } from './service';

/** GET /api/v1/refunds/{id}; POST .../confirm (the merchant sent the transfer) and .../cancel. */
export const refundsRoutes = new Hono<AppEnv>()
  .get(
    '/:id',
    contract({
      operationId: 'getRefund',
      summary: 'Retrieve a refund',
      tag: 'Refunds',
      auth: 'secretKey',
      ok: { 200: { description: 'The refund', schema: RefundObject } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => {
      const ctx = merchantCtx(c);
      return c.json(await presentRefund(ctx, await getRefund({ ctx, input: { id: c.req.param('id') } })));
    },
  )
  .post(
    '/:id/confirm',
    contract({
      operationId: 'confirmRefund',
      summary: 'Confirm a refund you paid yourself (a boleto or transfer refund waiting for you)',
      tag: 'Refunds',
      auth: 'secretKey',
      ok: { 200: { description: 'The refund, succeeded', schema: RefundObject } },
      errors: ['not_found', 'invalid_refund_transition', 'invalid_api_key'],
    }),
    async (c) => {
      const ctx = merchantCtx(c);
      const refund = await actOnRefund({
        ctx,
        input: { id: c.req.param('id'), action: { kind: 'confirm' } },
      });
      return c.json(await presentRefund(ctx, refund));
    },
  )
  .post(
    '/:id/cancel',
    contract({
      operationId: 'cancelRefund',
      summary: 'Cancel a refund that has not been sent (waiting for bank details)',
      tag: 'Refunds',
      auth: 'secretKey',
      ok: { 200: { description: 'The refund, canceled', schema: RefundObject } },
      errors: ['not_found', 'invalid_refund_transition', 'invalid_api_key'],
    }),
    async (c) => {
      const ctx = merchantCtx(c);
      const refund = await actOnRefund({
        ctx,
        input: { id: c.req.param('id'), action: { kind: 'cancel' } },
      });
      return c.json(await presentRefund(ctx, refund));
    },
  );

/** POST /api/v1/test/refunds/{id}/simulate: the gateway's final word on a pending refund, test keys only. */
export const testRefundRoutes = new Hono<AppEnv>().post(
  '/refunds/:id/simulate',
  contract({
    operationId: 'simulateRefund',
    summary: 'Test mode: settle a pending refund as its gateway would',
    tag: 'Refunds',
    auth: 'secretKey',
    body: SimulateRefund,
    ok: { 200: { description: 'The refund', schema: RefundObject } },
    errors: ['forbidden', 'not_found', 'invalid_refund_transition'],
  }),
  async (c) => {
    const ctx = merchantCtx(c);
    if (ctx.mode !== 'test')
      throw new ApiError('forbidden', 'Refunds can only be simulated with a test key.');
    const { outcome } = jsonBody(c, SimulateRefund);
    const refund = await actOnRefund({
      ctx,
      input: {
        id: c.req.param('id'),
        action: {
          kind: 'gateway_result',
          status: outcome,
          failureCode: outcome === 'failed' ? 'refund_rejected' : undefined,
        },
      },
    });
    return c.json(await presentRefund(ctx, refund));
  },
);
