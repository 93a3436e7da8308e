import { hmacSha256, timingSafeEqualText, toHex } from '../../lib/crypto';
import { type ConnectorContext, ConnectorError } from '../types';
import type { MpNotification } from './wire';

/** `x-signature: ts=…,v1=…` → its parts; order and spacing do not matter, unknown keys are ignored. */
export function signatureParts(header: string | null): { ts?: string; v1?: string } {
  const out: { ts?: string; v1?: string } = {};
  for (const part of (header ?? '').split(',')) {
    const [k, v] = part.split('=', 2).map((x) => x.trim());
    if ((k === 'ts' || k === 'v1') && v) out[k] = v;
  }
  return out;
}

/**
 * The signed manifest exactly as Mercado Pago documents it: the template
 * `id:[data.id_url];request-id:[x-request-id_header];ts:[ts_header];`, where `data.id` comes from the
 * notification URL's query (lower-cased when alphanumeric) and a part whose value is absent is left out.
 */
export function manifest(dataId: string | undefined, requestId: string | undefined, ts: string): string {
  let out = '';
  if (dataId) out += `id:${/^[a-z0-9]+$/i.test(dataId) ? dataId.toLowerCase() : dataId};`;
  if (requestId) out += `request-id:${requestId};`;
  return `${out}ts:${ts};`;
}

/** The notification's `data.id` and `type`: from the URL's query as signed, else from the body. */
function notificationTarget(req: { body: string; url?: string }): { dataId?: string; type?: string } {
  let body: MpNotification | null = null;
  try {
    body = JSON.parse(req.body) as MpNotification;
  } catch {
    body = null;
  }
  const query = req.url ? new URL(req.url).searchParams : new URLSearchParams();
  const bodyId = body?.data?.id;
  return {
    dataId: query.get('data.id') ?? query.get('id') ?? (bodyId === undefined ? undefined : String(bodyId)),
    type: query.get('type') ?? query.get('topic') ?? body?.type,
  };
}

/**
 * Verifies a notification with the application's webhook secret key (HMAC-SHA256, hex, compared in
 * constant time) and returns the payment id it concerns, or null for a topic other than payments.
 * Throws ConnectorError('retryable', 'unauthorized') when the signature does not verify.
 */
export async function verifiedPaymentId(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string; url?: string },
): Promise<string | null> {
  const secret = ctx.credentials.webhook_secret;
  const { ts, v1 } = signatureParts(req.headers.get('x-signature'));
  const { dataId, type } = notificationTarget(req);
  const requestId = req.headers.get('x-request-id') ?? undefined;
  if (!secret || !ts || !v1) {
    throw new ConnectorError('retryable', 'unauthorized', 'Mercado Pago notification is not signed');
  }
  const expected = toHex(await hmacSha256(secret, manifest(dataId, requestId, ts)));
  if (!timingSafeEqualText(expected, v1.toLowerCase())) {
    throw new ConnectorError('retryable', 'unauthorized', 'Mercado Pago notification signature mismatch');
  }
  if (type !== 'payment' || !dataId) return null;
  if (!/^\d{1,20}$/.test(dataId)) {
    throw new ConnectorError('retryable', 'invalid_payload', 'Mercado Pago payment id is not numeric');
  }
  return dataId;
}
