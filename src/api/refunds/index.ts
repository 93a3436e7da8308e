import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { ApiError } from '../../http/errors';
import { merchantCtx } from '../../http/service-ctx';
import { actOnRefund, getRefund, presentRefund, type RefundCalls } from '../../services/refunds';
import { sessionStub } from '../../session/session-do';
import { SimulateRefund } from './schema';

export function refundCalls(env: Env): RefundCalls {
  return {
    refund: (cmd) => sessionStub(env, cmd.sessionId).refund(cmd),
    updateRefund: (cmd) => sessionStub(env, cmd.sessionId).updateRefund(cmd),
  };
}

/** GET /api/v1/refunds/{id}; POST .../confirm (the merchant sent the transfer) and .../cancel. */
export const refundsRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const ctx = merchantCtx(c);
    return c.json(
      await presentRefund(c.env, ctx, await getRefund({ ctx, input: { id: c.req.param('id') } })),
    );
  })
  .post('/:id/confirm', async (c) => {
    const ctx = merchantCtx(c);
    const refund = await actOnRefund({
      ctx,
      input: { id: c.req.param('id'), action: { kind: 'confirm' } },
      calls: refundCalls(c.env),
    });
    return c.json(await presentRefund(c.env, ctx, refund));
  })
  .post('/:id/cancel', async (c) => {
    const ctx = merchantCtx(c);
    const refund = await actOnRefund({
      ctx,
      input: { id: c.req.param('id'), action: { kind: 'cancel' } },
      calls: refundCalls(c.env),
    });
    return c.json(await presentRefund(c.env, ctx, refund));
  });

/** POST /api/v1/test/refunds/{id}/simulate: the gateway's final word on a pending refund, test keys only. */
export const testRefundRoutes = new Hono<AppEnv>().post('/refunds/:id/simulate', async (c) => {
  const ctx = merchantCtx(c);
  if (ctx.mode !== 'test') throw new ApiError('forbidden', 'Refunds can only be simulated with a test key.');
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
    calls: refundCalls(c.env),
  });
  return c.json(await presentRefund(c.env, ctx, refund));
});
