import { sha256Hex, timingSafeEqualText } from '../../lib/crypto';
import { type ConnectorContext, ConnectorError, type InboundGatewayEvent } from '../types';
import { webhookEvent } from './map';
import type { PagbankOrder } from './wire';

function unauthorized(why: string): ConnectorError {
  return new ConnectorError('retryable', 'unauthorized', `PagBank notification rejected: ${why}`);
}

/**
 * "Confirmar autenticidade da notificação": `x-authenticity-token` is the SHA-256 (hex) of the
 * account's token, a hyphen and the payload exactly as received — `sha256(token + "-" + body)` —
 * compared in constant time. The raw body is hashed as it arrived; nothing is re-serialised.
 */
export async function verifyPagbankSignature(
  header: string | null,
  body: string,
  token: string,
): Promise<void> {
  if (!header) throw unauthorized('no x-authenticity-token header');
  const expected = await sha256Hex(`${token}-${body}`);
  if (!timingSafeEqualText(header.trim().toLowerCase(), expected)) throw unauthorized('signature mismatch');
}

export async function parsePagbankWebhook(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string },
): Promise<InboundGatewayEvent> {
  const token = ctx.credentials.token;
  if (!token) throw unauthorized('no token configured');
  await verifyPagbankSignature(req.headers.get('x-authenticity-token'), req.body, token);
  let order: Partial<PagbankOrder> | null;
  try {
    order = JSON.parse(req.body) as Partial<PagbankOrder> | null;
  } catch {
    order = null;
  }
  if (
    !order ||
    typeof order.id !== 'string' ||
    (order.charges !== undefined && !Array.isArray(order.charges))
  ) {
    throw new ConnectorError('retryable', 'invalid_payload', 'PagBank notification body is not an order');
  }
  return webhookEvent(order as PagbankOrder);
}
