/**
 * EBANX Direct API connector (integration key). Built from EBANX's public documentation:
 * - https://docs.ebanx.com/docs/payments/guides/accept-payments/api/ (Direct API: POST /ws/direct with
 *   `integration_key`, `operation: request`, `payment` {name, email, document, country, payment_type_code,
 *   merchant_payment_code, currency_code, amount_total}; the sandbox and production hosts)
 * - https://docs.ebanx.com/docs/resources/payment-type-codes — oxxo, spei, eft (PSE), efecty, nequi,
 *   pagoefectivo (CIP), servipag, pix and the card brands
 * - https://docs.ebanx.com/docs/payments/guides/accept-payments/api/peru/yape — Yape needs the customer's
 *   phone (`source: web`) or a mobile deeplink, which is why Borda does not route Yape here yet
 * - https://docs.ebanx.com/docs/pay-in/processing/payment-methods/country-specific/colombia/pse.md — PSE:
 *   the customer's bank from /ws/getBankList, then a redirect to the bank
 * - https://docs.ebanx.com/docs/payments/guides/accept-payments/api/colombia/efecty,
 *   https://docs.ebanx.com/docs/payments/guides/accept-payments/api/peru/pago-efectivo/,
 *   https://docs.ebanx.com/docs/payments/guides/accept-payments/api/brazil/pix (pix.qr_code_value)
 * - https://docs.ebanx.com/docs/payments/guides/after-payments/retrieve-payment — POST /ws/query by `hash`
 *   or `merchant_payment_code`
 * - https://docs.ebanx.com/docs/payments/guides/features/payment-notifications and
 *   https://raw.githubusercontent.com/api-evangelist/ebanx/refs/heads/main/examples/ebanx-payment-notification-example.json
 *   — a notification says only that a payment changed (`operation=payment_status_change`, its hash):
 *   "query /ws/query with the hash to retrieve the authoritative payment state"
 * - https://github.com/ebanx/benjamin (EBANX's PHP library): /ws/refund {hash, amount, description,
 *   merchant_refund_code}, /ws/cancel {hash}, answer shapes (oxxo_url/oxxo_barcode, clabe_account/
 *   clabe_reference, cip_code/cip_url, redirect_url for eft and wallets, refunds[] with RE/PE/CO/CA),
 *   `status: ERROR` with `status_code` / `status_message`
 * - https://docs.ebanx.com/docs/reports/transactions-reports/payments-report — API statuses PE, OP, CO, CA
 * - https://docs.ebanx.com/docs/resources/errorCodes — `{status: ERROR, status_code, status_message}`;
 *   BP-SA-* (integration key), BP-DR-0 (a payment with that merchant_payment_code already exists)
 * - https://docs.ebanx.com/docs/payments/guides/after-payments/refund-payment — full and partial refunds
 *   of confirmed (CO) payments; refunds go Requested → Pending → Confirmed (or Cancelled)
 *
 * Reference: the EBANX payment `hash`. Borda's payment id is the `merchant_payment_code` (EBANX refuses
 * a second payment with the same code, which is what makes a retried create safe) and Borda's refund id
 * the `merchant_refund_code`.
 *
 * Notifications carry no payment data and EBANX's RSA signature needs its certificate, which Borda does
 * not hold; authenticity is therefore the query itself: Borda asks EBANX, with the merchant's own key,
 * for the payment the notification names, and acts only on what EBANX answers.
 */
import { COUNTRIES } from '../../domain/countries';
import { GATEWAYS } from '../descriptors';
import { alreadyPaid } from '../refusals';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayRefundResult,
  type GatewayStatus,
  type RefundRequest,
} from '../types';
import { ebanxAmount, paymentRequest } from './build';
import { ebanxCall, replyError } from './http';
import { createResult, eventFromPayment, paymentGatewayStatus, refundResult } from './map';
import { notifiedHashes } from './webhook';
import type { EbanxPayment } from './wire';

/** EBANX's error for a second payment with the same merchant_payment_code. */
const DUPLICATE_CODE = 'BP-DR-0';

/** The payment by hash (or by Borda's id), or null when EBANX has none. */
async function query(ctx: ConnectorContext, by: { hash: string } | { merchant_payment_code: string }) {
  const reply = await ebanxCall(ctx, '/ws/query', by);
  if (reply.status === 'SUCCESS' && reply.payment?.hash) return reply.payment;
  // BP-QRY-*: EBANX found no such payment for this key. Anything else is a refusal, never "not found".
  if (reply.status === 'ERROR' && (reply.status_code ?? '').startsWith('BP-QRY')) return null;
  throw replyError(reply, 'POST /ws/query', 'hash' in by ? by.hash : null);
}

async function createPayment(ctx: ConnectorContext, req: CreatePaymentRequest) {
  const methods = GATEWAYS.ebanx.coverage[req.country] as readonly string[] | undefined;
  // EBANX converts a foreign currency into the local one at its own rate: the customer would be charged
  // an amount Borda never showed. Only the country's own currency goes to EBANX.
  if (!methods?.includes(req.method) || COUNTRIES[req.country].currency !== req.currency) {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `EBANX does not take ${req.method} in ${req.currency} for ${req.country}`,
    );
  }
  let payment: ReturnType<typeof paymentRequest>;
  try {
    payment = paymentRequest(req);
  } catch (err) {
    const why = err instanceof RangeError ? err.message : 'the request could not be built';
    const code = req.method === 'pse' && !req.bank ? 'gateway_missing_data' : 'invalid_request';
    throw new ConnectorError('retryable', code, `EBANX payment not sent: ${why}`);
  }
  const reply = await ebanxCall(ctx, '/ws/direct', { operation: 'request', mode: 'full', payment });
  if (reply.status !== 'SUCCESS') {
    // A card the acquirer refused still comes back as a payment (CA); an ERROR is a refused request.
    if (reply.payment?.hash) return createResult(reply, req);
    // BP-DR-0: EBANX already has a payment with this merchant_payment_code (an earlier try whose answer
    // was lost). It may be paid: ambiguous, so the router asks for it before anyone else may try.
    if (reply.status_code === DUPLICATE_CODE) {
      throw new ConnectorError('ambiguous', 'gateway_error', 'EBANX already has this payment');
    }
    throw replyError(reply, 'POST /ws/direct');
  }
  return createResult(reply, req);
}

async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  const p = await query(
    ctx,
    ref.reference ? { hash: ref.reference } : { merchant_payment_code: ref.paymentId },
  );
  return p ? paymentGatewayStatus(p) : { status: 'not_found', reference: null };
}

/** Cancels a pending voucher or transfer (EBANX cancels only open payments); a paid one is refused. */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const p = await query(ctx, { hash: reference });
  if (!p) return;
  const status = paymentGatewayStatus(p).status;
  if (status === 'paid') {
    throw alreadyPaid(`EBANX payment ${reference}`, reference);
  }
  if (status !== 'pending') return;
  const reply = await ebanxCall(ctx, '/ws/cancel', { hash: reference });
  if (reply.status !== 'SUCCESS') throw replyError(reply, 'POST /ws/cancel', reference);
}

async function refund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  const reply = await ebanxCall(ctx, '/ws/refund', {
    operation: 'request',
    hash: req.reference,
    amount: ebanxAmount(req),
    description: (req.reason ?? 'Refund').slice(0, 100),
    merchant_refund_code: req.refundId,
  });
  if (reply.status !== 'SUCCESS') {
    const e = replyError(reply, 'POST /ws/refund', req.reference);
    if (e.code === 'gateway_auth') throw e;
    return { status: 'failed', reference: null, failureCode: reply.status_code ?? 'refund_refused' };
  }
  return refundResult(reply.refund);
}

/** A refund's state, read from the payment's `refunds` list by Borda's refund id (or EBANX's). */
async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  const p = await query(ctx, { hash: ref.paymentReference });
  const found = p?.refunds?.find(
    (r) =>
      r.merchant_refund_code === ref.refundId || (ref.reference !== null && String(r.id) === ref.reference),
  );
  return found
    ? refundResult(found)
    : { status: 'failed', reference: ref.reference, failureCode: 'refund_not_found' };
}

/**
 * EBANX: the merchant's `integration_key` (sandbox key for test accounts, production key for live
 * ones). Notifications are pointed at `/webhooks/gateways/ebanx/{merchant_id}` in EBANX's dashboard.
 */
export const ebanxConnector: Connector = {
  ...GATEWAYS.ebanx,
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  async parseWebhook(ctx, req) {
    const { hashes } = notifiedHashes(req.body, req.headers.get('content-type'));
    // One payment per notification in practice; a list is read up to its first payment this key knows.
    for (const hash of hashes) {
      const p: EbanxPayment | null = await query(ctx, { hash });
      if (p) return eventFromPayment(p);
    }
    // Not a payment of this merchant's key: not authentic for this account (the route tries the next).
    throw new ConnectorError(
      'retryable',
      'unauthorized',
      'EBANX knows no such payment for this integration key',
    );
  },
};
