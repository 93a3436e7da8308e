import { minorToDecimalLiteral } from '../../domain/decimal';
import type { Currency } from '../../domain/money';

/**
 * The S-Interio Cashier webhook, exactly as its "Step 3: Receive Webhook" example shows it:
 * `event`, `payment_id`, `checkout_session_id`, `merchant_id`, `reference_id`, `status`, `amount` (a
 * decimal, 150.00), `currency`, `method_code`, `payment_method`, `provider`, `paid_at` and `timestamp`
 * (ISO 8601 with `Z`), `metadata`. The cashier's URL receives the document's two events and
 * `payment.refunded` (the same envelope, with `refunded_amount` as a decimal), so a cashier
 * integration learns of money that went back.
 */
export const CASHIER_EVENTS: ReadonlySet<string> = new Set([
  'payment.success',
  'payment.failed',
  'payment.refunded',
]);

/** `2025-01-04T12:30:00Z`: whole seconds, `Z`, as the document writes its instants. */
export function zulu(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The marker the decimal amount replaces: JSON.stringify cannot print 150.00 with its zeros. */
const AMOUNT_MARK = '"__borda_amount__"';
const REFUNDED_MARK = '"__borda_refunded__"';

/**
 * The cashier body for one canonical payment event's data. `method_code` names how it was paid, as the
 * cashier's does (`<provider>-<method>`, e.g. `sandbox-pix`); Borda's own additions (its event id, mode,
 * failure code) sit under `borda`, so a handler reading the document's fields sees only those.
 */
export function cashierBody(e: {
  id: string;
  type: string;
  mode: string;
  data: Record<string, unknown>;
}): string {
  const d = e.data;
  const currency = d.currency as Currency;
  const body = {
    event: e.type,
    payment_id: d.payment_id,
    checkout_session_id: d.checkout_session_id,
    merchant_id: d.merchant_id,
    reference_id: d.reference_id,
    status: d.status,
    amount: '__borda_amount__',
    currency,
    method_code: `${String(d.provider)}-${String(d.payment_method)}`,
    payment_method: d.payment_method,
    provider: d.provider,
    paid_at: zulu(d.paid_at as string | null),
    timestamp: zulu(d.timestamp as string | null),
    metadata: d.metadata ?? {},
    ...(e.type === 'payment.refunded' ? { refunded_amount: '__borda_refunded__' } : {}),
    borda: { event_id: e.id, livemode: e.mode === 'live', failure_code: d.failure_code ?? null },
  };
  return JSON.stringify(body)
    .replace(AMOUNT_MARK, minorToDecimalLiteral(d.amount as number, currency))
    .replace(REFUNDED_MARK, minorToDecimalLiteral(Number(d.refunded_amount ?? 0), currency));
}
