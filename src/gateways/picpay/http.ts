import { isTimeout } from '../../lib/timeout';
import { bearerToken, dropToken, readTokenAnswer, tokenCacheKey } from '../oauth-token';
import { type ConnectorContext, ConnectorError } from '../types';

/** PicPay Checkout API hosts; the API lives under /api/v1, the token endpoint at /oauth2/token. */
export const PICPAY_HOSTS = {
  live: 'https://checkout-api.picpay.com',
  test: 'https://checkout-api-sandbox.picpay.com',
} as const;

export function picpayHost(ctx: Pick<ConnectorContext, 'apiBase' | 'mode'>): string {
  return ctx.apiBase ?? PICPAY_HOSTS[ctx.mode];
}

export type PicPayReply<T> = { status: number; body: T | null };

/** A call that got no HTTP answer: `timeout` may have reached PicPay, `unreachable` did not get a reply. */
export class PicPayTransportError extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    what: string,
  ) {
    super(`PicPay ${what} ${reason === 'timeout' ? 'did not answer in time' : 'could not be reached'}`);
  }
}

async function send(url: string, init: RequestInit, timeoutMs: number, what: string) {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const timedOut = isTimeout(err, signal);
    throw new PicPayTransportError(timedOut ? 'timeout' : 'unreachable', what);
  }
}

function parse<T>(text: string): T | null {
  try {
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function credentials(ctx: ConnectorContext): { clientId: string; clientSecret: string } {
  const clientId = ctx.credentials.client_id;
  const clientSecret = ctx.credentials.client_secret;
  if (!clientId || !clientSecret) {
    throw new ConnectorError(
      'retryable',
      'gateway_auth',
      'PicPay client_id and client_secret are not configured',
    );
  }
  return { clientId, clientSecret };
}

/**
 * OAuth2 client credentials as PicPay documents them: POST /oauth2/token with a JSON body
 * `{grant_type: "client_credentials", client_id, client_secret}`. Any failure: no charge was made.
 */
async function exchange(ctx: ConnectorContext, tokenUrl: string) {
  const { clientId, clientSecret } = credentials(ctx);
  let reply: { status: number; text: string };
  try {
    reply = await send(
      tokenUrl,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }),
      },
      ctx.timeoutMs,
      'token exchange',
    );
  } catch (err) {
    const code =
      (err as PicPayTransportError).reason === 'timeout' ? 'gateway_timeout' : 'gateway_unavailable';
    throw new ConnectorError('retryable', code, (err as Error).message);
  }
  if (reply.status >= 400 && reply.status < 500) {
    throw new ConnectorError(
      'retryable',
      'gateway_auth',
      `PicPay refused the client credentials (HTTP ${reply.status})`,
    );
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `PicPay token exchange answered HTTP ${reply.status}`,
    );
  }
  return readTokenAnswer(parse(reply.text), Date.now(), 'PicPay');
}

/**
 * One call to the Checkout API with a cached bearer token; a 401 drops the token and tries once more
 * with a fresh one. Returns every HTTP answer; throws PicPayTransportError when none came.
 */
export async function picpayCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<PicPayReply<T>> {
  const base = picpayHost(ctx);
  const tokenUrl = `${base}/oauth2/token`;
  const { clientId, clientSecret } = credentials(ctx);
  const key = await tokenCacheKey(tokenUrl, clientId, clientSecret);
  for (let attempt = 0; ; attempt++) {
    const token = await bearerToken(key, Date.now(), () => exchange(ctx, tokenUrl));
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const reply = await send(
      `${base}/api/v1${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      ctx.timeoutMs,
      `${method} ${path}`,
    );
    if (reply.status === 401 && attempt === 0) {
      dropToken(key);
      continue;
    }
    return { status: reply.status, body: parse<T>(reply.text) };
  }
}
