import { isoUtc } from '../lib/time';
import { dialectAdapter, type OutboxRecord, type WebhookDialect } from './dialect-hook';

export type { OutboxRecord, WebhookDialect } from './dialect-hook';

/**
 * The exact JSON text POSTed for an outbox event; sign this string, not a re-serialisation of it.
 *
 * - `payment.*`: seed 000's flat object, `{ id, type, livemode, ...data }`, where `data` already holds
 *   `event`, `payment_id`, `checkout_session_id`, `amount`, `metadata` and the rest. `id`, `type` and
 *   `livemode` come first and win over same-named keys in `data`, so a stray `data.id` cannot replace the
 *   event id receivers deduplicate on.
 * - everything else (`checkout_session.*`): seed 002's envelope
 *   `{ id, object: 'event', type, livemode, created_at, data }`, `created_at` in ISO 8601 UTC with `+00:00`.
 */
export function webhookBody(
  e: OutboxRecord,
  dialect: WebhookDialect = 'canonical',
  extras: unknown = {},
): string {
  // A dialect's own body first (the dialects register it, see dialect-hook.ts); else the canonical one.
  const body = dialect === 'canonical' ? null : (dialectAdapter()?.body(e, dialect, extras) ?? null);
  if (body !== null) return body;
  const livemode = e.mode === 'live';
  if (e.type.startsWith('payment.')) {
    // Listed first so they lead the JSON, then re-set after the spread so data cannot override them;
    // reassigning an existing key keeps its position. Spread (not Object.assign) defines a `__proto__`
    // key in data as a plain property instead of invoking the prototype setter.
    const flat: Record<string, unknown> = { id: e.id, type: e.type, livemode, ...e.data };
    flat.id = e.id;
    flat.type = e.type;
    flat.livemode = livemode;
    return JSON.stringify(flat);
  }
  return JSON.stringify({
    id: e.id,
    object: 'event',
    type: e.type,
    livemode,
    created_at: isoUtc(e.createdAt),
    data: e.data,
  });
}
