/**
 * Stripe wire shapes: only the fields Borda sends or reads, named exactly as on the wire. Sources are
 * listed at the top of `client.ts`. The status unions come from the official `stripe` package's types
 * (`import type` only: erased at build, no byte of the SDK reaches the Worker), so upgrading the
 * package turns a status Stripe adds into a type error in the tables below.
 */
import type Stripe from 'stripe';
import type { GatewayRefundResult, GatewayStatus } from '../types';

/** The API version Borda's shapes are written against (the `stripe` package's pinned version). */
export const STRIPE_API_VERSION = '2026-10-28.endive';

/** Strip the SDK's open-ended `OtherString` so the union is the documented, closed set. */
type Known<T> = T extends string ? (string extends T ? never : T) : never;

export type StripeIntentStatus = Known<Stripe.PaymentIntent.Status>;

export type StripeNextAction = {
  type: string;
  pix_display_qr_code?: {
    data?: string | null;
    expires_at?: number | null;
    hosted_instructions_url?: string | null;
    image_url_svg?: string | null;
  };
  oxxo_display_details?: {
    number?: string | null;
    expires_after?: number | null;
    hosted_voucher_url?: string | null;
  };
  boleto_display_details?: {
    number?: string | null;
    expires_at?: number | null;
    hosted_voucher_url?: string | null;
    pdf?: string | null;
  };
};

/** `last_payment_error` / an API error: `decline_code` only on card declines. */
export type StripeError = {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
  payment_intent?: StripePaymentIntent;
};

export type StripePaymentIntent = {
  id: string;
  object?: 'payment_intent';
  status: string;
  amount?: number;
  amount_received?: number;
  currency?: string;
  livemode?: boolean;
  metadata?: Record<string, string>;
  payment_method_types?: string[];
  next_action?: StripeNextAction | null;
  last_payment_error?: StripeError | null;
  cancellation_reason?: string | null;
  latest_charge?: string | { id: string; payment_method_details?: StripeChargeMethod } | null;
};

type StripeChargeMethod = { type?: string; card?: { brand?: string; last4?: string } };

export type StripeSearchResult<T> = { object: 'search_result'; data: T[]; has_more?: boolean };
export type StripeList<T> = { object: 'list'; data: T[]; has_more?: boolean };

export type StripeRefund = {
  id: string;
  object?: 'refund';
  status: string | null;
  amount?: number;
  payment_intent?: string | null;
  failure_reason?: string | null;
  metadata?: Record<string, string>;
};

/** An event delivered to a webhook endpoint (`data.object` is the resource as of the event). */
export type StripeEvent = {
  id: string;
  object: 'event';
  type: string;
  livemode: boolean;
  created: number;
  data: { object: StripePaymentIntent | Record<string, unknown> };
};

type BordaStatus = GatewayStatus['status'];

/**
 * PaymentIntent status → Borda. Exhaustive over the SDK's union. `requires_action` is how an issued
 * PIX or OXXO voucher waits for the customer; `requires_payment_method` means the last attempt
 * failed (a card decline, an expired voucher), refined by `intentStatus` in map.ts; Borda captures
 * automatically, so `requires_capture` is only a moment before `succeeded`.
 */
export const INTENT_STATUS: Record<StripeIntentStatus, BordaStatus> = {
  requires_payment_method: 'denied',
  requires_confirmation: 'pending',
  requires_action: 'pending',
  processing: 'pending',
  requires_capture: 'pending',
  canceled: 'canceled',
  succeeded: 'paid',
};

export type StripeRefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

/** Refund status → Borda; a canceled refund returned no money, so it failed. */
export const REFUND_STATUS: Record<StripeRefundStatus, GatewayRefundResult['status']> = {
  pending: 'pending',
  requires_action: 'requires_action',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'failed',
};

/** A status Stripe adds later reads as pending: neither paid nor failed until someone looks. */
export function intentTableStatus(status: string): BordaStatus {
  return Object.hasOwn(INTENT_STATUS, status) ? INTENT_STATUS[status as StripeIntentStatus] : 'pending';
}

export function refundStatus(status: string | null): GatewayRefundResult['status'] {
  return status && Object.hasOwn(REFUND_STATUS, status)
    ? REFUND_STATUS[status as StripeRefundStatus]
    : 'pending';
}
