import { ConnectorError } from '../types';

/**
 * The payment hashes a notification names. EBANX posts a form (`operation=payment_status_change`,
 * `notification_type`, `hash_codes` as a comma-separated list; some examples name a single `hash`),
 * and no payment state: Borda asks EBANX for each payment with the merchant's own key.
 */
export function notifiedHashes(body: string, contentType: string | null): { type: string; hashes: string[] } {
  let fields: Record<string, unknown> = {};
  if ((contentType ?? '').includes('json')) {
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      fields = {};
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  const operation = typeof fields.operation === 'string' ? fields.operation : '';
  if (operation !== 'payment_status_change') {
    throw new ConnectorError(
      'retryable',
      'invalid_payload',
      'EBANX notification is not a payment status change',
    );
  }
  const raw = [fields.hash_codes, fields.hash].find((v) => typeof v === 'string') as string | undefined;
  const hashes = (raw ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => /^[A-Za-z0-9]{16,64}$/.test(h));
  if (hashes.length === 0)
    throw new ConnectorError('retryable', 'invalid_payload', 'EBANX notification names no payment');
  const type = typeof fields.notification_type === 'string' ? fields.notification_type : 'update';
  return { type, hashes };
}
