import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { merchantCtx } from '../../http/service-ctx';
import { isoUtc } from '../../lib/time';
import { refundView } from '../../refunds/view';
import { acceptHeldPayment, getPaymentWithAttempts, simulatePayment } from '../../services/payments';
import { listRefunds, presentRefund, refundPayment } from '../../services/refunds';
import { paymentView } from '../../session/payment-view';
import { sessionStub } from '../../session/session-do';
import { refundCalls } from '../refunds';
import { CreateRefund } from '../refunds/schema';
import { SimulatePayment } from './schema';

export const paymentsRoutes = new Hono<AppEnv>()
  .post('/:id/refunds', async (c) => {
    const body = jsonBody(c, CreateRefund, { emptyIsObject: true });
    const ctx = merchantCtx(c);
    const refund = await refundPayment({
      ctx,
      input: { paymentId: c.req.param('id'), body },
      calls: refundCalls(c.env),
    });
    return c.json(await presentRefund(c.env, ctx, refund), 201);
  })
  .post('/:id/accept', async (c) => {
    const payment = await acceptHeldPayment({
      ctx: merchantCtx(c),
      input: { id: c.req.param('id') },
      accept: (cmd) => sessionStub(c.env, cmd.sessionId).accept(cmd),
    });
    return c.json(paymentView(payment));
  })
  .get('/:id', async (c) => {
    const ctx = merchantCtx(c);
    const { payment, attempts } = await getPaymentWithAttempts({ ctx, input: { id: c.req.param('id') } });
    const refunds = await listRefunds(ctx, payment.id);
    return c.json({
      ...paymentView(payment),
      customer: payment.customer,
      refunds: refunds.map((r) => refundView(r)),
      attempts: attempts.map((a) => ({
        gateway: a.gateway,
        account_id: a.accountId,
        outcome: a.outcome,
        error_code: a.errorCode,
        reference: a.reference,
        latency_ms: a.latencyMs,
        started_at: isoUtc(a.startedAt),
      })),
    });
  });

/** Test-mode helpers: settle asynchronous payments on demand, as a gateway would. */
export const testRoutes = new Hono<AppEnv>().post('/payments/:id/simulate', async (c) => {
  const { outcome, amount, currency } = jsonBody(c, SimulatePayment);
  const payment = await simulatePayment({
    ctx: merchantCtx(c),
    input: { id: c.req.param('id'), outcome, amount, currency },
    settle: (cmd) => sessionStub(c.env, cmd.sessionId).settle(cmd),
  });
  return c.json(paymentView(payment));
});
