import { CASHIER_EVENTS, cashierBody } from '../dialects/cashier/payload';
import type { DialectExtras } from '../dialects/delivery';
import { FINTOC_EVENTS, fintocBody } from '../dialects/fintoc/payload';
import { dialectBody } from '../dialects/payloads';
import { isoUtc } from '../lib/time';

/** An event as the outbox stores it, before it is shaped into the body Borda POSTs. */
export type WebhookDialect = 'canonical' | 'seed000' | 'seed002' | 'seed003' | 'seed004';

export type OutboxRecord = {
  id: string;
  type: string;
  mode: 'test' | 'live';
  /** Epoch milliseconds. */
  createdAt: number;
  data: Record<string, unknown>;
};

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
  extras: DialectExtras = {},
): string {
  if (dialect === 'seed003' || dialect === 'seed004') {
    const body = dialectBody(e, dialect, extras);
    if (body !== null) return body;
  }
  if (dialect === 'seed002' && extras.fintoc && FINTOC_EVENTS.has(e.type))
    return fintocBody(e, extras.fintoc);
  if (dialect === 'seed000' && CASHIER_EVENTS.has(e.type)) return cashierBody(e);
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
