/**
 * PagBank (PagSeguro) Orders API connector, built from PagBank's public documentation:
 * - https://developer.pagbank.com.br/reference/criar-pedido and https://developer.pagbank.com.br/reference/objeto-order —
 *   POST /orders: `reference_id`, `customer` (name, email, tax_id required), `items`, `qr_codes`,
 *   `charges`, `notification_urls`; amounts as integer centavos (`value`)
 * - https://developer.pagbank.com.br/docs/criar-pedido-pedido-com-qr-code — PIX: `qr_codes[].amount.value`,
 *   `expiration_date` (default 24 h), answer `qr_codes[].text` (the BR Code) and `links` (QRCODE.PNG)
 * - https://developer.pagbank.com.br/reference/create-pay-order — card: `charges[].payment_method`
 *   {type CREDIT_CARD, installments, capture, card {number, exp_month, exp_year, security_code, holder}}
 * - https://developer.pagbank.com.br/reference/objeto-charge — charge statuses AUTHORIZED, PAID,
 *   IN_ANALYSIS, DECLINED, CANCELED, WAITING; `amount.summary` {total, paid, refunded}; `payment_response`
 * - https://developer.pagbank.com.br/reference/consultar-pedido — GET /orders/{order_id}
 * - https://developer.pagbank.com.br/reference/cancelar-pedido — POST /charges/{charge_id}/cancel with
 *   `amount.value`: cancels an authorisation or refunds (all or part of) a paid charge
 * - https://developer.pagbank.com.br/docs/chaves-publicas-e-de-idempotencia — idempotency key header
 *   (`x-idempotency-key`): the same key answers the same result
 * - https://developer.pagbank.com.br/reference/criar-pagar-pedido-com-boleto — boleto needs
 *   `boleto.holder.address` (not collected by Borda, so not offered here)
 * - https://developer.pagbank.com.br/reference/confirmar-autenticidade-da-notificacao — `x-authenticity-token`
 *   = SHA-256 of `{token}-{payload}`, the account's token and the raw notification body
 * - https://developer.pagbank.com.br/reference/autenticacao — `Authorization: Bearer {token}`;
 *   sandbox host sandbox.api.pagseguro.com, production api.pagseguro.com
 *
 * Reference: Borda's `reference` for a PagBank payment is the ORDER id (`ORDE_…`).
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
import { orderRequest } from './build';
import { pagbankCall } from './http';
import { createResult, decidingCharge, orderStatus } from './map';
import { parsePagbankWebhook } from './webhook';
import { chargeStatus, type PagbankCharge, type PagbankOrder } from './wire';

const METHODS = GATEWAYS.pagbank.methods;

const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;
const cancelPath = (chargeId: string) => `/charges/${encodeURIComponent(chargeId)}/cancel`;

async function post(ctx: ConnectorContext, body: unknown, key: string) {
  return pagbankCall<PagbankOrder>(ctx, 'POST', '/orders', { body, idempotencyKey: key });
}

/**
 * POST /orders keyed by Borda's payment id. PagBank offers no lookup by `reference_id`, so an answer
 * lost in transit is recovered by asking again with the same idempotency key (which cannot create a
 * second order); only if that also fails does the payment stay ambiguous.
 */
async function createPayment(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
): Promise<GatewayPaymentResult> {
  if (req.country !== 'BRA' || !(METHODS as string[]).includes(req.method)) {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `PagBank does not take ${req.method} in ${req.country}`,
    );
  }
  const body = orderRequest(req, ctx.credentials.notification_url);
  let reply: Awaited<ReturnType<typeof post>>;
  try {
    reply = await post(ctx, body, req.paymentId);
  } catch (err) {
    if (!(err instanceof ConnectorError) || err.kind !== 'ambiguous') throw err;
    reply = await post(ctx, body, req.paymentId);
  }
  if (reply.status === 404 || !reply.body?.id) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      'PagBank accepted POST /orders but its answer is unreadable',
    );
  }
  return createResult(reply.body, req);
}

async function getOrder(ctx: ConnectorContext, reference: string): Promise<PagbankOrder | null> {
  const reply = await pagbankCall<PagbankOrder>(ctx, 'GET', orderPath(reference));
  if (reply.status === 404) return null;
  if (!reply.body?.id)
    throw new ConnectorError('ambiguous', 'gateway_error', 'PagBank order answer is unreadable');
  return reply.body;
}

/** By order id. Without one there is nothing to ask PagBank by, so the answer stays unknown. */
async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  if (!ref.reference) {
    throw new ConnectorError(
      'ambiguous',
      'status_unknown',
      'PagBank orders cannot be looked up without their id',
    );
  }
  const order = await getOrder(ctx, ref.reference);
  return order ? orderStatus(order, ctx.now) : { status: 'not_found', reference: null };
}

/**
 * Voids what can still be voided: an authorisation or a waiting charge is cancelled; a paid charge is
 * refused (cancelling it would be a refund). An unpaid PIX code has no charge and PagBank documents no
 * way to withdraw it: it lapses at its expiration date, which is never later than the session's end.
 */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const order = await getOrder(ctx, reference);
  for (const charge of order?.charges ?? []) {
    if (charge.status === 'PAID') {
      throw alreadyPaid(`PagBank order ${reference}`, reference);
    }
    if (chargeStatus(charge.status) !== 'pending') continue;
    await pagbankCall(ctx, 'POST', cancelPath(charge.id), {
      body: { amount: { value: charge.amount?.value ?? 0 } },
      idempotencyKey: `cancel-${charge.id}`,
    });
  }
}

function refundState(charge: PagbankCharge | undefined): GatewayRefundResult {
  if (!charge) return { status: 'pending', reference: null };
  const refunded = charge.amount?.summary?.refunded ?? 0;
  const done = charge.status === 'CANCELED' || refunded > 0;
  return { status: done ? 'succeeded' : 'pending', reference: charge.id };
}

/** Refund = cancel of the paid charge with the amount to return (all or part), keyed by the refund id. */
async function refund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  const order = await getOrder(ctx, req.reference);
  const paid = order?.charges?.find((c) => c.status === 'PAID');
  if (!paid) return { status: 'failed', reference: null, failureCode: 'not_paid' };
  const reply = await pagbankCall<PagbankCharge>(ctx, 'POST', cancelPath(paid.id), {
    body: { amount: { value: req.amount } },
    idempotencyKey: req.refundId,
  });
  return refundState(reply.body ?? undefined);
}

/** PagBank keeps no refund object of its own: the charge's refunded total tells. */
async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  const order = await getOrder(ctx, ref.paymentReference);
  const charge =
    order?.charges?.find((c) => c.id === ref.reference) ?? (order ? decidingCharge(order) : undefined);
  return refundState(charge);
}

/**
 * PagBank (Orders API) for PIX and card in Brazil. Credentials: `token` (the account's API token,
 * which also signs notifications) and `notification_url` (where PagBank should post order updates:
 * `https://<Borda host>/webhooks/gateways/pagbank/<merchant id>`). Test mode uses PagBank's sandbox.
 */
export const pagbankConnector: Connector = {
  ...GATEWAYS.pagbank,
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  parseWebhook: parsePagbankWebhook,
};
