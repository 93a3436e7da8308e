import { isTimeout } from '../lib/timeout';
import type { ConnectorContext } from './types';

/** How a call proves who it is: a bearer token, HTTP Basic, or a header of the gateway's own. */
export type GatewayAuth =
  | { bearer: string }
  | { basic: { user: string; password: string } }
  | { header: string; value: string };

/**
 * A request body: JSON (`json`, or `jsonText` already encoded, for exact decimal amounts) or
 * `application/x-www-form-urlencoded` text (`form`). No body, no Content-Type.
 */
export type GatewayBody = { json: unknown } | { jsonText: string } | { form: string };

/** A JSON body for a value that may be absent (a GET, a POST without one). */
export function jsonBody(value: unknown): GatewayBody | undefined {
  return value === undefined ? undefined : { json: value };
}

export type GatewayRequest = {
  /** The API base (the mode's documented host, or the operator's override: `gatewayBase`). */
  base: string;
  path: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  auth?: GatewayAuth;
  body?: GatewayBody;
  /** The gateway's idempotency header and the key; an empty key sends no header. */
  idempotency?: { header: string; key: string | undefined };
  /** Further headers the gateway documents (an API version, a User-Agent). */
  headers?: Record<string, string>;
  timeoutMs: number;
};

/**
 * What came of one call. `ok` (2xx) and `http_error` (any other status) carry the parsed JSON body,
 * or null when it was empty or not JSON. `timeout`: no answer in time, so the gateway may have acted;
 * `network`: the connection failed. A body that stopped arriving counts as a timeout or network error.
 */
export type GatewayAnswer<T = unknown> =
  | { kind: 'ok'; status: number; body: T | null }
  | { kind: 'http_error'; status: number; body: unknown }
  | { kind: 'timeout' }
  | { kind: 'network' };

/** The gateway's documented host for this mode, or the operator's override (`<SLUG>_API_BASE`). */
export function gatewayBase(
  ctx: Pick<ConnectorContext, 'apiBase' | 'mode'>,
  hosts: string | Readonly<Record<'test' | 'live', string>>,
): string {
  return ctx.apiBase ?? (typeof hosts === 'string' ? hosts : hosts[ctx.mode]);
}

function authHeader(auth: GatewayAuth): [string, string] {
  if ('bearer' in auth) return ['Authorization', `Bearer ${auth.bearer}`];
  if ('basic' in auth) return ['Authorization', `Basic ${btoa(`${auth.basic.user}:${auth.basic.password}`)}`];
  return [auth.header, auth.value];
}

function encodeBody(body: GatewayBody): { contentType: string; text: string } {
  if ('form' in body) return { contentType: 'application/x-www-form-urlencoded', text: body.form };
  const text = 'jsonText' in body ? body.jsonText : JSON.stringify(body.json);
  return { contentType: 'application/json', text };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * One call to a gateway, bounded by `timeoutMs` (the whole answer, body included). Never throws for
 * what the network or the gateway does: every outcome is a `GatewayAnswer`. Nothing of the request
 * (it may hold card data or secrets) is kept in what it returns.
 */
export async function gatewayRequest<T = unknown>(req: GatewayRequest): Promise<GatewayAnswer<T>> {
  const headers = new Headers({ Accept: 'application/json' });
  if (req.auth) headers.set(...authHeader(req.auth));
  const body = req.body === undefined ? undefined : encodeBody(req.body);
  if (body) headers.set('Content-Type', body.contentType);
  if (req.idempotency?.key) headers.set(req.idempotency.header, req.idempotency.key);
  for (const [name, value] of Object.entries(req.headers ?? {})) headers.set(name, value);
  const signal = AbortSignal.timeout(req.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${req.base}${req.path}`, {
      method: req.method,
      headers,
      body: body?.text,
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    return { kind: isTimeout(err, signal) ? 'timeout' : 'network' };
  }
  const parsed = parseJson(text);
  if (status >= 200 && status < 300) return { kind: 'ok', status, body: parsed as T | null };
  return { kind: 'http_error', status, body: parsed };
}
