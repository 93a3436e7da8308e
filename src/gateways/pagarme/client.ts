import { timingSafeEqualBytes } from '../../lib/crypto';
import { GATEWAYS } from '../descriptors';
import { alreadyPaid } from '../refusals';
/**
 * Pagar.me API v5 connector. Built from Pagar.me's public documentation:
 * - https://docs.pagar.me/reference/criar-pedido-2 — POST /orders (items, customer, payments, code, metadata)
 * - https://docs.pagar.me/reference/pix-2 — pix.expires_in / expires_at; reply qr_code, qr_code_url,
 *   expires_at; PIX transaction statuses; customer name, email, document and phones required
 * - https://docs.pagar.me/reference/boleto-1 — due_at, instructions, fine/interest (`flat` centavos a day,
 *   `percentage` a month); reply line, barcode (an image URL), pdf, due_at
 * - https://docs.pagar.me/reference/cart%C3%A3o-de-cr%C3%A9dito-1 — credit_card.installments,
 *   statement_descriptor, operation_type (auth_and_capture), card
 * - https://docs.pagar.me/docs/o-que-%C3%A9 — Idempotency-Key header, kept 24 h
 * - https://connect-v2.stone.com.br/reference/autentica%C3%A7%C3%A3o — Basic auth, secret key and empty password
 * - https://docs.pagar.me/reference/vis%C3%A3o-geral-sobre-webhooks, https://docs.pagar.me/reference/eventos-de-webhook-1,
 *   https://docs.pagar.me/reference/exemplo-de-webhook-1 — webhook envelope {id, type, created_at, data}, events
 * - https://pagarme.helpjuice.com/pt_BR/p2-funcionalidades/configura%C3%A7%C3%B5es-como-configurar-webhooks —
 *   webhooks are configured in the dashboard, with optional authentication (HTTP Basic user and password)
 * - https://suporte.shopmagento.com.br/knowledgebase.php?article=211 — the `chargedback` charge status
 * - https://github.com/pagarme/pagarme-nodejs-sdk (generated from the v5 OpenAPI spec) — GET /orders?code=,
 *   GET /orders/{id}, DELETE /charges/{id}, max_days_to_pay_past_due, reply models
 * - https://online.stone.com.br/docs/c%C3%B3digos-de-retorno-do-autorizador-stone — acquirer return codes
 * - refunds (DELETE /charges/{id} with amount, bank_account for boleto): see refund.ts
 * - API base: `ctx.apiBase` (PAGARME_API_BASE) when set, else https://api.pagar.me/core/v5
 *
 * Reference: Borda's `reference` for a Pagar.me payment is always the ORDER id (`or_…`): createPayment
 * returns it, fetchStatus and cancel take it, parseWebhook reports it (order events carry it as
 * `data.id`, charge events as `data.order.id`). The charge id is only an internal detail of cancel.
 */

import { type BoletoPlan, boletoPlan } from '../boleto-plan';
import {
  type Connector,
  type ConnectorContext,
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import { orderRequest } from './build';
import { httpError, pagarmeCall } from './http';
import { createResult, orderGatewayStatus, webhookEvent } from './map';
import { pagarmeFetchRefund, pagarmeRefund } from './refund';
import { chargeStatus, type PagarmeOrder, type PagarmeOrderList, type PagarmeWebhook } from './wire';

const METHODS = GATEWAYS.pagarme.methods;

function orderPath(orderId: string): string {
  return `/orders/${encodeURIComponent(orderId)}`;
}

async function createPayment(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
): Promise<GatewayPaymentResult> {
  if (!(METHODS as readonly string[]).includes(req.method) || req.currency !== 'BRL') {
    throw new ConnectorError('retryable', 'method_not_supported', `Pagar.me takes ${req.method} in BRL only`);
  }
  let plan: BoletoPlan | null;
  let body: ReturnType<typeof orderRequest>;
  try {
    plan = req.method === 'boleto' ? boletoPlan(req) : null;
    body = orderRequest(req, plan);
  } catch (err) {
    // Bad merchant settings or missing card data: nothing was sent, so another gateway may still try.
    const why = err instanceof RangeError ? err.message : 'the request could not be built';
    throw new ConnectorError('retryable', 'invalid_request', `Pagar.me order not sent: ${why}`);
  }
  // Borda's payment id is the idempotency key: a retry after a lost reply returns the same order.
  const reply = await pagarmeCall<PagarmeOrder>(ctx, 'POST', '/orders', {
    body,
    idempotencyKey: req.paymentId,
  });
  if (reply.status === 404) throw httpError(404, reply.body, 'POST /orders');
  if (!reply.body?.id) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      'Pagar.me accepted POST /orders but its reply is unreadable',
    );
  }
  return createResult(reply.body, req, plan);
}

/**
 * By reference (the order id) when Borda has one; otherwise by Borda's payment id, which is the order's
 * `code` — how a payment is found after a timeout that left Borda without any reference.
 */
async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  if (ref.reference) {
    const reply = await pagarmeCall<PagarmeOrder>(ctx, 'GET', orderPath(ref.reference));
    if (reply.status === 404) return { status: 'not_found', reference: null };
    if (!reply.body?.id)
      throw new ConnectorError('ambiguous', 'gateway_error', 'Pagar.me order reply is unreadable');
    return orderGatewayStatus(reply.body);
  }
  const reply = await pagarmeCall<PagarmeOrderList>(
    ctx,
    'GET',
    `/orders?code=${encodeURIComponent(ref.paymentId)}`,
  );
  const orders = (reply.body?.data ?? []).filter((o) => o.code === ref.paymentId);
  // More than one order can carry the code only if the idempotency window (24 h) passed; a paid one wins.
  const chosen = orders.find((o) => orderGatewayStatus(o).status === 'paid') ?? orders[0];
  return chosen ? orderGatewayStatus(chosen) : { status: 'not_found', reference: null };
}

/**
 * Cancels the order's open charges (DELETE /charges/{id}). A paid charge is not touched: Pagar.me would
 * treat its cancellation as a refund, which is not what abandoning a payment means.
 */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const reply = await pagarmeCall<PagarmeOrder>(ctx, 'GET', orderPath(reference));
  if (reply.status === 404) return;
  for (const charge of reply.body?.charges ?? []) {
    const status = chargeStatus(charge.status);
    if (status === 'paid') {
      throw alreadyPaid(`Pagar.me order ${reference}`, reference);
    }
    if (status !== 'pending') continue;
    await pagarmeCall(ctx, 'DELETE', `/charges/${encodeURIComponent(charge.id)}`, {
      idempotencyKey: `cancel-${charge.id}`,
    });
  }
}

const encoder = new TextEncoder();

async function basicMatches(header: string | null, user: string, password: string): Promise<boolean> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  let sent: Uint8Array;
  try {
    sent = Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  return timingSafeEqualBytes(sent, encoder.encode(`${user}:${password}`));
}

/**
 * Pagar.me v5 documents no signature for webhooks; what it offers is HTTP Basic authentication that the
 * merchant enables on the webhook in the dashboard. So authenticity is the Authorization header carrying
 * the `webhook_user`/`webhook_password` the merchant set there and gave Borda (compared in constant
 * time). Without both credentials every delivery is refused: an unauthenticated endpoint would let
 * anyone mark payments paid.
 */
async function parseWebhook(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string },
): Promise<InboundGatewayEvent> {
  const user = ctx.credentials.webhook_user;
  const password = ctx.credentials.webhook_password;
  if (!user || !password || !(await basicMatches(req.headers.get('Authorization'), user, password))) {
    throw new ConnectorError('retryable', 'unauthorized', 'Pagar.me webhook failed Basic authentication');
  }
  let hook: Partial<PagarmeWebhook> | null = null;
  try {
    hook = JSON.parse(req.body) as Partial<PagarmeWebhook> | null;
  } catch {
    hook = null;
  }
  if (
    !hook ||
    typeof hook.id !== 'string' ||
    typeof hook.type !== 'string' ||
    typeof hook.data !== 'object' ||
    !hook.data
  ) {
    throw new ConnectorError('retryable', 'invalid_payload', 'Pagar.me webhook body is not a webhook');
  }
  return webhookEvent(hook as PagarmeWebhook);
}

/**
 * Pagar.me (API v5, https://api.pagar.me/core/v5) for PIX, boleto and card. Credentials: `secret_key`
 * (sk_… or sk_test_…, sent as the Basic user name with an empty password), and `webhook_user` /
 * `webhook_password`, the Basic credentials the merchant sets on the webhook in Pagar.me's dashboard.
 */
export const pagarmeConnector: Connector = {
  ...GATEWAYS.pagarme,
  createPayment,
  fetchStatus,
  cancel,
  refund: pagarmeRefund,
  fetchRefund: (ctx, ref) => pagarmeFetchRefund(ctx, ref, ''),
  parseWebhook,
};
