import { isTimeout } from '../../lib/timeout';
import { bearerToken, dropToken, readTokenAnswer, tokenCacheKey } from '../oauth-token';
import { type ConnectorContext, ConnectorError } from '../types';

/** e.Rede hosts (API v2 since the OAuth2 authentication of 2026). */
export const EREDE_HOSTS = {
  live: {
    api: 'https://api.userede.com.br/erede/v2',
    token: 'https://api.userede.com.br/redelabs/oauth2/token',
  },
  test: {
    api: 'https://sandbox-erede.useredecloud.com.br/v2',
    token: 'https://rl7-sandbox-api.useredecloud.com.br/oauth2/token',
  },
} as const;

/** Where this call goes: the documented host of the mode, or `<apiBase>/v2` and `<apiBase>/oauth2/token`. */
export function eredeUrls(ctx: Pick<ConnectorContext, 'apiBase' | 'mode'>): { api: string; token: string } {
  if (ctx.apiBase) return { api: `${ctx.apiBase}/v2`, token: `${ctx.apiBase}/oauth2/token` };
  return EREDE_HOSTS[ctx.mode];
}

export type ERedeReply<T> = { status: number; body: T | null };

/** A call that got no HTTP answer: `timeout` may have reached e.Rede, `unreachable` did not get a reply. */
export class ERedeTransportError extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    what: string,
  ) {
    super(`e.Rede ${what} ${reason === 'timeout' ? 'did not answer in time' : 'could not be reached'}`);
  }
}

async function send(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  what: string,
): Promise<{ status: number; text: string }> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const timedOut = isTimeout(err, signal);
    throw new ERedeTransportError(timedOut ? 'timeout' : 'unreachable', what);
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
      'e.Rede client_id and client_secret are not configured',
    );
  }
  return { clientId, clientSecret };
}

/**
 * OAuth2 client credentials: POST the token URL with HTTP Basic (client_id = the PV/affiliation,
 * client_secret = the integration key) and `grant_type=client_credentials` as a form. Any failure
 * means no payment was attempted: retryable.
 */
async function exchange(
  ctx: ConnectorContext,
  tokenUrl: string,
): Promise<{ accessToken: string; expiresAt: number }> {
  const { clientId, clientSecret } = credentials(ctx);
  let reply: { status: number; text: string };
  try {
    reply = await send(
      tokenUrl,
      {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
      },
      ctx.timeoutMs,
      'token exchange',
    );
  } catch (err) {
    const code =
      (err as ERedeTransportError).reason === 'timeout' ? 'gateway_timeout' : 'gateway_unavailable';
    throw new ConnectorError('retryable', code, (err as Error).message);
  }
  if (reply.status === 401 || reply.status === 400 || reply.status === 403) {
    throw new ConnectorError(
      'retryable',
      'gateway_auth',
      `e.Rede refused the client credentials (HTTP ${reply.status})`,
    );
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `e.Rede token exchange answered HTTP ${reply.status}`,
    );
  }
  return readTokenAnswer(parse(reply.text), Date.now(), 'e.Rede');
}

/**
 * One call to the transactions API with a cached bearer token. A 401 drops the token and tries once
 * more with a fresh one (a token revoked before its time). Returns every HTTP answer as it came;
 * throws ERedeTransportError when none came, ConnectorError when no token could be had.
 */
export async function eredeCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ERedeReply<T>> {
  const urls = eredeUrls(ctx);
  const { clientId, clientSecret } = credentials(ctx);
  const key = await tokenCacheKey(urls.token, clientId, clientSecret);
  for (let attempt = 0; ; attempt++) {
    const token = await bearerToken(key, Date.now(), () => exchange(ctx, urls.token));
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const reply = await send(
      `${urls.api}${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      ctx.timeoutMs,
      `${method} ${path.split('?')[0]}`,
    );
    if (reply.status === 401 && attempt === 0) {
      dropToken(key);
      continue;
    }
    return { status: reply.status, body: parse<T>(reply.text) };
  }
}
