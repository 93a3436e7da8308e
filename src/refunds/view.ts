import type { RefundRow } from '../db/schema';
import type { RefundBankAccount } from '../gateways/types';
import { isoUtc } from '../lib/time';

export type RefundNextAction =
  | { type: 'collect_bank_account'; url: string }
  | { type: 'confirm_transfer'; bank_account: RefundBankAccount | { account_last4: string } };

/** The public shape of a refund (merchant API and refund events). */
export function refundView(r: RefundRow, nextAction: RefundNextAction | null = null) {
  return {
    id: r.id,
    object: 'refund' as const,
    payment_id: r.paymentId,
    checkout_session_id: r.sessionId,
    status: r.status,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason,
    metadata: r.metadata,
    origin: r.origin,
    gateway: r.gateway,
    gateway_reference: r.gatewayReference,
    failure_code: r.failureCode,
    /** A PIX devolução must be asked before this instant. */
    window_closes_at: r.windowClosesAt === null ? null : isoUtc(r.windowClosesAt),
    bank_account: r.bankAccountHint,
    next_action: nextAction,
    completed_by: r.completedBy,
    livemode: r.mode === 'live',
    created_at: isoUtc(r.createdAt),
    completed_at: r.completedAt === null ? null : isoUtc(r.completedAt),
  };
}

export type RefundView = ReturnType<typeof refundView>;
