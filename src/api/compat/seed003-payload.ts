import type { PaymentRow } from '../../db/schema';
import { isoUtc } from '../../lib/time';
import type { OutboxRecord } from '../../webhooks/payload';

/**
 * What seed 003 echoes back but the canonical model has no column for, kept in the session's metadata
 * so reads and webhooks (which only see the event) can answer in the dialect without another lookup.
 */
export const META = {
  customerId: 'seed003_customer_id',
  branch: 'seed003_branch',
  amount: 'seed003_amount',
  currency: 'seed003_currency',
  createdAt: 'seed003_created_at',
} as const;

export type Seed003Status = 'pending' | 'paid' | 'denied' | 'expired';

/** Seed 003 knows four statuses; a canceled charge (its session ended) can no longer be paid, like an expired one. */
export const SEED003_STATUS: Record<PaymentRow['status'], Seed003Status> = {
  pending: 'pending',
  paid: 'paid',
  // A refund does not undo the payment: seed 003 reads it as paid, and `refunded` says how much went back.
  partially_refunded: 'paid',
  refunded: 'paid',
  denied: 'denied',
  expired: 'expired',
  canceled: 'expired',
};

/** The same mapping from the status word payment events carry (see src/session/payment-events.ts). */
const EVENT_STATUS: Record<string, Seed003Status> = {
  pending: 'pending',
  success: 'paid',
  partially_refunded: 'paid',
  refunded: 'paid',
  failed: 'denied',
  expired: 'expired',
  canceled: 'expired',
};

/** GET /v1/payment/{id}'s object (its field list, in its order). */
export type Seed003Payment = {
  id: string;
  customer_id: string | null;
  transaction_id: string;
  amount: string | null;
  currency: string | null;
  status: Seed003Status;
  method: string;
  created_at: string;
  updated_at: string;
  /** Borda's addition, for refunds: seed 003 has no refunded status, so a refunded payment stays `paid`. */
  refunded: Seed003Refunded;
};

export type Seed003Refunded = 'none' | 'partial' | 'full';

function refundedOf(status: string): Seed003Refunded {
  return status === 'refunded' ? 'full' : status === 'partially_refunded' ? 'partial' : 'none';
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function paymentObject(
  payment: Pick<PaymentRow, 'id' | 'status' | 'method' | 'updatedAt'>,
  session: { merchantOrderId: string; metadata: Record<string, unknown>; createdAt: number },
): Seed003Payment {
  const meta = session.metadata;
  return {
    id: payment.id,
    customer_id: str(meta[META.customerId]),
    transaction_id: session.merchantOrderId,
    amount: str(meta[META.amount]),
    currency: str(meta[META.currency]),
    status: SEED003_STATUS[payment.status],
    method: payment.method,
    // The session's instant, as the webhook (which sees only the event's metadata copy) reports it.
    created_at: isoUtc(session.createdAt),
    updated_at: isoUtc(payment.updatedAt),
    refunded: refundedOf(payment.status),
  };
}

/**
 * The callback body of a seed 003 session: for payment events, the object GET /v1/payment/{id}
 * returns, built from the event alone (the delivery has no other read). Other events: null, so the
 * canonical body is sent.
 */
export function seed003Body(e: OutboxRecord): string | null {
  if (!e.type.startsWith('payment.')) return null;
  const d = e.data;
  const meta = (d.metadata ?? {}) as Record<string, unknown>;
  const body: Seed003Payment = {
    id: String(d.payment_id),
    customer_id: str(meta[META.customerId]),
    transaction_id: String(d.reference_id),
    amount: str(meta[META.amount]),
    currency: str(meta[META.currency]),
    status: EVENT_STATUS[String(d.status)] ?? 'pending',
    method: String(d.payment_method),
    // The charge is made in the request that creates its session, so the session's instant is the payment's.
    created_at: str(meta[META.createdAt]) ?? isoUtc(e.createdAt),
    updated_at: str(d.timestamp) ?? isoUtc(e.createdAt),
    refunded: refundedOf(String(d.status)),
  };
  return JSON.stringify(body);
}
