import type { RefundRow, SessionRow } from '../../db/schema';
import type { RefundBankAccount } from '../../gateways/types';
import { bankLinkUrl } from '../../lib/refund-link';
import { isoUtc } from '../../lib/time';
import type { Ports } from '../../platform/ports';

export type RefundNextAction =
  | { type: 'collect_bank_account'; url: string }
  | { type: 'confirm_transfer'; bank_account: RefundBankAccount | { account_last4: string } };

/** The action a refund waits on, with the customer's link built on the checkout's own origin. */
export async function nextAction(
  ports: Pick<Ports, 'secrets'>,
  session: SessionRow,
  r: RefundRow,
): Promise<RefundNextAction | null> {
  if (r.status !== 'requires_action') return null;
  if (r.bankAccountHint) {
    return { type: 'confirm_transfer', bank_account: { account_last4: r.bankAccountHint.account_last4 } };
  }
  // A gateway that collects the payer's account on its own form (Asaas) gets the customer sent there.
  if (r.gatewayActionUrl) return { type: 'collect_bank_account', url: r.gatewayActionUrl };
  return {
    type: 'collect_bank_account',
    url: await bankLinkUrl(ports.secrets.signingKey, session.checkoutUrl, r.id),
  };
}

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
