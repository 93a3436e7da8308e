/**
 * Mercado Pago connector (Payments API v1). Built from Mercado Pago's public documentation:
 * - https://www.mercadopago.com.br/developers/en/reference/payments/_payments/post — POST /v1/payments:
 *   `X-Idempotency-Key` required; transaction_amount, payment_method_id, payer, external_reference,
 *   token, installments, binary_mode, date_of_expiration; reply id, status, status_detail
 * - https://www.mercadopago.com.ar/developers/es/reference/online-payments/checkout-api-payments/create-payment/post.md
 * - https://raw.githubusercontent.com/api-evangelist/mercado-pago/refs/heads/main/examples/mercado-pago-create-payment-example.json
 *   — a PIX payment: Bearer token, `point_of_interaction.transaction_data.qr_code`, ticket_url
 * - https://www.mercadopago.com.br/developers/en/docs/checkout-api/payment-methods/other-payment-methods
 *   (PIX, boleto, OXXO, Efecty: `payment_method_id`, `date_of_expiration`,
 *   `transaction_details.external_resource_url` / `payment_method_reference_id` for the voucher)
 * - https://mercadopago.com.co/developers/en/docs/checkout-api/integration-configuration/pse and
 *   https://mercadopago.com.co/developers/en/docs/checkout-bricks/payment-brick/payment-submission/pse —
 *   PSE: transaction_details.financial_institution, payer.entity_type, payer.identification (CC...),
 *   additional_info.ip_address, callback_url; the bank's page in transaction_details.external_resource_url
 * - https://www.mercadopago.com.br/developers/en/reference/payments/_payments_id/get — GET /v1/payments/{id}
 * - https://www.mercadopago.com.br/developers/en/reference/payments/_payments_search/get — search by
 *   external_reference
 * - https://www.mercadopago.com.br/developers/en/reference/chargebacks/_payments_id_refunds/post — refunds
 *   (`X-Idempotency-Key`, `amount` for a partial refund), GET /v1/payments/{id}/refunds/{refund_id}
 * - https://www.mercadopago.com.br/developers/en/docs/checkout-api/payment-management/cancellations-and-refunds/refund-pix
 *   — `X-Render-In-Process-Refunds: true` makes a PIX refund in contingency answer 201 `in_process`
 * - https://www.mercadopago.com.br/developers/en/docs/checkout-api/payment-management/cancellations-and-refunds
 *   — cancel: PUT /v1/payments/{id} `{"status":"cancelled"}` for pending / in_process payments
 * - https://mercadopago.com.mx/developers/en/docs/checkout-api/response-handling/collection-results and
 *   https://mercadopago.com.pe/developers/en/docs/checkout-api/response-handling/query-results — every
 *   status and status_detail (cc_rejected_*, bank_error; cancelled/expired after 30 days pending)
 * - https://mercadopago.com.br/developers/en/docs/order/online-payments/notifications and
 *   https://www.mercadopago.com.mx/developers/en/docs/checkout-api-v2/notifications — webhooks: the
 *   secret key of "Your integrations", `x-signature: ts=…,v1=…`, `x-request-id`, HMAC-SHA256 (hex) of
 *   `id:[data.id_url];request-id:[x-request-id_header];ts:[ts_header];`
 * - https://github.com/mercadopago/sdk-nodejs src/clients/payment (cancel is a PUT with status cancelled;
 *   card tokens are POST /v1/card_tokens)
 *
 * Reference: the Mercado Pago payment id (numeric, kept as text). Borda's payment id travels as
 * `external_reference` and as the idempotency key, so a payment is found again after a lost reply.
 */
import { GATEWAYS } from '../descriptors';
import { alreadyPaid } from '../refusals';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayRefundResult,
  type GatewayStatus,
} from '../types';
import { cardTokenRequest, MissingData, mpAmount, paymentRequest } from './build';
import { httpError, mpCall } from './http';
import { createResult, eventFromPayment, paymentGatewayStatus } from './map';
import { verifiedPaymentId } from './webhook';
import { type MpPayment, type MpRefund, type MpSearch, paymentStatus, refundStatus } from './wire';

const CURRENCY_OF: Record<string, string> = {
  BRA: 'BRL',
  MEX: 'MXN',
  COL: 'COP',
  ARG: 'ARS',
  CHL: 'CLP',
  PER: 'PEN',
};

const paymentPath = (id: string) => `/v1/payments/${encodeURIComponent(id)}`;

function unreadable(what: string, reference: string | null = null): ConnectorError {
  return new ConnectorError(
    'ambiguous',
    'gateway_error',
    `Mercado Pago ${what}: unreadable reply`,
    reference,
  );
}

async function createPayment(ctx: ConnectorContext, req: CreatePaymentRequest) {
  const methods = GATEWAYS.mercadopago.coverage[req.country] as readonly string[] | undefined;
  if (!methods?.includes(req.method) || CURRENCY_OF[req.country] !== req.currency) {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `Mercado Pago does not take ${req.method} in ${req.currency} for ${req.country}`,
    );
  }
  let token: string | null = null;
  if (req.method === 'card') {
    let body: ReturnType<typeof cardTokenRequest>;
    try {
      body = cardTokenRequest(req);
    } catch {
      throw new ConnectorError('retryable', 'invalid_request', 'Mercado Pago card token not requested');
    }
    // The card is tokenized first; the token is single-use and only the payment below can spend it.
    const reply = await mpCall<{ id?: string }>(ctx, 'POST', '/v1/card_tokens', { body });
    if (reply.status === 404 || !reply.body?.id)
      throw httpError(reply.status, reply.body, 'POST /v1/card_tokens');
    token = reply.body.id;
  }
  let body: ReturnType<typeof paymentRequest>;
  try {
    body = paymentRequest(req, token);
  } catch (err) {
    const why = err instanceof RangeError ? err.message : 'the request could not be built';
    const code = err instanceof MissingData ? 'gateway_missing_data' : 'invalid_request';
    throw new ConnectorError('retryable', code, `Mercado Pago payment not sent: ${why}`);
  }
  // Borda's payment id is the idempotency key: a retry after a lost reply answers the same payment.
  const reply = await mpCall<MpPayment>(ctx, 'POST', '/v1/payments', { body, idempotencyKey: req.paymentId });
  if (reply.status === 404) throw httpError(404, reply.body, 'POST /v1/payments');
  if (typeof reply.body?.id !== 'number' || typeof reply.body.status !== 'string')
    throw unreadable('POST /v1/payments');
  return createResult(reply.body, req);
}

async function getPayment(ctx: ConnectorContext, id: string): Promise<MpPayment | null> {
  const reply = await mpCall<MpPayment>(ctx, 'GET', paymentPath(id));
  if (reply.status === 404) return null;
  if (typeof reply.body?.id !== 'number' || typeof reply.body.status !== 'string')
    throw unreadable(`GET /v1/payments/${id}`, id);
  return reply.body;
}

/** By reference when Borda has one, otherwise by external_reference (after a create that timed out). */
async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  if (ref.reference) {
    const p = await getPayment(ctx, ref.reference);
    return p ? paymentGatewayStatus(p) : { status: 'not_found', reference: null };
  }
  const reply = await mpCall<MpSearch>(
    ctx,
    'GET',
    `/v1/payments/search?external_reference=${encodeURIComponent(ref.paymentId)}`,
  );
  const found = (reply.body?.results ?? []).filter((p) => p.external_reference === ref.paymentId);
  // Two payments can carry one external reference only if the idempotency window passed: a paid one wins.
  const chosen = found.find((p) => paymentStatus(p.status) === 'paid') ?? found[0];
  return chosen ? paymentGatewayStatus(chosen) : { status: 'not_found', reference: null };
}

/** Voids a pending PIX or voucher; a paid payment is refused (that would be a refund, not a void). */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const p = await getPayment(ctx, reference);
  if (!p) return;
  const status = paymentStatus(p.status);
  if (status === 'paid') {
    throw alreadyPaid(`Mercado Pago payment ${reference}`, reference);
  }
  if (status !== 'pending') return;
  await mpCall<MpPayment>(ctx, 'PUT', paymentPath(reference), {
    body: { status: 'cancelled' },
    idempotencyKey: `cancel-${reference}`,
  });
}

function refundResult(r: MpRefund | null): GatewayRefundResult {
  if (!r || typeof r.status !== 'string') return { status: 'pending', reference: null };
  const status = refundStatus(r.status);
  return {
    status,
    reference: String(r.id),
    ...(status === 'failed' ? { failureCode: `refund_${r.status}` } : {}),
  };
}

/** A full refund sends no amount (Mercado Pago refunds what is left); a partial one its decimal amount. */
async function refund(ctx: ConnectorContext, req: Parameters<NonNullable<Connector['refund']>>[1]) {
  const partial = req.amount < req.chargedAmount;
  const reply = await mpCall<MpRefund>(ctx, 'POST', `${paymentPath(req.reference)}/refunds`, {
    body: partial ? { amount: mpAmount(req) } : {},
    idempotencyKey: req.refundId,
    // A PIX refund held up at the central bank answers `in_process` instead of a bare 400.
    headers: { 'X-Render-In-Process-Refunds': 'true' },
  });
  if (reply.status === 404)
    return { status: 'failed' as const, reference: null, failureCode: 'payment_not_found' };
  return refundResult(reply.body);
}

async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  if (!ref.reference) return { status: 'pending', reference: null };
  const reply = await mpCall<MpRefund>(
    ctx,
    'GET',
    `${paymentPath(ref.paymentReference)}/refunds/${encodeURIComponent(ref.reference)}`,
  );
  if (reply.status === 404)
    return { status: 'failed', reference: ref.reference, failureCode: 'refund_not_found' };
  return refundResult(reply.body);
}

/**
 * Mercado Pago: the access token (`access_token`, sent as a Bearer token) and the webhook secret key
 * (`webhook_secret`, from Your integrations > Webhooks) of the merchant's application.
 */
export const mercadopagoConnector: Connector = {
  ...GATEWAYS.mercadopago,
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  /** A notification names a payment and carries no state: verify it, then ask for the payment. */
  async parseWebhook(ctx, req) {
    const id = await verifiedPaymentId(ctx, req);
    if (id === null)
      return {
        kind: 'ignored',
        eventId: `mp:${req.headers.get('x-request-id') ?? ''}`,
        reason: 'not a payment notification',
      };
    const p = await getPayment(ctx, id);
    if (!p) return { kind: 'ignored', eventId: `mp:${id}:missing`, reason: 'payment not found' };
    return eventFromPayment(p);
  },
};
