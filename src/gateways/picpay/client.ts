/**
 * PicPay Checkout API connector ("Gateway PicPay"): PIX and the PicPay wallet (QR code opened in the
 * PicPay app), through one PicPay business account per merchant.
 *
 * Sources (developers-business.picpay.com, read 2026):
 * - Authentication, OAuth2 client credentials, credentials from the Painel Lojista:
 *   https://developers-business.picpay.com/checkout/docs/authentication,
 *   https://developers-business.picpay.com/pix/en/docs/authentication
 * - POST /charge/pix (paymentSource, merchantChargeId 6–36 `[A-Za-z0-9-]`, customer with name, email,
 *   documentType, document, transactions[].amount in centavos, pix.expiration; answer chargeStatus,
 *   transactions[].transactionStatus, pix.qrCode / qrCodeBase64), sandbox host
 *   checkout-api-sandbox.picpay.com/api/v1: https://developers-business.picpay.com/checkout/docs/api/charge-pix,
 *   https://developers-business.picpay.com/pix/en/docs/api/charge-pix
 * - POST /charge/wallet: https://developers-business.picpay.com/checkout/en/docs/api/charge-wallet
 * - GET /charge/{merchantChargeId}: https://developers-business.picpay.com/checkout/docs/api/find-charge
 * - POST /charge/{merchantChargeId}/refund (all or part, amount in centavos):
 *   https://developers-business.picpay.com/checkout/en/docs/api/charge-refund
 * - Charge and transaction statuses: the enums of the pages above
 * - Notifications (URL set in the Painel Lojista, a token shown once and sent in `Authorization`,
 *   header `event_type: TransactionUpdateMessage`): https://developers-business.picpay.com/checkout/docs/webhook,
 *   https://developers-business.picpay.com/pix/en/docs/webhook
 * - The JSON token request (`grant_type`, `client_id`, `client_secret` to {host}/oauth2/token) as used
 *   against production by public integrations of the same API.
 *
 * Unconfirmed here (the pages above were read only in part): the wallet answer's field for its code
 * (read as `transactions[0].wallet.qrCode`, as PIX has `pix.qrCode`), and the notification body's
 * shape. Borda reads only a `merchantChargeId` from a notification (top level, or under `data` or
 * `charge`); a notification that names none is acknowledged and ignored, and the payment is then
 * settled by polling (fetchStatus), never from the body.
 *
 * Reference: Borda's `reference` for a PicPay payment is the merchantChargeId, derived from Borda's
 * payment id (build.ts), which every PicPay endpoint takes.
 */
import { GATEWAYS } from '../descriptors';
import { GatewayUnanswered, rethrowUnanswered } from '../http-outcome';
import { alreadyPaid } from '../refusals';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayRefundResult,
  type GatewayStatus,
  type InboundGatewayEvent,
  type RefundRequest,
} from '../types';
import { chargeRequest, merchantChargeId } from './build';
import { picpayCall } from './http';
import { chargeStatus, createResult } from './map';
import { CHARGE_EVENT, ignored, notifiedChargeId, verifyNotification } from './webhook';
import type { PicPayCharge, PicPayError } from './wire';

const METHODS = GATEWAYS.picpay.methods;

async function createPayment(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
): Promise<GatewayPaymentResult> {
  if (!(METHODS as readonly string[]).includes(req.method) || req.currency !== 'BRL') {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `PicPay takes PIX and PicPay in BRL, not ${req.method}`,
    );
  }
  const body = chargeRequest(req);
  const path = req.method === 'pix' ? '/charge/pix' : '/charge/wallet';
  try {
    const reply = await picpayCall<PicPayCharge | PicPayError>(ctx, 'POST', path, body);
    return createResult(reply, req, body.merchantChargeId);
  } catch (err) {
    // A code nobody saw cannot be paid, so even a timeout lets another gateway issue one.
    return rethrowUnanswered(err);
  }
}

async function getCharge(ctx: ConnectorContext, chargeId: string): Promise<PicPayCharge | null> {
  let reply: Awaited<ReturnType<typeof picpayCall<PicPayCharge>>>;
  try {
    reply = await picpayCall<PicPayCharge>(ctx, 'GET', `/charge/${encodeURIComponent(chargeId)}`);
  } catch (err) {
    return rethrowUnanswered(err, chargeId);
  }
  if (reply.status === 404) return null;
  if (reply.status < 200 || reply.status >= 300 || !reply.body) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `PicPay GET /charge answered HTTP ${reply.status}`,
    );
  }
  return reply.body;
}

async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  const id = ref.reference ?? merchantChargeId(ref.paymentId);
  const charge = await getCharge(ctx, id);
  if (!charge) return { status: 'not_found', reference: null };
  const { amount: _amount, ...status } = chargeStatus(charge, id);
  return status;
}

/**
 * PicPay documents no void of an unpaid charge (its "cancel" is the refund of a paid one): the code
 * was issued to expire with the session (`expiration`), so abandoning it only checks it was not paid.
 */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const charge = await getCharge(ctx, reference);
  if (charge && chargeStatus(charge, reference).status === 'paid') {
    throw alreadyPaid(`PicPay charge ${reference}`, reference);
  }
}

/** POST /charge/{id}/refund with the amount in centavos; the answer is the charge, refunded in part or whole. */
async function refund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  let reply: Awaited<ReturnType<typeof picpayCall<PicPayCharge | PicPayError>>>;
  try {
    reply = await picpayCall<PicPayCharge | PicPayError>(
      ctx,
      'POST',
      `/charge/${encodeURIComponent(req.reference)}/refund`,
      { amount: req.amount },
    );
  } catch (err) {
    if (err instanceof GatewayUnanswered && err.reason === 'timeout') {
      throw new ConnectorError('ambiguous', 'gateway_timeout', err.message, req.reference);
    }
    return rethrowUnanswered(err, req.reference);
  }
  if (reply.status >= 200 && reply.status < 300) return { status: 'succeeded', reference: null };
  if (reply.status >= 500) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `PicPay refund answered HTTP ${reply.status}`,
      req.reference,
    );
  }
  if (reply.status === 401 || reply.status === 403 || reply.status === 429) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `PicPay refund answered HTTP ${reply.status}`,
    );
  }
  return { status: 'failed', reference: null, failureCode: 'refund_rejected' };
}

/** A refund is done once the charge shows at least that much refunded. */
async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  const charge = await getCharge(ctx, ref.paymentReference);
  const refunded = charge?.refundedAmount ?? charge?.transactions?.[0]?.refundedAmount ?? 0;
  return { status: refunded > 0 ? 'succeeded' : 'pending', reference: ref.reference };
}

/**
 * Verifies the notification token, then asks PicPay for the charge the notification names and reports
 * what PicPay says, never what the unsigned body says. The event id is the charge and the state it
 * reached, so a replayed or repeated notification of the same change is applied once.
 */
async function parseWebhook(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string },
): Promise<InboundGatewayEvent> {
  verifyNotification(ctx, req.headers);
  const type = req.headers.get('event_type');
  if (type !== null && type !== CHARGE_EVENT) return ignored(`event_type ${type}`);
  const id = notifiedChargeId(req.body);
  if (!id) return ignored('the notification names no charge');
  const charge = await getCharge(ctx, id);
  if (!charge) return ignored(`PicPay does not know charge ${id}`);
  const status = chargeStatus(charge, id);
  const eventId = `${id}:${status.status}`;
  const reference = status.reference ?? id;
  const money = status.amount === undefined ? {} : { amount: status.amount, currency: 'BRL' };
  switch (status.status) {
    case 'paid': {
      const endToEndId = charge.transactions?.find((t) => t.pix?.endToEndId)?.pix?.endToEndId;
      return { kind: 'paid', eventId, reference, ...money, ...(endToEndId ? { endToEndId } : {}) };
    }
    case 'denied':
      return { kind: 'denied', eventId, reference, failureCode: status.failureCode ?? 'payment_denied' };
    case 'expired':
    case 'canceled':
      return { kind: status.status, eventId, reference };
    default:
      return { kind: 'ignored', eventId, reason: `charge ${id} is ${status.status}` };
  }
}

/**
 * PicPay for PIX and the PicPay wallet in Brazil. Credentials: `client_id` and `client_secret`
 * (Painel Lojista → integrations), and `notification_token`, shown once when the merchant sets the
 * notification URL to `/webhooks/gateways/picpay/{merchant_id}`.
 */
export const picpayConnector: Connector = {
  ...GATEWAYS.picpay,
  requiredCustomerData: () => ['document'],
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  parseWebhook,
};
