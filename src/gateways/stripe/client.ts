/**
 * Stripe connector (PaymentIntents), built from Stripe's public documentation:
 * - https://docs.stripe.com/api/payment_intents/create, /confirm, /retrieve, /cancel, /search and
 *   https://docs.stripe.com/api/payment_intents/object — amounts "in the smallest currency unit",
 *   `payment_method_types`, `payment_method_data`, `payment_method_options`, `error_on_requires_action`,
 *   statuses, `next_action`, `last_payment_error`, search by `metadata['key']:'value'`
 * - https://docs.stripe.com/payments/pix/accept-a-payment?payment-ui=direct-api — `pix`, BRL only,
 *   `expires_after_seconds` (10 s to 14 days), `next_action.pix_display_qr_code` (`data`, `expires_at`)
 * - https://docs.stripe.com/payments/oxxo/accept-a-payment — `oxxo`, MXN only, name and e-mail required,
 *   `next_action.oxxo_display_details` (`number`, `expires_after`, `hosted_voucher_url`); no refunds
 * - https://docs.stripe.com/payments/boleto/accept-a-payment — boleto needs the payer's billing address
 *   (not collected by Borda, so not offered here)
 * - https://docs.stripe.com/payments/meses-sin-intereses/accept-a-payment?ui=direct-api and
 *   https://docs.stripe.com/payments/mx-installments — installments are a Mexican card feature:
 *   `payment_method_options[card][installments][enabled]` on create, then `[plan]` {count, interval:
 *   month, type: fixed_count} on confirm
 * - https://docs.stripe.com/api/idempotent_requests — `Idempotency-Key`, kept 24 h, replays the answer
 * - https://docs.stripe.com/error-handling and https://docs.stripe.com/declines/codes — 402 card_error,
 *   `decline_code`; 5xx may have been processed
 * - https://docs.stripe.com/api/refunds/create, /retrieve, /list and https://docs.stripe.com/api/refunds/object
 * - https://docs.stripe.com/webhooks#verify-manually — `Stripe-Signature` t=,v1= over "{t}.{body}",
 *   HMAC-SHA256 with the endpoint secret, 300 s default tolerance
 * - https://docs.stripe.com/api/events/object — event `id`, `type`, `livemode`, `data.object`
 * - https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis — sending card numbers to
 *   the API needs Stripe's permission (hence the account setting `raw_card_data`)
 *
 * Reference: Borda's `reference` for a Stripe payment is the PaymentIntent id (`pi_…`).
 */
import { GATEWAYS } from '../descriptors';
import { alreadyPaid } from '../refusals';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayRefundResult,
  type GatewayStatus,
  type RefundRequest,
} from '../types';
import { confirmParams, covers, createParams } from './build';
import { errorOf, httpError, stripeCall } from './http';
import { confirmResult, declineResult, intentStatus } from './map';
import { parseStripeWebhook } from './webhook';
import {
  refundStatus,
  type StripeList,
  type StripePaymentIntent,
  type StripeRefund,
  type StripeSearchResult,
} from './wire';

const intentPath = (id: string) => `/v1/payment_intents/${encodeURIComponent(id)}`;

/**
 * Create (unconfirmed), then confirm. Until the confirm nothing can be charged, so a failed or
 * timed-out create is retryable; from the confirm on Borda knows the PaymentIntent id, so any doubt is
 * resolved by asking for that intent, never by searching.
 */
async function createPayment(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
): Promise<GatewayPaymentResult> {
  if (!covers(req.country, req.method, req.currency)) {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `Stripe does not take ${req.method} in ${req.country}`,
    );
  }
  // Everything that can fail without Stripe fails here, before the first call.
  const create = createParams(req);
  const confirm = confirmParams(req, ctx.settings?.raw_card_data === true);
  let created: Awaited<ReturnType<typeof stripeCall<StripePaymentIntent>>>;
  try {
    created = await stripeCall<StripePaymentIntent>(ctx, 'POST', '/v1/payment_intents', {
      form: create,
      idempotencyKey: `${req.paymentId}-create`,
    });
  } catch (err) {
    // An unconfirmed intent cannot take money: a create without an answer is safe to abandon.
    if (err instanceof ConnectorError && err.kind === 'ambiguous') {
      throw new ConnectorError('retryable', err.code, err.message);
    }
    throw err;
  }
  if (created.status < 200 || created.status >= 300 || !created.body?.id) {
    const e = httpError(created.status, created.body, 'POST /v1/payment_intents');
    throw e.kind === 'ambiguous' ? new ConnectorError('retryable', e.code, e.message) : e;
  }
  const reference = created.body.id;
  let confirmed: Awaited<ReturnType<typeof stripeCall<StripePaymentIntent>>>;
  try {
    confirmed = await stripeCall<StripePaymentIntent>(ctx, 'POST', `${intentPath(reference)}/confirm`, {
      form: confirm,
      idempotencyKey: `${req.paymentId}-confirm`,
    });
  } catch (err) {
    if (err instanceof ConnectorError) throw new ConnectorError(err.kind, err.code, err.message, reference);
    throw err;
  }
  const error = errorOf(confirmed.body);
  if (confirmed.status === 402 && error?.type === 'card_error') return declineResult(error, reference);
  if (confirmed.status < 200 || confirmed.status >= 300) {
    throw httpError(confirmed.status, confirmed.body, 'POST /v1/payment_intents/{id}/confirm', reference);
  }
  if (!confirmed.body?.id) {
    throw new ConnectorError('ambiguous', 'gateway_error', 'Stripe confirm reply is unreadable', reference);
  }
  return confirmResult(confirmed.body, req);
}

/** By PaymentIntent id when Borda has one; otherwise by search on Borda's payment id in metadata. */
async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  if (ref.reference) {
    const reply = await stripeCall<StripePaymentIntent>(ctx, 'GET', intentPath(ref.reference));
    if (reply.status === 404) return { status: 'not_found', reference: null };
    if (reply.status !== 200 || !reply.body?.id)
      throw httpError(reply.status, reply.body, 'GET /v1/payment_intents/{id}');
    return intentStatus(reply.body);
  }
  const query = encodeURIComponent(`metadata['borda_payment_id']:'${ref.paymentId.replace(/'/g, '')}'`);
  const reply = await stripeCall<StripeSearchResult<StripePaymentIntent>>(
    ctx,
    'GET',
    `/v1/payment_intents/search?query=${query}`,
  );
  if (reply.status !== 200 || !Array.isArray(reply.body?.data)) {
    throw httpError(reply.status, reply.body, 'GET /v1/payment_intents/search');
  }
  const found = reply.body.data
    .filter((pi) => pi.metadata?.borda_payment_id === ref.paymentId)
    .map(intentStatus);
  return (
    found.find((s) => s.status === 'paid') ??
    found.find((s) => s.status === 'pending') ??
    found[0] ?? {
      status: 'not_found',
      reference: null,
    }
  );
}

/** POST /v1/payment_intents/{id}/cancel; a paid intent is refused (that would be a refund). */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const reply = await stripeCall<StripePaymentIntent>(ctx, 'POST', `${intentPath(reference)}/cancel`, {
    form: { cancellation_reason: 'abandoned' },
    idempotencyKey: `cancel-${reference}`,
  });
  if (reply.status === 200 || reply.status === 404) return;
  const state = errorOf(reply.body)?.payment_intent?.status;
  if (state === 'canceled') return;
  if (state === 'succeeded') {
    throw alreadyPaid(`Stripe PaymentIntent ${reference}`, reference);
  }
  throw httpError(reply.status, reply.body, 'POST /v1/payment_intents/{id}/cancel', reference);
}

/** POST /v1/refunds for the PaymentIntent, keyed by Borda's refund id. OXXO has no refunds at Stripe. */
async function refund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  if (req.method === 'oxxo' || req.method === 'boleto') {
    throw new ConnectorError(
      'hard_decline',
      'refund_not_supported',
      `Stripe does not refund ${req.method} payments`,
    );
  }
  const reply = await stripeCall<StripeRefund>(ctx, 'POST', '/v1/refunds', {
    form: {
      payment_intent: req.reference,
      amount: req.amount,
      metadata: { borda_refund_id: req.refundId, borda_payment_id: req.paymentId },
    },
    idempotencyKey: req.refundId,
  });
  if (reply.status < 200 || reply.status >= 300 || !reply.body?.id) {
    const error = errorOf(reply.body);
    if (reply.status === 400 && error?.code) {
      // Already refunded, amount above what is left, a charge disputed: Stripe's verdict on this refund.
      return { status: 'failed', reference: null, failureCode: error.code };
    }
    throw httpError(reply.status, reply.body, 'POST /v1/refunds');
  }
  return { status: refundStatus(reply.body.status), reference: reply.body.id, ...failure(reply.body) };
}

function failure(r: StripeRefund): { failureCode?: string } {
  return r.failure_reason ? { failureCode: r.failure_reason } : {};
}

async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  let found: StripeRefund | undefined;
  if (ref.reference) {
    const reply = await stripeCall<StripeRefund>(
      ctx,
      'GET',
      `/v1/refunds/${encodeURIComponent(ref.reference)}`,
    );
    if (reply.status !== 200 || !reply.body?.id)
      throw httpError(reply.status, reply.body, 'GET /v1/refunds/{id}');
    found = reply.body;
  } else {
    const reply = await stripeCall<StripeList<StripeRefund>>(
      ctx,
      'GET',
      `/v1/refunds?payment_intent=${encodeURIComponent(ref.paymentReference)}&limit=100`,
    );
    if (reply.status !== 200 || !Array.isArray(reply.body?.data))
      throw httpError(reply.status, reply.body, 'GET /v1/refunds');
    found = reply.body.data.find((r) => r.metadata?.borda_refund_id === ref.refundId);
  }
  if (!found) return { status: 'failed', reference: null, failureCode: 'not_found' };
  return { status: refundStatus(found.status), reference: found.id, ...failure(found) };
}

/**
 * Stripe (https://api.stripe.com) for card and PIX in Brazil, card and OXXO in Mexico. Credentials:
 * `secret_key` (sk_test_… / sk_live_…, or a restricted rk_ key with PaymentIntents and Refunds write)
 * and `webhook_secret` (the endpoint's whsec_… signing secret). Account setting `raw_card_data: true`
 * once Stripe has enabled raw card data APIs for the account; without it cards route elsewhere.
 */
export const stripeConnector: Connector = {
  ...GATEWAYS.stripe,
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  parseWebhook: parseStripeWebhook,
};
