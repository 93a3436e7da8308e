import { type GatewayRequest, gatewayRequest } from './http';
import { type GatewayReply, GatewayUnanswered, replyOf, unanswered } from './http-outcome';
import { type BearerToken, bearerToken, dropToken, readTokenAnswer, tokenCacheKey } from './oauth-token';
import { type ConnectorContext, ConnectorError } from './types';

/** A gateway that takes OAuth2 client credentials (`client_id`, `client_secret`) for a bearer token. */
export type OAuthClient = {
  /** The gateway's name in messages. */
  gateway: string;
  tokenUrl: string;
  /** The token request as the gateway documents it (where the credentials go, the body). */
  tokenRequest: (clientId: string, clientSecret: string) => Pick<GatewayRequest, 'auth' | 'body'>;
  /** The token endpoint's statuses that mean the credentials were refused. */
  refused: (status: number) => boolean;
};

function clientCredentials(ctx: ConnectorContext, gateway: string) {
  const clientId = ctx.credentials.client_id;
  const clientSecret = ctx.credentials.client_secret;
  if (!clientId || !clientSecret) {
    throw new ConnectorError(
      'retryable',
      'gateway_auth',
      `${gateway} client_id and client_secret are not configured`,
    );
  }
  return { clientId, clientSecret };
}

/** The client-credentials exchange. Any failure means no payment was attempted: retryable. */
async function exchange(
  ctx: ConnectorContext,
  client: OAuthClient,
  clientId: string,
  clientSecret: string,
): Promise<BearerToken> {
  const answer = await gatewayRequest({
    base: client.tokenUrl,
    path: '',
    method: 'POST',
    ...client.tokenRequest(clientId, clientSecret),
    timeoutMs: ctx.timeoutMs,
  });
  let reply: GatewayReply<unknown>;
  try {
    reply = replyOf(answer, client.gateway, 'token exchange');
  } catch (err) {
    throw err instanceof GatewayUnanswered ? unanswered(err) : err;
  }
  if (client.refused(reply.status)) {
    throw new ConnectorError(
      'retryable',
      'gateway_auth',
      `${client.gateway} refused the client credentials (HTTP ${reply.status})`,
    );
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new ConnectorError(
      'retryable',
      'gateway_unavailable',
      `${client.gateway} token exchange answered HTTP ${reply.status}`,
    );
  }
  return readTokenAnswer(reply.body, Date.now(), client.gateway);
}

/**
 * One call with a cached bearer token for the context's client credentials. A 401 drops the token and
 * tries once more with a fresh one (a token revoked before its time). Returns every HTTP answer as it
 * came; throws GatewayUnanswered when none came, ConnectorError when no token could be had.
 */
export async function bearerCall<T>(
  ctx: ConnectorContext,
  client: OAuthClient,
  req: Omit<GatewayRequest, 'auth' | 'timeoutMs'>,
): Promise<GatewayReply<T>> {
  const { clientId, clientSecret } = clientCredentials(ctx, client.gateway);
  const key = await tokenCacheKey(client.tokenUrl, clientId, clientSecret);
  const what = `${req.method} ${req.path.split('?')[0]}`;
  for (let attempt = 0; ; attempt++) {
    const token = await bearerToken(key, Date.now(), () => exchange(ctx, client, clientId, clientSecret));
    const answer = await gatewayRequest<T>({ ...req, auth: { bearer: token }, timeoutMs: ctx.timeoutMs });
    const reply = replyOf(answer, client.gateway, what);
    if (reply.status === 401 && attempt === 0) {
      dropToken(key);
      continue;
    }
    return reply;
  }
}
