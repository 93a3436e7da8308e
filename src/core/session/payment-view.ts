import type { PaymentDetails, PaymentRow } from '../../db/schema';
import { isoUtc } from '../../lib/time';

/** The public shape of a payment attempt (client API, merchant API). Never carries card data beyond brand/last4. */
export type PaymentView = {
  id: string;
  object: 'payment';
  checkout_session_id: string;
  status: PaymentRow['status'];
  method: string;
  gateway: string;
  amount: number;
  currency: string;
  installments: number;
  /** Discount (negative) or addition (positive) of the method's pricing, in minor units. */
  adjustment: number;
  installment_plan: { amounts: number[]; monthly_rate: number } | null;
  card: { brand: string; last4: string } | null;
  /** `end_to_end_id`: the settled transfer's id (BCB), when the settlement carried one. */
  pix: { qr_code: string; expires_at: string; end_to_end_id: string | null } | null;
  boleto: NonNullable<PaymentDetails['boleto']> | null;
  bank_transfer: NonNullable<PaymentDetails['bank_transfer']> | null;
  spei: NonNullable<PaymentDetails['spei']> | null;
  voucher: { reference: string; kind: 'voucher' | 'redirect'; expires_at: string; url?: string } | null;
  failure_code: string | null;
  failure_message: string | null;
  /** What went back to the customer in succeeded refunds, in minor units. */
  refunded_amount: number;
  /** Money that arrived unexpectedly: late, duplicate or for another amount; null for a normal payment. */
  settlement: null | {
    flag: NonNullable<PaymentRow['settlementFlag']>;
    resolution: PaymentRow['flagResolution'];
    received_amount: number;
    received_currency: string;
  };
  livemode: boolean;
  created_at: string;
  paid_at: string | null;
};

export function paymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id,
    object: 'payment',
    checkout_session_id: p.sessionId,
    status: p.status,
    method: p.method,
    gateway: p.gateway,
    amount: p.amount,
    currency: p.currency,
    installments: p.installments,
    adjustment: p.adjustment,
    installment_plan: p.installmentPlan,
    card: p.details.card ?? null,
    pix: p.details.pix
      ? {
          qr_code: p.details.pix.payload,
          expires_at: isoUtc(p.details.pix.expires_at),
          end_to_end_id: p.details.pix.end_to_end_id ?? null,
        }
      : null,
    boleto: p.details.boleto ?? null,
    bank_transfer: p.details.bank_transfer ?? null,
    spei: p.details.spei ?? null,
    voucher: p.details.voucher
      ? { ...p.details.voucher, expires_at: isoUtc(p.details.voucher.expires_at) }
      : null,
    failure_code: p.failureCode,
    failure_message: p.failureMessage,
    refunded_amount: p.refundedAmount,
    settlement: p.settlementFlag
      ? {
          flag: p.settlementFlag,
          resolution: p.flagResolution,
          received_amount: p.receivedAmount ?? p.amount,
          received_currency: p.receivedCurrency ?? p.currency,
        }
      : null,
    livemode: p.mode === 'live',
    created_at: isoUtc(p.createdAt),
    paid_at: p.paidAt === null ? null : isoUtc(p.paidAt),
  };
}
