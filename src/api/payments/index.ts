import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { merchantCtx } from '../../http/service-ctx';
import { isoUtc } from '../../lib/time';
import { getPaymentWithAttempts, simulatePayment } from '../../services/payments';
import { paymentView } from '../../session/payment-view';
import { sessionStub } from '../../session/session-do';
import { SimulateOutcome } from '../client/schema';

export const paymentsRoutes = new Hono<AppEnv>().get('/:id', async (c) => {
  const { payment, attempts } = await getPaymentWithAttempts({
    ctx: merchantCtx(c),
    input: { id: c.req.param('id') },
  });
  return c.json({
    ...paymentView(payment),
    customer: payment.customer,
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
  const { outcome } = jsonBody(c, SimulateOutcome);
  const payment = await simulatePayment({
    ctx: merchantCtx(c),
    input: { id: c.req.param('id'), outcome },
    settle: (cmd) => sessionStub(c.env, cmd.sessionId).settle(cmd),
  });
  return c.json(paymentView(payment));
});
