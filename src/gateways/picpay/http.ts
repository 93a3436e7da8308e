import { bearerCall, type OAuthClient } from '../bearer-call';
import { gatewayBase, jsonBody } from '../http';
import type { GatewayReply } from '../http-outcome';
import type { ConnectorContext } from '../types';

/** PicPay Checkout API hosts; the API lives under /api/v1, the token endpoint at /oauth2/token. */
export const PICPAY_HOSTS = {
  live: 'https://checkout-api.picpay.com',
  test: 'https://checkout-api-sandbox.picpay.com',
} as const;

export function picpayHost(ctx: Pick<ConnectorContext, 'apiBase' | 'mode'>): string {
  return gatewayBase(ctx, PICPAY_HOSTS);
}

export type PicPayReply<T> = GatewayReply<T>;

/**
 * OAuth2 client credentials as PicPay documents them: POST /oauth2/token with a JSON body
 * `{grant_type: "client_credentials", client_id, client_secret}`; a 4xx refuses the credentials.
 */
function oauthClient(tokenUrl: string): OAuthClient {
  return {
    gateway: 'PicPay',
    tokenUrl,
    tokenRequest: (clientId, clientSecret) => ({
      body: { json: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } },
    }),
    refused: (status) => status >= 400 && status < 500,
  };
}

/**
 * One call to the Checkout API (under /api/v1) with a cached bearer token (a 401 tries once more with
 * a fresh one). Returns every HTTP answer; throws GatewayUnanswered when none came.
 */
export async function picpayCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<PicPayReply<T>> {
  const base = picpayHost(ctx);
  return bearerCall<T>(ctx, oauthClient(`${base}/oauth2/token`), {
    base: `${base}/api/v1`,
    path,
    method,
    body: jsonBody(body),
  });
}
