import { timingSafeEqualText } from '../../lib/crypto';
import { type ConnectorContext, ConnectorError, type InboundGatewayEvent } from '../types';

/**
 * PicPay notifications (Checkout API "Webhook"): a POST per charge status change, authenticated only
 * by the token PicPay shows once when the merchant sets the notification URL in the Painel Lojista,
 * sent in the `Authorization` header. No HMAC: the body is not signed, so Borda reads nothing from it
 * but the charge's id and asks PicPay for the charge itself.
 */

/** The `event_type` header of a charge status change; others (3DS challenge results) are ignored. */
export const CHARGE_EVENT = 'TransactionUpdateMessage';

/**
 * Checks the token in constant time against the merchant's `notification_token` (the bare token, or
 * the same after `Bearer `). A merchant without one accepts nothing.
 * @throws ConnectorError('retryable', 'unauthorized') when it does not match.
 */
export function verifyNotification(ctx: ConnectorContext, headers: Headers): void {
  const expected = ctx.credentials.notification_token;
  const given = (headers.get('Authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  if (!expected || !given || !timingSafeEqualText(given, expected)) {
    throw new ConnectorError('retryable', 'unauthorized', 'PicPay notification token does not match');
  }
}

/** The merchantChargeId a notification names (top level, or under `data`/`charge`); null when none. */
export function notifiedChargeId(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const o = parsed as Record<string, { merchantChargeId?: unknown } | unknown> | null;
  const candidates = [o, o?.data, o?.charge] as { merchantChargeId?: unknown }[];
  for (const c of candidates) {
    if (c && typeof c.merchantChargeId === 'string' && /^[A-Za-z0-9-]{6,36}$/.test(c.merchantChargeId)) {
      return c.merchantChargeId;
    }
  }
  return null;
}

/** A notification that names no charge, or another kind of event: acknowledged, nothing to do. */
export function ignored(reason: string): InboundGatewayEvent {
  return { kind: 'ignored', eventId: '', reason };
}
