import { Hono } from 'hono';
import { paymentView } from '../../core/session/payment-view';
import { refundView } from '../../core/session/refund-view';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { isoUtc } from '../../lib/time';
import { CreateRefund, RefundObject } from '../refunds/schema';
import { listRefunds, presentRefund, refundPayment } from '../refunds/service';
import { Payment, PaymentWithAttempts, SimulatePayment } from './schema';
import { acceptHeldPayment, getPaymentWithAttempts, simulatePayment } from './service';

export const paymentsRoutes = new Hono<AppEnv>()
  .post(
    '/:id/refunds',
    contract({
      operationId: 'createRefund',
      summary: 'Refund a paid payment, in full (no amount) or in part',
      tag: 'Refunds',
      auth: 'secretKey',
      body: CreateRefund,
      idempotent: true,
      ok: { 201: { description: 'The refund', schema: RefundObject } },
      errors: [
        'validation_failed',
        'not_found',
        'payment_not_refundable',
        'refund_window_closed',
        'refund_exceeds_refundable',
        'invalid_api_key',
      ],
    }),
    async (c) => {
      const body = jsonBody(c, CreateRefund, { emptyIsObject: true });
      const ctx = merchantCtx(c);
      const { refund } = await refundPayment({
        ctx,
        input: { paymentId: c.req.param('id'), body },
      });
      return c.json(await presentRefund(ctx, refund), 201);
    },
  )
  .post(
    '/:id/accept',
    contract({
      operationId: 'acceptPayment',
      summary: 'Accept held money (late, duplicate or overpaid): the session becomes paid by it',
      tag: 'Payments',
      auth: 'secretKey',
      ok: { 200: { description: 'The payment', schema: Payment } },
      errors: [
        'not_found',
        'payment_not_held',
        'amount_insufficient',
        'order_already_paid',
        'order_has_open_session',
        'invalid_api_key',
      ],
    }),
    async (c) => {
      const payment = await acceptHeldPayment({
        ctx: merchantCtx(c),
        input: { id: c.req.param('id') },
      });
      return c.json(paymentView(payment));
    },
  )
  .get(
    '/:id',
    contract({
      operationId: 'getPayment',
      summary: 'Retrieve a payment with every gateway attempt',
      tag: 'Payments',
      auth: 'secretKey',
      ok: { 200: { description: 'The payment', schema: PaymentWithAttempts } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => {
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
    },
  );

/** Test-mode helpers: settle asynchronous payments on demand, as a gateway would. */
export const testRoutes = new Hono<AppEnv>().post(
  '/payments/:id/simulate',
  contract({
    operationId: 'simulatePayment',
    summary: 'Test mode: settle a pending payment as its gateway would',
    tag: 'Payments',
    auth: 'secretKey',
    body: SimulatePayment,
    ok: { 200: { description: 'The payment after the simulated outcome', schema: Payment } },
    errors: ['forbidden', 'not_found', 'invalid_state_transition', 'validation_failed'],
  }),
  async (c) => {
    const { outcome, amount, currency } = jsonBody(c, SimulatePayment);
    const payment = await simulatePayment({
      ctx: merchantCtx(c),
      input: { id: c.req.param('id'), outcome, amount, currency },
    });
    return c.json(paymentView(payment));
  },
);
