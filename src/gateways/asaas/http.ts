import { gatewayBase, gatewayRequest } from '../http';
import { type GatewayReply, replyOf, type StatusRules, statusError } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import { Reais } from './wire';

/** Asaas's documented hosts: a separate sandbox host, so a test key can never reach production. */
export const ASAAS_BASE_URL = {
  test: 'https://api-sandbox.asaas.com/v3',
  live: 'https://api.asaas.com/v3',
} as const;

/** Asaas requires a User-Agent from root accounts created since June 2024. */
const USER_AGENT = 'Borda';

/**
 * JSON with every `Reais` written as a bare number literal (`"value":150.00`), so an amount never
 * passes through a binary float. The placeholder carries a per-call random nonce, so no text a
 * customer typed (a description, a name) can be mistaken for one.
 */
export function encodeJson(body: unknown): string {
  const nonce = crypto.randomUUID();
  const json = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof Reais ? `${nonce}:${value.text}` : value,
  );
  return json.replace(new RegExp(`"${nonce}:(\\d+\\.\\d{2})"`, 'g'), '$1');
}

/**
 * One call to Asaas, bounded by ctx.timeoutMs. Throws GatewayUnanswered when no HTTP answer came;
 * any HTTP status is returned for the caller to judge. Nothing from the request (it may hold card
 * data) ever goes into an error: messages name only the method and path.
 */
export async function asaasRequest(
  ctx: ConnectorContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<GatewayReply<unknown>> {
  const apiKey = ctx.credentials.api_key;
  if (!apiKey) throw new ConnectorError('retryable', 'gateway_auth', 'No Asaas API key is configured.');
  const answer = await gatewayRequest({
    base: gatewayBase(ctx, ASAAS_BASE_URL),
    path,
    method,
    auth: { header: 'access_token', value: apiKey },
    // A GET with a body is refused by Asaas's CDN (403), so only requests with one carry a Content-Type.
    body: body === undefined ? undefined : { jsonText: encodeJson(body) },
    headers: { 'User-Agent': USER_AGENT },
    timeoutMs: ctx.timeoutMs,
  });
  return replyOf(answer, 'Asaas', `${method} ${path.split('?')[0]}`);
}

/** The error codes of a 4xx body, for messages: codes only, since descriptions may echo customer data. */
export function errorCodes(data: unknown): string {
  const errors = (data as { errors?: { code?: unknown }[] } | null)?.errors;
  const codes = Array.isArray(errors) ? errors.map((e) => String(e?.code ?? '?')) : [];
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/** Statuses of a call after which no payment can exist: even a 5xx lets the next gateway try. */
const REFUSED_CALL: StatusRules = {
  gateway: 'Asaas',
  rateLimitCode: 'gateway_rate_limited',
  conflictAmbiguous: false,
  serverErrorAmbiguous: false,
};

/**
 * An HTTP answer that is not a success, for a call after which no payment can exist at Asaas (customer
 * creation, reads): the next gateway may try. 401/403 mean the key is wrong or lacks permission.
 */
export function refusedCall(
  res: GatewayReply<unknown>,
  what: string,
  reference: string | null = null,
): ConnectorError {
  return statusError(res.status, what, errorCodes(res.body).trim(), REFUSED_CALL, reference);
}
