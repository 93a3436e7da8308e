import { type ConnectorContext, ConnectorError } from '../types';
import { Reais } from './wire';

/** Asaas's documented hosts: a separate sandbox host, so a test key can never reach production. */
export const ASAAS_BASE_URL = {
  test: 'https://api-sandbox.asaas.com/v3',
  live: 'https://api.asaas.com/v3',
} as const;

/** Asaas requires a User-Agent from root accounts created since June 2024. */
const USER_AGENT = 'Borda';

/** What came back from Asaas; `data` is the parsed JSON body, or null when it was not JSON. */
export type AsaasResponse = { status: number; data: unknown };

/** The request never got an HTTP answer: it timed out, or the connection failed. */
export class AsaasTransportError extends Error {
  readonly reason: 'timeout' | 'network';

  constructor(reason: 'timeout' | 'network', what: string) {
    super(`${what}: ${reason === 'timeout' ? 'no answer within the time limit' : 'connection failed'}`);
    this.name = 'AsaasTransportError';
    this.reason = reason;
  }
}

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

/** AbortSignal.timeout rejects with a TimeoutError; anything else is a failed connection. */
function transportError(err: unknown, what: string): AsaasTransportError {
  const name = err instanceof Error ? err.name : '';
  return new AsaasTransportError(
    name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
    what,
  );
}

/**
 * One call to Asaas, bounded by ctx.timeoutMs. Throws AsaasTransportError when no HTTP answer came;
 * any HTTP status is returned for the caller to judge. Nothing from the request (it may hold card
 * data) ever goes into an error: messages name only the method and path.
 */
export async function asaasRequest(
  ctx: ConnectorContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<AsaasResponse> {
  const apiKey = ctx.credentials.api_key;
  if (!apiKey) throw new ConnectorError('retryable', 'gateway_auth', 'No Asaas API key is configured.');
  const what = `${method} ${path.split('?')[0]}`;
  let response: Response;
  try {
    response = await fetch(`${ctx.apiBase ?? ASAAS_BASE_URL[ctx.mode]}${path}`, {
      method,
      headers: {
        access_token: apiKey,
        'User-Agent': USER_AGENT,
        Accept: 'application/json',
        // A GET with a body is refused by Asaas's CDN (403), so only requests with one say so.
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : encodeJson(body),
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
  } catch (err) {
    throw transportError(err, what);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    // The answer started but its body did not arrive: the call's outcome is still unknown.
    throw transportError(err, what);
  }
  let data: unknown = null;
  try {
    data = text === '' ? null : JSON.parse(text);
  } catch {
    data = null;
  }
  return { status: response.status, data };
}

/** The error codes of a 4xx body, for messages: codes only, since descriptions may echo customer data. */
export function errorCodes(data: unknown): string {
  const errors = (data as { errors?: { code?: unknown }[] } | null)?.errors;
  const codes = Array.isArray(errors) ? errors.map((e) => String(e?.code ?? '?')) : [];
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/**
 * An HTTP answer that is not a success, for a call after which no payment can exist at Asaas (customer
 * creation, reads): the next gateway may try. 401/403 mean the key is wrong or lacks permission.
 */
export function refusedCall(
  res: AsaasResponse,
  what: string,
  reference: string | null = null,
): ConnectorError {
  const detail = `Asaas answered HTTP ${res.status} to ${what}${errorCodes(res.data)}.`;
  if (res.status === 401 || res.status === 403)
    return new ConnectorError('retryable', 'gateway_auth', detail, reference);
  if (res.status === 429) return new ConnectorError('retryable', 'gateway_rate_limited', detail, reference);
  if (res.status >= 500) return new ConnectorError('retryable', 'gateway_unavailable', detail, reference);
  return new ConnectorError('retryable', 'gateway_rejected', detail, reference);
}

/** A transport failure of a call after which no payment can exist: the next gateway may try. */
export function unreachable(err: AsaasTransportError, reference: string | null = null): ConnectorError {
  const code = err.reason === 'timeout' ? 'gateway_timeout' : 'gateway_unavailable';
  return new ConnectorError('retryable', code, `Asaas ${err.message}.`, reference);
}
