/**
 * Asaas API v3 connector: PIX, boleto and credit card through one Asaas account per merchant.
 *
 * Sources (docs.asaas.com, read 2026):
 * - Authentication (`access_token` header, User-Agent): https://docs.asaas.com/docs/authentication-2
 * - Hosts (sandbox https://api-sandbox.asaas.com/v3, production https://api.asaas.com/v3):
 *   https://docs.asaas.com/docs/postman-en, https://docs.asaas.com/docs/faq-sandbox-1
 * - Create payment: https://docs.asaas.com/reference/payment,
 *   https://docs.asaas.com/reference/create-new-payment-with-summary-data-in-response
 * - Cards (HTTP 400 on refusal, generic `invalid_creditCard`, remoteIp, holder info, installments):
 *   https://docs.asaas.com/reference/create-new-payment-with-credit-card,
 *   https://docs.asaas.com/docs/payments-via-credit-card, https://docs.asaas.com/docs/cobrancas-via-cartao-de-credito
 * - PIX QR code: https://docs.asaas.com/docs/payments-via-pix-dynamic-qr-code,
 *   https://docs.asaas.com/reference/get-qr-code-for-payments-via-pix
 * - Boleto line: https://docs.asaas.com/reference/get-digitable-bill-line
 * - Statuses: https://docs.asaas.com/reference/payment (PaymentGetResponsePaymentStatus)
 * - Errors: https://docs.asaas.com/docs/http-response-codes
 * - Webhooks (`asaas-access-token`, event ids, events): https://docs.asaas.com/docs/about-webhooks,
 *   https://docs.asaas.com/docs/payment-events, https://docs.asaas.com/docs/webhook-para-cobrancas
 * - Refunds and bank-slip refunds: see refund.ts
 * - API base: `ctx.apiBase` (ASAAS_API_BASE) when set, else the documented host of the key's mode
 */

import type { BoletoPlan } from '../boleto-plan';
import { GATEWAYS } from '../descriptors';
import { type GatewayReply, GatewayUnanswered, rethrowUnanswered, unanswered } from '../http-outcome';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
} from '../types';
import { boletoDetails, cardBrand, customerBody, parseAsaasDateTime, paymentBody, pixTxid } from './build';
import { asaasRequest, errorCodes, refusedCall } from './http';
import { asaasFetchRefund, asaasRefund } from './refund';
import { parseAsaasWebhook } from './webhook';
import {
  type AsaasCustomer,
  type AsaasErrorBody,
  type AsaasIdentificationField,
  type AsaasList,
  type AsaasPayment,
  type AsaasPaymentRequest,
  type AsaasPixQrCode,
  bordaStatus,
  cardFailureCode,
} from './wire';

function hasId(data: unknown): data is { id: string } {
  return typeof (data as { id?: unknown } | null)?.id === 'string';
}

/** A read or a customer creation: no payment can come of it, so every failure lets the next gateway try. */
async function safeCall(
  ctx: ConnectorContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
) {
  try {
    return await asaasRequest(ctx, method, path, body);
  } catch (err) {
    return rethrowUnanswered(err);
  }
}

async function createCustomer(ctx: ConnectorContext, req: CreatePaymentRequest): Promise<string> {
  const res = await safeCall(ctx, 'POST', '/customers', customerBody(req));
  if (res.status !== 200 || !hasId(res.body)) throw refusedCall(res, 'POST /customers');
  return (res.body as AsaasCustomer).id;
}

/**
 * POST /v3/payments, the one call that can take money. Without an answer (timeout, dropped connection)
 * or with a 5xx other than 503 the payment may exist: ambiguous, and fetchStatus finds it by
 * externalReference. 503 (nobody served the request), 4xx and 429 mean nothing was created.
 */
async function postPayment(ctx: ConnectorContext, body: AsaasPaymentRequest): Promise<AsaasPayment | string> {
  let res: GatewayReply<unknown>;
  try {
    res = await asaasRequest(ctx, 'POST', '/payments', body);
  } catch (err) {
    if (!(err instanceof GatewayUnanswered)) throw err;
    const code = err.reason === 'timeout' ? 'gateway_timeout' : 'gateway_unavailable';
    throw new ConnectorError('ambiguous', code, `${err.message}; the payment may exist.`);
  }
  if (res.status === 200 && hasId(res.body)) return res.body as AsaasPayment;
  if (res.status === 400 && body.billingType === 'CREDIT_CARD') {
    const failureCode = cardFailureCode(res.body as AsaasErrorBody);
    if (failureCode) return failureCode;
  }
  if (res.status === 200 || (res.status >= 500 && res.status !== 503)) {
    const detail = `Asaas answered HTTP ${res.status}${errorCodes(res.body)} to POST /payments without a payment`;
    throw new ConnectorError('ambiguous', 'gateway_error', `${detail}; it may exist.`);
  }
  throw refusedCall(res, 'POST /payments');
}

/**
 * The payment exists but what the customer pays with could not be read. The customer has seen
 * nothing, so deleting it is safe and lets the next gateway try; if even that fails, the payment is
 * left for fetchStatus to settle (ambiguous).
 */
async function abandon(ctx: ConnectorContext, id: string, cause: ConnectorError): Promise<never> {
  let deleted = false;
  try {
    const res = await asaasRequest(ctx, 'DELETE', `/payments/${encodeURIComponent(id)}`);
    deleted = res.status === 200 || res.status === 404;
  } catch {
    deleted = false;
  }
  const message = `${cause.message} ${deleted ? 'The Asaas payment was deleted.' : 'Deleting it failed.'}`;
  throw new ConnectorError(deleted ? 'retryable' : 'ambiguous', cause.code, message, id);
}

async function followUp<T>(ctx: ConnectorContext, id: string, path: string, valid: (d: unknown) => boolean) {
  let res: GatewayReply<unknown>;
  try {
    res = await asaasRequest(ctx, 'GET', path);
  } catch (err) {
    if (err instanceof GatewayUnanswered) return abandon(ctx, id, unanswered(err, id));
    throw err;
  }
  if (res.status !== 200 || !valid(res.body)) return abandon(ctx, id, refusedCall(res, `GET ${path}`, id));
  return res.body as T;
}

async function issuePix(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
  id: string,
): Promise<GatewayPaymentResult> {
  const qr = await followUp<AsaasPixQrCode>(
    ctx,
    id,
    `/payments/${encodeURIComponent(id)}/pixQrCode`,
    (d) => typeof (d as AsaasPixQrCode | null)?.payload === 'string' && (d as AsaasPixQrCode).payload !== '',
  );
  const asaasExpiry = parseAsaasDateTime(String(qr.expirationDate ?? '')) ?? req.expiresAt;
  return {
    status: 'pending',
    reference: id,
    details: {
      pix: {
        payload: qr.payload,
        expires_at: Math.min(req.expiresAt, asaasExpiry),
        txid: pixTxid(qr.payload, id),
      },
    },
  };
}

async function issueBoleto(
  ctx: ConnectorContext,
  plan: BoletoPlan,
  id: string,
): Promise<GatewayPaymentResult> {
  const field = await followUp<AsaasIdentificationField>(
    ctx,
    id,
    `/payments/${encodeURIComponent(id)}/identificationField`,
    (d) =>
      typeof (d as AsaasIdentificationField | null)?.identificationField === 'string' &&
      typeof (d as AsaasIdentificationField).barCode === 'string',
  );
  // Payable until its registration is cancelled at the end of the void date (Brasília), which is
  // also when Asaas cancels it (daysAfterDueDateToRegistrationCancellation = the void days).
  return {
    status: 'pending',
    reference: id,
    details: boletoDetails(field, plan),
    holdUntil: plan.holdUntil,
  };
}

function cardResult(payment: AsaasPayment): GatewayPaymentResult {
  const status = bordaStatus(payment);
  if (status === 'paid') return { status: 'paid', reference: payment.id };
  if (status === 'pending') {
    // Held for Asaas's manual risk analysis: settled later by PAYMENT_CONFIRMED or a refusal event.
    const card = {
      brand: cardBrand(payment.creditCard?.creditCardBrand),
      last4: payment.creditCard?.creditCardNumber ?? '',
    };
    return { status: 'pending', reference: payment.id, details: { card } };
  }
  return { status: 'denied', reference: payment.id, failureCode: 'processing_error' };
}

const STATUS_RANK: Record<GatewayStatus['status'], number> = {
  paid: 0,
  pending: 1,
  denied: 2,
  expired: 3,
  canceled: 4,
  not_found: 5,
};

/** The Asaas connector (see the sources above). Its `reference` is always the Asaas payment id (pay_…). */
/**
 * What Asaas requires for a card beyond the card (creditCardHolderInfo, remoteIp). The checkout does
 * not collect the phone, postal code, address number or IP, so routing passes Asaas over for cards
 * until a payment carries them; PIX and boleto need only the CPF/CNPJ.
 */
export const ASAAS_CARD_DATA = ['document', 'phone', 'postal_code', 'address_number', 'payer_ip'] as const;

export const asaasConnector: Connector = {
  ...GATEWAYS.asaas,
  requiredCustomerData: (method) => (method === 'card' ? ASAAS_CARD_DATA : ['document']),

  async createPayment(ctx, req) {
    const { body, boleto } = paymentBody(req);
    body.customer = await createCustomer(ctx, req);
    const payment = await postPayment(ctx, body);
    if (typeof payment === 'string') return { status: 'denied', reference: null, failureCode: payment };
    if (body.billingType === 'CREDIT_CARD') return cardResult(payment);
    if (boleto) return issueBoleto(ctx, boleto, payment.id);
    return issuePix(ctx, req, payment.id);
  },

  async fetchStatus(ctx, ref) {
    if (ref.reference) {
      const path = `/payments/${encodeURIComponent(ref.reference)}`;
      const res = await safeCall(ctx, 'GET', path);
      if (res.status === 404) return { status: 'not_found', reference: ref.reference };
      if (res.status !== 200 || !hasId(res.body)) throw refusedCall(res, `GET ${path}`, ref.reference);
      const payment = res.body as AsaasPayment;
      return { status: bordaStatus(payment), reference: payment.id };
    }
    // No reference: the create call timed out. Borda's payment id went out as externalReference.
    const res = await safeCall(
      ctx,
      'GET',
      `/payments?externalReference=${encodeURIComponent(ref.paymentId)}`,
    );
    const list = res.body as AsaasList<AsaasPayment> | null;
    if (res.status !== 200 || !Array.isArray(list?.data)) throw refusedCall(res, 'GET /payments');
    const found = list.data
      .filter((p) => p.externalReference === ref.paymentId)
      .map((p): GatewayStatus => ({ status: bordaStatus(p), reference: p.id }))
      .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
    return found[0] ?? { status: 'not_found', reference: null };
  },

  async cancel(ctx, reference) {
    const path = `/payments/${encodeURIComponent(reference)}`;
    const res = await safeCall(ctx, 'DELETE', path);
    // 404: already gone. Asaas refuses (400) to delete a payment that was paid.
    if (res.status !== 200 && res.status !== 404) throw refusedCall(res, `DELETE ${path}`, reference);
  },

  refund: asaasRefund,
  fetchRefund: asaasFetchRefund,

  async parseWebhook(ctx, req) {
    return parseAsaasWebhook(ctx, req);
  },
};
