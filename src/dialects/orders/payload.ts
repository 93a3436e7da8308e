import type { OrderRow } from '../../db/schema';
import type { OutboxRecord } from '../../webhooks/payload';

/**
 * Seed 004's "Objeto Cobrança": the order as POST /checkout/orders answers it and as notify_url
 * receives it. Built from the canonical session object (what session events carry), so the response
 * and every webhook come from one function and cannot drift apart.
 */

/** Metadata keys under which the dialect keeps the Southpayments customer fields Borda has no column for. */
export const CUSTOMER_META_PREFIX = 'seed004.customer.';
/** Order of the customer fields in Southpayments' response table. */
export const CUSTOMER_FIELDS = [
  'customer_type',
  'merchant_key',
  'name',
  'email',
  'phone_country_code',
  'phone_number',
  'legal_number',
  'billing_zipcode',
  'billing_street',
  'billing_number',
  'billing_additional',
  'billing_district',
  'billing_city',
  'billing_state',
] as const;

/** The canonical session fields the order object reads (a subset of serializeSession's output). */
export type SessionView = {
  id: string;
  amount: number;
  checkout_url: string;
  status: string;
  merchant_order_id: string;
  description: string | null;
  livemode: boolean;
  created_at: string;
  metadata: Record<string, unknown>;
};

/** 'YYYY-mm-dd HH:MM:SS' in UTC: the document gives the format but no time zone, so UTC is stated. */
export function spDateTime(at: number | string): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

/** Everything the order object shows, from wherever it is known (the request, the order row, an event). */
export type OrderParts = {
  id: string;
  amount: number;
  checkoutUrl: string;
  status: string;
  merchantKey: string;
  description: string | null;
  livemode: boolean;
  createdAt: number | string;
  updatedAt: number;
  customer: Record<string, unknown> | null;
};

/** Seed 004's "Objeto Cobrança", its fields in the document's table order. */
export function orderBody(p: OrderParts): Record<string, unknown> {
  const customer: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) {
    const v = p.customer?.[f];
    if (v !== undefined && v !== null) customer[f] = v;
  }
  return {
    id: p.id,
    amount: p.amount,
    checkout_url: p.checkoutUrl,
    status: p.status,
    merchant_key: p.merchantKey,
    description: p.description,
    sandbox: !p.livemode,
    created_at: spDateTime(p.createdAt),
    updated_at: spDateTime(p.updatedAt),
    customer: Object.keys(customer).length > 0 ? customer : null,
  };
}

/**
 * The order object of a session made before orders had their own row: its id is the session's, its
 * customer was kept in the session's metadata under CUSTOMER_META_PREFIX.
 */
export function orderObject(s: SessionView, updatedAt: number): Record<string, unknown> {
  const customer: Record<string, unknown> = {};
  for (const f of CUSTOMER_FIELDS) customer[f] = s.metadata[CUSTOMER_META_PREFIX + f];
  return orderBody({
    id: s.id,
    amount: s.amount,
    checkoutUrl: s.checkout_url,
    status: s.status,
    merchantKey: s.merchant_order_id,
    description: s.description,
    livemode: s.livemode,
    createdAt: s.created_at,
    updatedAt,
    customer,
  });
}

/** What an order's webhook needs beyond the event: the order row, and what the customer was charged. */
export type OrderExtras = { order: OrderRow; chargedAmount: number | null };

/**
 * The body notify_url receives for a seed 004 session: the order object with its status after the
 * change, on every session event (a replaced session's cancellation is not the order's, and is not sent). `updated_at` is the event's time: the event is written in the same
 * batch as the change, so the two are the same instant. Payment events (and so payment_failure_url's
 * `payment.failed`) keep the canonical body: the document names an "Objeto Pagamento" but does not
 * describe it, so there is nothing faithful to translate to.
 */
export function seed004Body(e: OutboxRecord, extras?: OrderExtras | null): string | null {
  if (!e.type.startsWith('checkout_session.')) return null;
  const d = e.data as Partial<SessionView>;
  if (typeof d.id !== 'string' || typeof d.amount !== 'number') return null;
  if (!extras)
    return JSON.stringify(orderObject({ ...(d as SessionView), metadata: d.metadata ?? {} }, e.createdAt));
  const { order } = extras;
  return JSON.stringify(
    orderBody({
      id: order.id,
      // What was charged once paid (a PIX discount lowers it); the order's amount before.
      amount: d.status === 'paid' && extras.chargedAmount !== null ? extras.chargedAmount : d.amount,
      checkoutUrl: String(d.checkout_url),
      status: String(d.status),
      merchantKey: order.merchantKey,
      description: d.description ?? null,
      livemode: d.livemode === true,
      createdAt: order.createdAt,
      updatedAt: e.createdAt,
      customer: order.customer,
    }),
  );
}
