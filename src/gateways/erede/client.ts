/**
 * e.Rede (Rede acquirer, Itaú) API v2 connector: card (credit, with installments, captured at once) and PIX.
 *
 * Sources. e.Rede's own reference is its developer portal, https://developer.userede.com.br/e-rede
 * (REST API, "Códigos de retorno", the OAuth2 authentication that replaced PV + token in January 2026).
 * Its pages could not be read from where this was written, so every request and answer shape below is
 * taken from these public copies of it, and the fixtures name which:
 * - https://github.com/DevelopersRede/erede-node (lib/service/*.js) — Rede's own SDK: POST
 *   /transactions, GET /transactions/{tid}, GET /transactions?reference=, POST and GET
 *   /transactions/{tid}/refunds.
 * - https://github.com/silbeckdevs/erede-php (v2.0.0 release notes; src/Rede/Environment.php,
 *   Service/OAuthService.php, Transaction.php, QrCode.php, Refund.php; tests/Unit/TransactionUnitTest.php,
 *   QrCodeUnitTest.php) — the v2 hosts (api.userede.com.br/erede/v2, sandbox-erede.useredecloud.com.br/v2),
 *   the token endpoints (api.userede.com.br/redelabs/oauth2/token, rl7-sandbox-api.useredecloud.com.br/oauth2/token)
 *   with Basic client_id:client_secret and grant_type=client_credentials, tokens of 24 minutes, the card
 *   request fields (kind, reference, amount in centavos, installments, cardholderName, cardNumber,
 *   expirationMonth/Year, securityCode, capture, softDescriptor), the PIX request (`kind: "Pix"`,
 *   `qrCode.dateTimeExpiration` `Y-m-d\TH:i:s`) and answer (`qrCodeResponse`: `qrCodeData`, `status`),
 *   the query answer (`authorization.status`), refund ids and the answer examples in the fixtures.
 * - https://ajuda.zoop.com.br/hc/pt-br/articles/4407602751131-Captura-online-erros-transacionais — e.Rede's
 *   authorizer return code table (00 success, 101–124 refusals, 122 "Transaction previously sent").
 * - https://github.com/DevelopersRede/magento2 (Block/Adminhtml/View/TransactionUpdate.php) — the four
 *   authorization statuses Approved, Canceled, Denied, Pending.
 * - https://github.com/DevelopersRede/erede-php (README, test/Rede/eRedeTest.php) — a refund answers
 *   returnCode 359 ("Refund successful").
 * Unconfirmed here: 360 ("Refund request has been successful", accepted and settled later) and the
 * refund statuses Done / Denied / Processing are e.Rede portal values none of the copies above show;
 * the connector reads them, and anything else, conservatively (pending until a query says otherwise).
 * Where these are silent (the HTTP status of a refusal; the statuses of a PIX beyond Pending), the
 * connector reads the documented `returnCode`/status whatever the HTTP status, and an undocumented
 * status as pending.
 *
 * Webhooks: e.Rede documents no signature or authentication for its notifications, so Borda accepts
 * none (parseWebhook refuses every delivery). A payment's state comes from the synchronous answer (a
 * card is paid or declined at once) or from polling: fetchStatus, which the router calls after an
 * ambiguous failure and the reconciliation job calls for pending payments (a PIX).
 *
 * Reference: Borda's `reference` for an e.Rede payment is e.Rede's `tid`. e.Rede's own `reference`
 * field (the order number) is derived from Borda's payment id (see build.ts), so a payment is found
 * by it when a timeout left Borda without a tid.
 */
import { GATEWAYS } from '../descriptors';
import { GatewayUnanswered, rethrowUnanswered, unanswered } from '../http-outcome';
import { alreadyPaid } from '../refusals';
import { fromTable } from '../status-table';
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
import { cardRequest, eredeReference, pixRequest } from './build';
import { eredeCall } from './http';
import { createResult, queryStatus } from './map';
import { parseERedeWebhook } from './webhook';
import {
  EREDE_REFUND_CODES,
  EREDE_REFUND_STATUS,
  type ERedeQuery,
  type ERedeRefundAnswer,
  type ERedeRefundItem,
  type ERedeTransaction,
} from './wire';

const METHODS = GATEWAYS.erede.methods;

async function createPayment(
  ctx: ConnectorContext,
  req: CreatePaymentRequest,
): Promise<GatewayPaymentResult> {
  if (!(METHODS as readonly string[]).includes(req.method) || req.currency !== 'BRL') {
    throw new ConnectorError(
      'retryable',
      'method_not_supported',
      `e.Rede takes card and PIX in BRL, not ${req.method}`,
    );
  }
  const body = req.method === 'card' ? cardRequest(req) : pixRequest(req);
  try {
    return createResult(await eredeCall<ERedeTransaction>(ctx, 'POST', '/transactions', body), req);
  } catch (err) {
    if (!(err instanceof GatewayUnanswered)) throw err;
    // A card sent without an answer may have been charged: ask by reference before anything else. A
    // PIX code nobody saw cannot be paid, so another gateway may issue one.
    if (err.reason === 'timeout' && req.method === 'card') {
      throw new ConnectorError('ambiguous', 'gateway_timeout', err.message);
    }
    throw unanswered(err);
  }
}

async function query(ctx: ConnectorContext, path: string): Promise<ERedeQuery | null> {
  let reply: Awaited<ReturnType<typeof eredeCall<ERedeQuery>>>;
  try {
    reply = await eredeCall<ERedeQuery>(ctx, 'GET', path);
  } catch (err) {
    rethrowUnanswered(err);
  }
  if (reply.status === 404) return null;
  if (reply.status < 200 || reply.status >= 300 || !reply.body) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `e.Rede GET ${path.split('?')[0]} answered HTTP ${reply.status}`,
    );
  }
  return reply.body;
}

/** By tid when Borda has it; otherwise by the reference derived from Borda's payment id. */
async function fetchStatus(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentId: string },
): Promise<GatewayStatus> {
  const path = ref.reference
    ? `/transactions/${encodeURIComponent(ref.reference)}`
    : `/transactions?reference=${encodeURIComponent(eredeReference(ref.paymentId))}`;
  const found = await query(ctx, path);
  return found ? queryStatus(found, ref.reference) : { status: 'not_found', reference: null };
}

/**
 * e.Rede has no call that voids an unpaid PIX: its QR code was issued to expire with the session
 * (`dateTimeExpiration`), so abandoning it only needs to make sure it was not paid meanwhile.
 */
async function cancel(ctx: ConnectorContext, reference: string): Promise<void> {
  const status = await fetchStatus(ctx, { reference, paymentId: '' });
  if (status.status === 'paid') {
    throw alreadyPaid(`e.Rede transaction ${reference}`, reference);
  }
}

/**
 * POST /transactions/{tid}/refunds with the amount in centavos. 359 is done, 360 accepted (settles
 * later, see fetchRefund); any other answer is a refusal, reported with e.Rede's return code. Without
 * an answer the refund may exist: ambiguous, and fetchRefund tells.
 */
async function refund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  const path = `/transactions/${encodeURIComponent(req.reference)}/refunds`;
  let reply: Awaited<ReturnType<typeof eredeCall<ERedeRefundAnswer>>>;
  try {
    reply = await eredeCall<ERedeRefundAnswer>(ctx, 'POST', path, { amount: req.amount });
  } catch (err) {
    if (!(err instanceof GatewayUnanswered)) throw err;
    if (err.reason === 'timeout')
      throw new ConnectorError('ambiguous', 'gateway_timeout', err.message, req.reference);
    throw unanswered(err, req.reference);
  }
  const code = reply.body?.returnCode ?? '';
  const status = fromTable(EREDE_REFUND_CODES, code, undefined);
  if (status) return { status, reference: reply.body?.refundId ?? null };
  // Accepted with a code none of the sources document: not a refusal; fetchRefund will tell.
  if (reply.status >= 200 && reply.status < 300)
    return { status: 'pending', reference: reply.body?.refundId ?? null };
  if (reply.status >= 500 && reply.status !== 503) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `e.Rede refund answered HTTP ${reply.status}`,
      req.reference,
    );
  }
  if (reply.status === 401 || reply.status === 403 || reply.status === 429 || reply.status === 503) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `e.Rede refund answered HTTP ${reply.status}`,
    );
  }
  return { status: 'failed', reference: null, failureCode: code ? `erede_${code}` : 'refund_rejected' };
}

function refundState(item: ERedeRefundItem | undefined): GatewayRefundResult['status'] {
  return fromTable(EREDE_REFUND_STATUS, item?.status, 'pending');
}

async function fetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  const found = await query(ctx, `/transactions/${encodeURIComponent(ref.paymentReference)}/refunds`);
  const item = found?.refunds?.find((r) => ref.reference !== null && r.refundId === ref.reference);
  if (!item) return { status: 'pending', reference: ref.reference };
  return { status: refundState(item), reference: item.refundId ?? ref.reference };
}

/**
 * e.Rede for card (with installments) and PIX in Brazil. Credentials: `client_id` (the PV, filiação)
 * and `client_secret` (the integration key), from e.Rede's portal; test mode uses the sandbox hosts.
 */
export const eredeConnector: Connector = {
  ...GATEWAYS.erede,
  createPayment,
  fetchStatus,
  cancel,
  refund,
  fetchRefund,
  parseWebhook: parseERedeWebhook,
};
