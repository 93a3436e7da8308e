import { bearerCall, type OAuthClient } from '../bearer-call';
import { jsonBody } from '../http';
import type { GatewayReply } from '../http-outcome';
import type { ConnectorContext } from '../types';

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

export type ERedeReply<T> = GatewayReply<T>;

/**
 * OAuth2 client credentials: POST the token URL with HTTP Basic (client_id = the PV/affiliation,
 * client_secret = the integration key) and `grant_type=client_credentials` as a form.
 */
function oauthClient(tokenUrl: string): OAuthClient {
  return {
    gateway: 'e.Rede',
    tokenUrl,
    tokenRequest: (clientId, clientSecret) => ({
      auth: { basic: { user: clientId, password: clientSecret } },
      body: { form: 'grant_type=client_credentials' },
    }),
    refused: (status) => status === 400 || status === 401 || status === 403,
  };
}

/**
 * One call to the transactions API with a cached bearer token (a 401 tries once more with a fresh
 * one). Returns every HTTP answer as it came; throws GatewayUnanswered when none came, ConnectorError
 * when no token could be had.
 */
export async function eredeCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ERedeReply<T>> {
  const urls = eredeUrls(ctx);
  return bearerCall<T>(ctx, oauthClient(urls.token), {
    base: urls.api,
    path,
    method,
    body: jsonBody(body),
  });
}
