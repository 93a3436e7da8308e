import type { GatewayAccountRow, PaymentRow, SessionRow } from '../../db/schema';
import type { SessionStatus } from '../../domain/session-state';
import type { Mode } from '../../domain/tenant';
import type { CardInput, MerchantProfile } from '../../gateways/types';

export type TransitionCommand = {
  sessionId: string;
  to: SessionStatus;
  /** When set, the session must belong to this merchant and mode, else it is reported not found. */
  owner?: { merchantId: string; mode: Mode };
  /** The sweep's expiry: refused unless expires_at has really passed (the sweep may read a stale row). */
  onlyIfDue?: boolean;
  now?: number;
};

/** What the calling Worker already read from D1, so a cold object need not read it again. */
export type PayHint = {
  session: SessionRow;
  /** The merchant's enabled gateway accounts for the session's mode (credentials still sealed). */
  accounts?: GatewayAccountRow[];
  merchant: MerchantProfile;
};

export type PayCommand = {
  sessionId: string;
  hint?: PayHint;
  method: string;
  customer: { name: string; email: string; document?: string; phone?: string };
  card?: CardInput;
  /** The customer's bank for a bank debit (PSE), as the gateway codes it. */
  bank?: string;
  /** The customer's IP address as the edge saw it. */
  customerIp?: string;
  /** The checkout page a bank or wallet sends the customer back to. */
  returnUrl?: string;
  installments?: number;
  now?: number;
};

export type SettleCommand = {
  sessionId: string;
  paymentId: string;
  outcome: 'paid' | 'denied' | 'expired';
  owner?: { merchantId: string; mode: Mode };
  /** What the gateway says arrived (minor units of `currency`), compared with what was charged. */
  amount?: number;
  currency?: string;
  /** A PIX settlement's end-to-end id, kept on the payment (search by it in the panel). */
  endToEndId?: string;
  now?: number;
};

/** Refusal codes a session command can answer with; the HTTP layer maps them to problems. */
export type RefusalCode =
  | 'not_found'
  | 'invalid_state_transition'
  | 'concurrent_update'
  | 'session_expired'
  | 'session_paid'
  | 'session_canceled'
  | 'payment_in_progress'
  | 'method_not_available'
  | 'no_gateway'
  | 'validation_failed'
  | 'payment_not_refundable'
  | 'refund_window_closed'
  | 'refund_exceeds_refundable'
  | 'invalid_refund_transition'
  | 'payment_not_held'
  | 'amount_insufficient'
  | 'order_already_paid'
  | 'order_has_open_session';

export type Refusal = {
  ok: false;
  code: RefusalCode;
  detail: string;
  status?: SessionStatus;
  field?: string;
  fieldCode?: string;
  /** Nothing was written: the command may simply run again (another writer had moved the session). */
  retryable?: boolean;
};

export type TransitionOutcome = { ok: true; session: SessionRow; eventIds: string[] } | Refusal;
export type PayOutcome = { ok: true; session: SessionRow; payment: PaymentRow } | Refusal;

/** A status read of the page; `baseUrl` builds the QR and boleto links the status carries. */
export type StatusCommand = { sessionId: string; baseUrl: string; now?: number };

export const NOT_FOUND: Refusal = { ok: false, code: 'not_found', detail: 'No such checkout session.' };
export const CONCURRENT: Refusal = {
  ok: false,
  code: 'concurrent_update',
  detail: 'The session changed while this ran; retry.',
};
