import type { PaymentRow } from '../../db/schema';

/**
 * Fintoc's checkout session events (https://docs.fintoc.com/docs/checkout-session, "Complete the
 * payment on your backend"): `{id, object: "event", type, data}` where `data` is the session as Fintoc
 * shows it: `id`, `created_at`, `object: "session"`, lowercase `currency` and `country`, `amount`,
 * `customer_email`, `expires_at` (the UNIX string the create answer gave), `product`, `mode`,
 * `return_url`, `status` ("succeeded" once paid), `session_token`, `type`, `metadata`,
 * `payment_methods` and `payment_intent` (id, object, amount, currency, status, reference_id,
 * transaction_date, metadata, error_reason, recipient/sender accounts, created_at). Borda's own session
 * object rides along under `borda`. Only the two documented events reach a Fintoc-style URL.
 */
export const FINTOC_EVENTS: ReadonlySet<string> = new Set([
  'checkout_session.finished',
  'checkout_session.expired',
]);

export type FintocExtras = { sessionToken: string; payment: PaymentRow | null };

const STATUS: Record<string, string> = { paid: 'succeeded', expired: 'expired', canceled: 'canceled' };
const INTENT_STATUS: Record<string, string> = {
  paid: 'succeeded',
  pending: 'pending',
  denied: 'failed',
  expired: 'failed',
  canceled: 'failed',
};

/** Fintoc writes instants with milliseconds and `Z` (2021-10-15T15:22:11.474Z). */
const iso = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? new Date(v).toISOString() : null;

function paymentIntent(p: PaymentRow, metadata: unknown) {
  const account = p.details.bank_transfer;
  return {
    id: p.id,
    object: 'payment_intent',
    amount: p.amount,
    currency: p.currency,
    status: INTENT_STATUS[p.status] ?? p.status,
    reference_id: p.gatewayReference ?? p.id,
    transaction_date: iso(p.paidAt ?? p.updatedAt),
    metadata,
    error_reason: p.failureCode,
    // As far as Borda knows them: the merchant's account for a transfer; nothing is known of the sender.
    recipient_account: account
      ? {
          holder_id: account.document,
          number: account.account,
          type: `${account.account_type}_account`,
          institution_id: account.bank_code,
        }
      : null,
    sender_account: null,
    created_at: iso(p.createdAt),
  };
}

export function fintocBody(
  e: { id: string; type: string; mode: string; createdAt: number; data: Record<string, unknown> },
  extras: FintocExtras,
): string {
  const s = e.data;
  const data = {
    id: s.id,
    created_at: iso(s.created_at),
    object: 'session',
    currency: String(s.currency).toLowerCase(),
    amount: s.amount,
    customer_email: (s.customer as { email?: string } | null)?.email ?? null,
    expires_at: String(Math.floor(Date.parse(String(s.expires_at)) / 1000)),
    product: 'payments',
    mode: s.livemode ? 'live' : 'test',
    return_url: s.success_url ?? null,
    status: STATUS[String(s.status)] ?? String(s.status),
    session_token: extras.sessionToken,
    type: 'embedded',
    country: alpha2(String(s.country)),
    metadata: s.metadata ?? {},
    payment_methods: extras.payment ? [extras.payment.method] : [],
    // Fintoc's prefilled payer options; Borda's checkout asks the payer instead, so there are none.
    payment_method_options: null,
    payment_intent: extras.payment ? paymentIntent(extras.payment, s.metadata ?? {}) : null,
    borda: s,
  };
  return JSON.stringify({ id: e.id, object: 'event', type: e.type, data });
}

const ALPHA2: Record<string, string> = {
  BRA: 'br',
  PER: 'pe',
  COL: 'co',
  CHL: 'cl',
  MEX: 'mx',
  ECU: 'ec',
  ARG: 'ar',
};
function alpha2(alpha3: string): string {
  return ALPHA2[alpha3] ?? alpha3.toLowerCase();
}
